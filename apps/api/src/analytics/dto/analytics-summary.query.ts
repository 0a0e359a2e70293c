import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import type { AnalyticsSummaryQuery } from '@interakt/shared/api-contracts';

/** Query string of `GET /api/analytics/summary`; the range rules (from < to, at most a year) are the service's. */
export class AnalyticsSummaryQueryDto implements AnalyticsSummaryQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'Start, inclusive (ISO 8601). Default: 30 days before `to`' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'End, exclusive (ISO 8601). Default: now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
