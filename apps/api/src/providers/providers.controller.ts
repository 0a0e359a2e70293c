import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { ProviderDto, ProviderListResponse } from '@interakt/shared/api-contracts';
import type { AuditContext } from '../audit/audit-context';
import { Caller } from '../audit/caller.decorator';
import { Authenticated } from '../auth/decorators/authenticated.decorator';
import { ApiErrorResponse } from '../common/openapi';
import { CreateProviderDto, UpdateProviderDto } from './dto/provider-write.dto';
import { ProviderListResponseDto, ProviderResponse } from './dto/provider.response';
import { ProvidersService } from './providers.service';

const uuid = new ParseUUIDPipe({ version: undefined });

@ApiTags('providers')
@ApiBadRequestResponse({ type: ApiErrorResponse, description: 'VALIDATION_FAILED' })
@Controller('providers')
export class ProvidersController {
  constructor(private readonly providers: ProvidersService) {}

  @Get()
  @Authenticated({ permission: 'providers.manage', summary: 'List AI providers by name (API keys masked)' })
  @ApiOkResponse({ type: ProviderListResponseDto })
  async list(): Promise<ProviderListResponse> {
    return { items: await this.providers.list() };
  }

  @Post()
  @Authenticated({ permission: 'providers.manage', summary: 'Add an AI provider; its API key is stored encrypted' })
  @ApiCreatedResponse({ type: ProviderResponse })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'NAME_TAKEN' })
  create(@Caller() ctx: AuditContext, @Body() body: CreateProviderDto): Promise<ProviderDto> {
    return this.providers.create(ctx, body);
  }

  @Get(':id')
  @Authenticated({ permission: 'providers.manage', summary: 'One AI provider (API key masked)' })
  @ApiOkResponse({ type: ProviderResponse })
  @ApiNotFoundResponse({ type: ApiErrorResponse, description: 'NOT_FOUND' })
  get(@Param('id', uuid) id: string): Promise<ProviderDto> {
    return this.providers.get(id);
  }

  @Patch(':id')
  @Authenticated({ permission: 'providers.manage', summary: 'Change an AI provider; apiKey left out keeps the key, null removes it' })
  @ApiOkResponse({ type: ProviderResponse })
  @ApiNotFoundResponse({ type: ApiErrorResponse, description: 'NOT_FOUND' })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'NAME_TAKEN' })
  update(@Caller() ctx: AuditContext, @Param('id', uuid) id: string, @Body() body: UpdateProviderDto): Promise<ProviderDto> {
    return this.providers.update(ctx, id, body);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Authenticated({ permission: 'providers.manage', summary: 'Delete an AI provider and its API key' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ApiErrorResponse, description: 'NOT_FOUND' })
  async delete(@Caller() ctx: AuditContext, @Param('id', uuid) id: string): Promise<void> {
    await this.providers.delete(ctx, id);
  }
}
