import { ApiProperty } from '@nestjs/swagger';
import type { ResetDemoResponse } from '@interakt/shared/api-contracts';
import { ExperienceResponse } from '../../experiences/dto/experience.response';
import { ProviderResponse } from '../../providers/dto/provider.response';

export class ResetDemoDeletedResponse {
  @ApiProperty({ description: 'Experiences removed' }) experiences!: number;
  @ApiProperty({ description: 'Providers removed, with their API keys' }) providers!: number;
}

export class ResetDemoResponseDto implements ResetDemoResponse {
  @ApiProperty({ type: ResetDemoDeletedResponse }) deleted!: ResetDemoDeletedResponse;
  @ApiProperty({ type: ExperienceResponse, isArray: true, description: 'The demo experiences now in place' })
  experiences!: ExperienceResponse[];
  @ApiProperty({ type: ProviderResponse, isArray: true, description: 'The demo providers now in place (no API keys)' })
  providers!: ProviderResponse[];
}
