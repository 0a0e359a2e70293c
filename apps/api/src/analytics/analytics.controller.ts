import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AnalyticsSummaryDto } from '@interakt/shared/api-contracts';
import { Authenticated } from '../auth/decorators/authenticated.decorator';
import { ApiErrorResponse } from '../common/openapi';
import { AnalyticsService } from './analytics.service';
import { AnalyticsSummaryQueryDto } from './dto/analytics-summary.query';
import { AnalyticsSummaryResponse } from './dto/analytics-summary.response';

@ApiTags('analytics')
@Controller('analytics')
export class AnalyticsController {
  constructor(private readonly analytics: AnalyticsService) {}

  @Get('summary')
  @Authenticated({
    permission: 'analytics.view',
    summary: 'Activity per user from the audit log over a date range (default: last 30 days)',
  })
  @ApiOkResponse({ type: AnalyticsSummaryResponse })
  @ApiBadRequestResponse({
    type: ApiErrorResponse,
    description: 'VALIDATION_FAILED: a malformed date, from not before to, or more than 366 days',
  })
  summary(@Query() query: AnalyticsSummaryQueryDto): Promise<AnalyticsSummaryDto> {
    return this.analytics.summary(query);
  }
}
