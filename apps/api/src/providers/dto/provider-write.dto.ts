import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, MaxLength } from 'class-validator';
import { PROVIDER_KINDS, type CreateProviderRequest, type ProviderKind, type UpdateProviderRequest } from '@interakt/shared/api-contracts';
import { IsOmittable, trim } from '../../common/validators';

/*
 * class-validator runs a property's checks bottom-up and the global pipe stops at the first
 * error, so each list ends with the type check: `{"name": null}` says "must be a string".
 */

export const MAX_PROVIDER_NAME = 100;
export const MAX_BASE_URL = 2048;
export const MAX_API_KEY = 4096;

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false, disallow_auth: true };
const URL_MESSAGE = 'baseUrl must be an http:// or https:// URL without user name or password';
const KIND_MESSAGE = `kind must be one of ${PROVIDER_KINDS.join(', ')}`;
const API_KEY_DESCRIPTION =
  'Write-only: stored encrypted and returned only masked. Leave out to keep the current key (on PATCH), null to remove it.';

export class CreateProviderDto implements CreateProviderRequest {
  @ApiProperty({ example: 'OpenAI production', maxLength: MAX_PROVIDER_NAME, description: 'Unique, compared case-insensitively' })
  @Transform(trim)
  @MaxLength(MAX_PROVIDER_NAME)
  @IsNotEmpty()
  @IsString()
  name!: string;

  @ApiProperty({ enum: PROVIDER_KINDS })
  @IsIn(PROVIDER_KINDS, { message: KIND_MESSAGE })
  kind!: ProviderKind;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: MAX_BASE_URL,
    example: 'https://api.openai.com/v1',
    description: "The API endpoint; required for azure-openai and custom, otherwise the provider's public default",
  })
  @IsOptional()
  @Transform(trim)
  @IsUrl(URL_OPTIONS, { message: URL_MESSAGE })
  @MaxLength(MAX_BASE_URL)
  @IsString()
  baseUrl?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, writeOnly: true, maxLength: MAX_API_KEY, description: API_KEY_DESCRIPTION })
  @IsOptional()
  @Transform(trim)
  @Matches(/^\S+$/, { message: 'apiKey must not contain spaces or line breaks' })
  @MaxLength(MAX_API_KEY)
  @IsNotEmpty({ message: 'apiKey must not be empty; send null to remove the key' })
  @IsString()
  apiKey?: string | null;
}

export class UpdateProviderDto implements UpdateProviderRequest {
  @ApiPropertyOptional({ maxLength: MAX_PROVIDER_NAME })
  @IsOmittable()
  @Transform(trim)
  @MaxLength(MAX_PROVIDER_NAME)
  @IsNotEmpty()
  @IsString()
  name?: string;

  @ApiPropertyOptional({ enum: PROVIDER_KINDS })
  @IsOmittable()
  @IsIn(PROVIDER_KINDS, { message: KIND_MESSAGE })
  kind?: ProviderKind;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: MAX_BASE_URL,
    description: 'null removes it (not for azure-openai, custom)',
  })
  @IsOptional()
  @Transform(trim)
  @IsUrl(URL_OPTIONS, { message: URL_MESSAGE })
  @MaxLength(MAX_BASE_URL)
  @IsString()
  baseUrl?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, writeOnly: true, maxLength: MAX_API_KEY, description: API_KEY_DESCRIPTION })
  @IsOptional()
  @Transform(trim)
  @Matches(/^\S+$/, { message: 'apiKey must not contain spaces or line breaks' })
  @MaxLength(MAX_API_KEY)
  @IsNotEmpty({ message: 'apiKey must not be empty; send null to remove the key' })
  @IsString()
  apiKey?: string | null;
}
