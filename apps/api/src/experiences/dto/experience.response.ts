import { ApiProperty } from '@nestjs/swagger';
import { EXPERIENCE_STATUSES, type ExperienceDto, type ExperienceStatus } from '@interakt/shared/api-contracts';

export class ExperienceResponse implements ExperienceDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Customer support assistant' }) name!: string;
  @ApiProperty({ example: 'Answers questions about orders and returns' }) description!: string;
  @ApiProperty({ enum: EXPERIENCE_STATUSES }) status!: ExperienceStatus;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ExperiencePageResponse {
  @ApiProperty({ type: ExperienceResponse, isArray: true }) items!: ExperienceResponse[];
  @ApiProperty() total!: number;
  @ApiProperty({ description: 'Always true here: experiences are counted exactly' }) totalExact!: boolean;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
