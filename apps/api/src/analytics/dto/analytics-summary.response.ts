import { ApiProperty } from '@nestjs/swagger';
import {
  AUDIT_ACTOR_TYPES,
  type AnalyticsActorActivityDto,
  type AnalyticsSummaryDto,
  type AnalyticsTotalsDto,
  type AnalyticsUserActivityDto,
  type AuditActorType,
} from '@interakt/shared/api-contracts';

export class AnalyticsTotalsResponse implements AnalyticsTotalsDto {
  @ApiProperty({ description: 'Every audit event in the range' }) events!: number;
  @ApiProperty({ description: 'auth.login events' }) logins!: number;
  @ApiProperty({ description: 'auth.login_failed events' }) failedLogins!: number;
  @ApiProperty({ description: 'Events that are not auth.*: changes made through the API' }) changes!: number;
  @ApiProperty({ description: 'Distinct users with at least one event' }) activeUsers!: number;
}

export class AnalyticsUserActivityResponse implements AnalyticsUserActivityDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Newest snapshot in the range' }) email!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Newest snapshot in the range' }) name!: string | null;
  @ApiProperty() events!: number;
  @ApiProperty() logins!: number;
  @ApiProperty() failedLogins!: number;
  @ApiProperty() changes!: number;
  @ApiProperty({ format: 'date-time' }) lastActivityAt!: string;
}

export class AnalyticsActorActivityResponse implements AnalyticsActorActivityDto {
  @ApiProperty({ enum: AUDIT_ACTOR_TYPES }) type!: AuditActorType;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for the system' }) id!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty() events!: number;
  @ApiProperty() logins!: number;
  @ApiProperty() failedLogins!: number;
  @ApiProperty() changes!: number;
  @ApiProperty({ format: 'date-time' }) lastActivityAt!: string;
}

export class AnalyticsSummaryResponse implements AnalyticsSummaryDto {
  @ApiProperty({ format: 'date-time', description: 'Start of the range, inclusive' }) from!: string;
  @ApiProperty({ format: 'date-time', description: 'End of the range, exclusive' }) to!: string;
  @ApiProperty({ type: AnalyticsTotalsResponse }) totals!: AnalyticsTotalsResponse;
  @ApiProperty({ type: AnalyticsUserActivityResponse, isArray: true, description: 'Users by events, then latest activity; at most 50' })
  users!: AnalyticsUserActivityResponse[];
  @ApiProperty({ type: AnalyticsActorActivityResponse, isArray: true, description: 'The 10 most active actors of any type' })
  topActors!: AnalyticsActorActivityResponse[];
}
