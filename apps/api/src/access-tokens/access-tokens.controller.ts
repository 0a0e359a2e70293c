import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { AccessTokenDto, CreateAccessTokenResponse } from '@interakt/shared/api-contracts';
import type { AuditContext } from '../audit/audit-context';
import { Caller } from '../audit/caller.decorator';
import { Authenticated } from '../auth/decorators/authenticated.decorator';
import { ApiErrorResponse } from '../common/openapi';
import { AccessTokensService } from './access-tokens.service';
import { AccessTokenListResponse, CreateAccessTokenDto, CreateAccessTokenResponseDto } from './dto/access-token.dto';

@ApiTags('access-tokens')
@Controller('access-tokens')
export class AccessTokensController {
  constructor(private readonly tokens: AccessTokensService) {}

  @Post()
  @Authenticated({ permission: 'tokens.manage', summary: 'Create an application access token; the secret is returned this once' })
  @ApiCreatedResponse({ type: CreateAccessTokenResponseDto })
  @ApiBadRequestResponse({ type: ApiErrorResponse, description: 'VALIDATION_FAILED' })
  create(@Caller() caller: AuditContext, @Body() body: CreateAccessTokenDto): Promise<CreateAccessTokenResponse> {
    return this.tokens.create(caller, body);
  }

  @Get()
  @Authenticated({ permission: 'tokens.manage', summary: 'List application access tokens (never their secrets)' })
  @ApiOkResponse({ type: AccessTokenListResponse })
  list(): Promise<{ items: AccessTokenDto[] }> {
    return this.tokens.list();
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Authenticated({ permission: 'tokens.manage', summary: 'Revoke an access token: it stops working at once' })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ type: ApiErrorResponse, description: 'VALIDATION_FAILED (malformed id)' })
  @ApiNotFoundResponse({ type: ApiErrorResponse, description: 'NOT_FOUND' })
  async revoke(@Caller() caller: AuditContext, @Param('id', new ParseUUIDPipe({ version: undefined })) id: string): Promise<void> {
    await this.tokens.revoke(caller, id);
  }
}
