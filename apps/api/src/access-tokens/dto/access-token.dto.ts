import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { ROLES, type Role } from '@interakt/shared/auth-model';
import {
  ACCESS_TOKEN_DEFAULT_DAYS,
  ACCESS_TOKEN_MAX_DAYS,
  type AccessTokenDto,
  type CreateAccessTokenRequest,
  type CreateAccessTokenResponse,
} from '@interakt/shared/api-contracts';
import { AuditActorResponse } from '../../audit/dto/audit.response';

export class CreateAccessTokenDto implements CreateAccessTokenRequest {
  @ApiProperty({ example: 'CI deploy bot', maxLength: 100 })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: ROLES, description: 'The token acts with the permissions of this role' })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role!: Role;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: ACCESS_TOKEN_MAX_DAYS,
    default: ACCESS_TOKEN_DEFAULT_DAYS,
    description: `Lifetime in days. Absent: ${ACCESS_TOKEN_DEFAULT_DAYS}. null: never expires (an explicit choice; prefer an expiry).`,
  })
  @ValidateIf((o: CreateAccessTokenDto) => o.expiresInDays !== undefined && o.expiresInDays !== null)
  @IsInt({ message: 'expiresInDays must be a whole number of days, or null for a token that never expires' })
  @Min(1)
  @Max(ACCESS_TOKEN_MAX_DAYS)
  expiresInDays?: number | null;
}

export class AccessTokenResponse implements AccessTokenDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ example: 'iak_7Fq2', description: 'The first characters of the secret, to tell tokens apart' }) prefix!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'null: never expires' }) expiresAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Updated at most once a minute' }) lastUsedAt!:
    string | null;
  @ApiProperty({ type: AuditActorResponse }) createdBy!: AuditActorResponse;
}

export class AccessTokenListResponse {
  @ApiProperty({ type: AccessTokenResponse, isArray: true }) items!: AccessTokenResponse[];
}

export class CreateAccessTokenResponseDto implements CreateAccessTokenResponse {
  @ApiProperty({ example: 'iak_7Fq2…', description: 'The secret: shown this once, never again' }) token!: string;
  @ApiProperty({ type: AccessTokenResponse }) accessToken!: AccessTokenResponse;
}
