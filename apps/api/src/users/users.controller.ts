import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { CreateUserResponse, Page, SetPasswordResponse, UserDto, UserStatsDto } from '@interakt/shared/api-contracts';
import { Authenticated } from '../auth/decorators/authenticated.decorator';
import type { AuditContext } from '../audit/audit-context';
import { Caller } from '../audit/caller.decorator';
import { ApiErrorResponse } from '../common/openapi';
import { ListUsersQueryDto } from './dto/list-users.query';
import { CreateUserResponseDto, SetPasswordResponseDto, UserPageResponse, UserResponse, UserStatsResponse } from './dto/user.response';
import { CreateUserDto, SetPasswordDto, UpdateUserDto } from './dto/user-write.dto';
import { UsersQueryService } from './users-query.service';
import { UsersService } from './users.service';

const uuid = new ParseUUIDPipe({ version: undefined });

@ApiTags('users')
@ApiBadRequestResponse({ type: ApiErrorResponse, description: 'VALIDATION_FAILED (or WEAK_PASSWORD where a password is set)' })
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly query: UsersQueryService,
  ) {}

  @Get()
  @Authenticated({ permission: 'users.manage', summary: 'List users: search, filter, sort, paginate' })
  @ApiOkResponse({ type: UserPageResponse })
  list(@Query() query: ListUsersQueryDto): Promise<Page<UserDto>> {
    return this.query.list(query);
  }

  @Get('stats')
  @Authenticated({ permission: 'users.manage', summary: 'Counts for the stats cards' })
  @ApiOkResponse({ type: UserStatsResponse })
  stats(): Promise<UserStatsDto> {
    return this.query.stats();
  }

  @Post()
  @Authenticated({ permission: 'users.manage', summary: 'Create a user with a typed or generated password' })
  @ApiCreatedResponse({ type: CreateUserResponseDto })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'EMAIL_TAKEN' })
  create(@Caller() caller: AuditContext, @Body() body: CreateUserDto): Promise<CreateUserResponse> {
    return this.users.create(caller, body);
  }

  @Get(':id')
  @Authenticated({ permission: 'users.manage', summary: 'One user' })
  @ApiOkResponse({ type: UserResponse })
  @ApiNotFoundResponse({ type: ApiErrorResponse, description: 'USER_NOT_FOUND' })
  get(@Param('id', uuid) id: string): Promise<UserDto> {
    return this.users.get(id);
  }

  @Patch(':id')
  @Authenticated({ permission: 'users.manage', summary: 'Change names, email or role' })
  @ApiOkResponse({ type: UserResponse })
  @ApiNotFoundResponse({ type: ApiErrorResponse, description: 'USER_NOT_FOUND' })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'EMAIL_TAKEN or LAST_ADMIN' })
  update(@Caller() caller: AuditContext, @Param('id', uuid) id: string, @Body() body: UpdateUserDto): Promise<UserDto> {
    return this.users.update(caller, id, body);
  }

  @Post(':id/password')
  @HttpCode(HttpStatus.OK)
  @Authenticated({ permission: 'users.manage', summary: "Set a user's password; their tokens stop working" })
  @ApiOkResponse({ type: SetPasswordResponseDto })
  @ApiNotFoundResponse({ type: ApiErrorResponse, description: 'USER_NOT_FOUND' })
  setPassword(@Caller() caller: AuditContext, @Param('id', uuid) id: string, @Body() body: SetPasswordDto): Promise<SetPasswordResponse> {
    return this.users.setPassword(caller, id, body);
  }

  @Post(':id/deactivate')
  @HttpCode(HttpStatus.OK)
  @Authenticated({ permission: 'users.manage', summary: 'Deactivate a user; their tokens stop working' })
  @ApiOkResponse({ type: UserResponse })
  @ApiNotFoundResponse({ type: ApiErrorResponse, description: 'USER_NOT_FOUND' })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'LAST_ADMIN or CANNOT_MODIFY_SELF' })
  deactivate(@Caller() caller: AuditContext, @Param('id', uuid) id: string): Promise<UserDto> {
    return this.users.deactivate(caller, id);
  }

  @Post(':id/activate')
  @HttpCode(HttpStatus.OK)
  @Authenticated({ permission: 'users.manage', summary: 'Activate a user (they sign in anew)' })
  @ApiOkResponse({ type: UserResponse })
  @ApiNotFoundResponse({ type: ApiErrorResponse, description: 'USER_NOT_FOUND' })
  activate(@Caller() caller: AuditContext, @Param('id', uuid) id: string): Promise<UserDto> {
    return this.users.activate(caller, id);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Authenticated({ permission: 'users.manage', summary: 'Delete a user permanently' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ApiErrorResponse, description: 'USER_NOT_FOUND' })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'LAST_ADMIN or CANNOT_MODIFY_SELF' })
  async delete(@Caller() caller: AuditContext, @Param('id', uuid) id: string): Promise<void> {
    await this.users.delete(caller, id);
  }
}
