import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { Equals, IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { ROLES, type Role } from '@interakt/shared/auth-model';
import { IsOmittable } from '../../common/validators';
import type { CreateUserRequest, SetPasswordRequest, UpdateUserRequest } from '@interakt/shared/api-contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty({ example: 'Ada', maxLength: 100 })
  @Transform(trim)
  @IsNotEmpty()
  @MaxLength(100)
  @IsString()
  firstName!: string;

  @ApiProperty({ example: 'Lovelace', maxLength: 100 })
  @Transform(trim)
  @IsNotEmpty()
  @MaxLength(100)
  @IsString()
  lastName!: string;

  @ApiProperty({ example: 'ada@example.com', maxLength: 254 })
  @Transform(trim)
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an email address' })
  @IsString()
  email!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role!: Role;

  @ApiPropertyOptional({ description: 'The initial password; or send generatePassword: true instead' })
  @ValidateIf((o: CreateUserDto) => o.generatePassword !== true)
  @IsString({ message: 'password is required unless generatePassword is true' })
  @MaxLength(1024)
  password?: string;

  @ApiPropertyOptional({ description: 'Generate a 20-character password, returned once as generatedPassword' })
  @IsOptional()
  @IsBoolean()
  @ValidateIf((o: CreateUserDto) => o.password !== undefined)
  @Equals(false, { message: 'send either password or generatePassword: true, not both' })
  generatePassword?: boolean;
}

export class UpdateUserDto implements UpdateUserRequest {
  @ApiPropertyOptional({ maxLength: 100 }) @IsOmittable() @Transform(trim) @IsNotEmpty() @MaxLength(100) @IsString() firstName?: string;
  @ApiPropertyOptional({ maxLength: 100 }) @IsOmittable() @Transform(trim) @IsNotEmpty() @MaxLength(100) @IsString() lastName?: string;

  @ApiPropertyOptional({ maxLength: 254 })
  @IsOmittable()
  @Transform(trim)
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an email address' })
  @IsString()
  email?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOmittable()
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role?: Role;
}

export class SetPasswordDto implements SetPasswordRequest {
  @ApiPropertyOptional()
  @ValidateIf((o: SetPasswordDto) => o.generatePassword !== true)
  @IsString({ message: 'password is required unless generatePassword is true' })
  @MaxLength(1024)
  password?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  @ValidateIf((o: SetPasswordDto) => o.password !== undefined)
  @Equals(false, { message: 'send either password or generatePassword: true, not both' })
  generatePassword?: boolean;
}
