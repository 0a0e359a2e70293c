import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { EXPERIENCE_STATUSES, type ExperienceListQuery, type ExperienceStatus } from '@interakt/shared/api-contracts';
import { trim } from '../../common/validators';
import { PageQueryDto } from '../../common/page-query.dto';

/** Query string of `GET /api/experiences`: newest first, paginated like the user list. */
export class ListExperiencesQueryDto extends PageQueryDto implements ExperienceListQuery {
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
}
