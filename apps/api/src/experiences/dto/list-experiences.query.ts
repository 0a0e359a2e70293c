import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { EXPERIENCE_STATUSES, type ExperienceListQuery, type ExperienceStatus } from '@interakt/shared/api-contracts';
import { trim } from '../../common/validators';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../users/dto/list-users.query';

/** Query string of `GET /api/experiences`: newest first, paginated like the user list. */
export class ListExperiencesQueryDto implements ExperienceListQuery {
  @ApiPropertyOptional({ description: 'Case-insensitive substring of the name or description; % _ \\ are literal', maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @MaxLength(200)
  @IsString()
  search?: string;

  @ApiPropertyOptional({ enum: EXPERIENCE_STATUSES })
  @IsOptional()
  @IsIn(EXPERIENCE_STATUSES, { message: `status must be one of ${EXPERIENCE_STATUSES.join(', ')}` })
  status?: ExperienceStatus;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @Min(1)
  @IsInt()
  page = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @Max(MAX_PAGE_SIZE)
  @Min(1)
  @IsInt()
  pageSize = DEFAULT_PAGE_SIZE;
}
