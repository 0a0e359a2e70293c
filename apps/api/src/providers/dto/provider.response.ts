import { ApiProperty } from '@nestjs/swagger';
import { PROVIDER_KINDS, type ProviderDto, type ProviderKind, type ProviderListResponse } from '@interakt/shared/api-contracts';

/** A provider as the API returns it: the API key only as its mask. */
export class ProviderResponse implements ProviderDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'OpenAI production' }) name!: string;
  @ApiProperty({ enum: PROVIDER_KINDS }) kind!: ProviderKind;
  @ApiProperty({ type: String, nullable: true, example: 'https://api.openai.com/v1' }) baseUrl!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'sk-…a1b2',
    description: 'Never the key: its first 3 and last 4 characters (only "…" for a short key), or null when none is set',
  })
  apiKey!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ProviderListResponseDto implements ProviderListResponse {
  @ApiProperty({ type: ProviderResponse, isArray: true }) items!: ProviderResponse[];
}
