import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { ExperienceDto, Page } from '@interakt/shared/api-contracts';
import type { AuditContext } from '../audit/audit-context';
import { Caller } from '../audit/caller.decorator';
import { Authenticated } from '../auth/decorators/authenticated.decorator';
import { ApiErrorResponse } from '../common/openapi';
import { CreateExperienceDto, UpdateExperienceDto } from './dto/experience-write.dto';
import { ExperiencePageResponse, ExperienceResponse } from './dto/experience.response';
import { ListExperiencesQueryDto } from './dto/list-experiences.query';
import { ExperiencesService } from './experiences.service';

const uuid = new ParseUUIDPipe({ version: undefined });

@ApiTags('experiences')
@ApiBadRequestResponse({ type: ApiErrorResponse, description: 'VALIDATION_FAILED' })
@Controller('experiences')
export class ExperiencesController {
  constructor(private readonly experiences: ExperiencesService) {}

  @Get()
  @Authenticated({ permission: 'content.read', summary: 'List experiences, newest first: search, filter by status, paginate' })
  @ApiOkResponse({ type: ExperiencePageResponse })
  list(@Query() query: ListExperiencesQueryDto): Promise<Page<ExperienceDto>> {
    return this.experiences.list(query);
  }

  @Post()
  @Authenticated({ permission: 'content.write', summary: 'Create an experience (draft unless a status is given)' })
  @ApiCreatedResponse({ type: ExperienceResponse })
  create(@Caller() ctx: AuditContext, @Body() body: CreateExperienceDto): Promise<ExperienceDto> {
    return this.experiences.create(ctx, body);
  }

  @Get(':id')
  @Authenticated({ permission: 'content.read', summary: 'One experience' })
  @ApiOkResponse({ type: ExperienceResponse })
  @ApiNotFoundResponse({ type: ApiErrorResponse, description: 'NOT_FOUND' })
  get(@Param('id', uuid) id: string): Promise<ExperienceDto> {
    return this.experiences.get(id);
  }

  @Patch(':id')
  @Authenticated({ permission: 'content.write', summary: 'Change the name, description or status of an experience' })
  @ApiOkResponse({ type: ExperienceResponse })
  @ApiNotFoundResponse({ type: ApiErrorResponse, description: 'NOT_FOUND' })
  update(@Caller() ctx: AuditContext, @Param('id', uuid) id: string, @Body() body: UpdateExperienceDto): Promise<ExperienceDto> {
    return this.experiences.update(ctx, id, body);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Authenticated({ permission: 'content.write', summary: 'Delete an experience' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ApiErrorResponse, description: 'NOT_FOUND' })
  async delete(@Caller() ctx: AuditContext, @Param('id', uuid) id: string): Promise<void> {
    await this.experiences.delete(ctx, id);
  }
}
