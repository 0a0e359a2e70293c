import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import {
  EXPERIENCE_STATUSES,
  type CreateExperienceRequest,
  type ExperienceStatus,
  type UpdateExperienceRequest,
} from '@interakt/shared/api-contracts';
import { IsOmittable, trim } from '../../common/validators';

// Checks run bottom-up and stop at the first error: the type check comes last so it runs first.

export const MAX_EXPERIENCE_NAME = 200;
export const MAX_EXPERIENCE_DESCRIPTION = 2000;
const STATUS_MESSAGE = `status must be one of ${EXPERIENCE_STATUSES.join(', ')}`;

export class CreateExperienceDto implements CreateExperienceRequest {
  @ApiProperty({ example: 'Customer support assistant', maxLength: MAX_EXPERIENCE_NAME })
  @Transform(trim)
  @MaxLength(MAX_EXPERIENCE_NAME)
  @IsNotEmpty()
  @IsString()
  name!: string;

  @ApiPropertyOptional({ maxLength: MAX_EXPERIENCE_DESCRIPTION, default: '' })
  @IsOmittable()
  @Transform(trim)
  @MaxLength(MAX_EXPERIENCE_DESCRIPTION)
  @IsString()
  description?: string;

  @ApiPropertyOptional({ enum: EXPERIENCE_STATUSES, default: 'draft' })
  @IsOmittable()
  @IsIn(EXPERIENCE_STATUSES, { message: STATUS_MESSAGE })
  status?: ExperienceStatus;
}

export class UpdateExperienceDto implements UpdateExperienceRequest {
  @ApiPropertyOptional({ maxLength: MAX_EXPERIENCE_NAME })
  @IsOmittable()
  @Transform(trim)
  @MaxLength(MAX_EXPERIENCE_NAME)
  @IsNotEmpty()
  @IsString()
  name?: string;

  @ApiPropertyOptional({ maxLength: MAX_EXPERIENCE_DESCRIPTION })
  @IsOmittable()
  @Transform(trim)
  @MaxLength(MAX_EXPERIENCE_DESCRIPTION)
  @IsString()
  description?: string;

  @ApiPropertyOptional({ enum: EXPERIENCE_STATUSES })
  @IsOmittable()
  @IsIn(EXPERIENCE_STATUSES, { message: STATUS_MESSAGE })
  status?: ExperienceStatus;
}
