import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '@interakt/shared/auth-model';
import { USER_STATUSES, type UserDto, type UserStatsDto, type UserStatus } from '@interakt/shared/api-contracts';

/** A user as the API returns it (OpenAPI shape of UserDto). */
export class UserResponse implements UserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Ada' }) firstName!: string;
  @ApiProperty({ example: 'Lovelace' }) lastName!: string;
  @ApiProperty({ example: 'ada@example.com' }) email!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ enum: USER_STATUSES }) status!: UserStatus;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastLoginAt!: string | null;
}

export class UserPageResponse {
  @ApiProperty({ type: UserResponse, isArray: true }) items!: UserResponse[];
  @ApiProperty({ description: 'Matching items: exact up to 100 (and always for an unsearched user list), else PostgreSQL’s estimate' })
  total!: number;
  @ApiProperty({ description: 'false when total is an estimate' }) totalExact!: boolean;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class UserStatsResponse implements UserStatsDto {
  @ApiProperty() total!: number;
  @ApiProperty() active!: number;
  @ApiProperty() inactive!: number;
  @ApiProperty({ description: 'Active users in percent of all, one decimal' }) activePercent!: number;
  @ApiProperty({ description: 'Users whose role is admin' }) admins!: number;
}

export class CreateUserResponseDto {
  @ApiProperty({ type: UserResponse }) user!: UserResponse;
  @ApiPropertyOptional({ description: 'Only when generatePassword was true; shown this once' }) generatedPassword?: string;
}

export class SetPasswordResponseDto {
  @ApiPropertyOptional({ description: 'Only when generatePassword was true; shown this once' }) generatedPassword?: string;
}
