import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { AUDIT_ACTIONS, type AuditAction, type AuditListQuery } from '@interakt/shared/api-contracts';
import { PageQueryDto } from '../../common/page-query.dto';

/** Query string of `GET /api/audit` (SPEC §4 Audit). */
export class ListAuditQueryDto extends PageQueryDto implements AuditListQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Events done by this user or access token' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Events done to this user, token, provider or experience' })
  @IsOptional()
  @IsUUID()
  targetId?: string;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS)
  action?: AuditAction;

  @ApiPropertyOptional({ format: 'date-time', description: 'Events at or after this time (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Events before this time (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
