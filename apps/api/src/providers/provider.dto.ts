import type { ProviderDto } from '@interakt/shared/api-contracts';
import type { Provider } from './provider.entity';

/** The only way a provider leaves the API: the key as its stored mask, never the ciphertext. */
export function toProviderDto(provider: Provider): ProviderDto {
  return {
    id: provider.id,
    name: provider.name,
    kind: provider.kind,
    baseUrl: provider.baseUrl ?? null,
    apiKey: provider.apiKeyHint ?? null,
    createdAt: provider.createdAt.toISOString(),
    updatedAt: provider.updatedAt.toISOString(),
  };
}
