import { ApiProperty } from '@nestjs/swagger';
import {
  AUDIT_ACTIONS,
  AUDIT_ACTOR_TYPES,
  type AuditAction,
  type AuditActorDto,
  type AuditActorType,
  type AuditEventDto,
  type AuditTargetDto,
} from '@interakt/shared/api-contracts';

export class AuditActorResponse implements AuditActorDto {
  @ApiProperty({ enum: AUDIT_ACTOR_TYPES }) type!: AuditActorType;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null for the system' }) id!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Snapshot at the time; null for tokens and the system' }) email!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "Snapshot: the user's name, the token's name, or the system part" })
  name!: string | null;
}

export class AuditTargetResponse implements AuditTargetDto {
  @ApiProperty({ example: 'user' }) type!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) id!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Snapshot: email, token or resource name' }) label!: string | null;
}

export class AuditEventResponse implements AuditEventDto {
  @ApiProperty({ description: 'Increasing number, as a string' }) id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: AUDIT_ACTIONS }) action!: AuditAction;
  @ApiProperty({ type: AuditActorResponse }) actor!: AuditActorResponse;
  @ApiProperty({ type: AuditTargetResponse, nullable: true }) target!: AuditTargetResponse | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'What changed, as {before, after}; never a password, hash, token or key',
  })
  details!: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: String, description: 'Client address (X-Forwarded-For only with TRUST_PROXY=true)' })
  ip!: string | null;
  @ApiProperty({ nullable: true, type: String }) userAgent!: string | null;
}

export class AuditPageResponse {
  @ApiProperty({ type: AuditEventResponse, isArray: true }) items!: AuditEventResponse[];
  @ApiProperty({ description: 'Matching events: exact up to 100, else PostgreSQL’s estimate' })
  total!: number;
  @ApiProperty({ description: 'false when total is an estimate' }) totalExact!: boolean;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
