import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuditEventDto, Page } from '@interakt/shared/api-contracts';
import { Authenticated } from '../auth/decorators/authenticated.decorator';
import { ApiErrorResponse } from '../common/openapi';
import { AuditService } from './audit.service';
import { AuditPageResponse } from './dto/audit.response';
import { ListAuditQueryDto } from './dto/list-audit.query';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Authenticated({ permission: 'audit.view', summary: 'The audit log, newest first, filtered and paginated' })
  @ApiOkResponse({ type: AuditPageResponse })
  @ApiBadRequestResponse({ type: ApiErrorResponse, description: 'VALIDATION_FAILED' })
  list(@Query() query: ListAuditQueryDto): Promise<Page<AuditEventDto>> {
    return this.audit.list(query);
  }
}
