import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { PERMISSIONS, type Permission } from '@interakt/shared/auth-model';
import type { ChangePasswordRequest, LoginRequest, LoginResponse, MeResponse } from '@interakt/shared/api-contracts';
import { UserResponse } from '../../users/dto/user.response';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'admin@interakt.local' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  password!: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(1024) currentPassword!: string;
  @ApiProperty({ description: 'Policy: see POST /api/users' }) @IsString() @IsNotEmpty() @MaxLength(1024) newPassword!: string;
}

export class LoginResponseDto implements LoginResponse {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'Seconds until the token expires', example: 900 }) expiresIn!: number;
  @ApiProperty({ type: UserResponse }) user!: UserResponse;
}

export class MeResponseDto implements MeResponse {
  @ApiProperty({ type: UserResponse }) user!: UserResponse;
  @ApiProperty({ enum: PERMISSIONS, isArray: true }) permissions!: Permission[];
}
