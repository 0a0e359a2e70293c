import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { PROVIDER_KINDS } from '@interakt/shared/api-contracts';

/**
 * An AI provider (SPEC §4 Resources). The API key is stored only sealed by the SecretBox
 * (`apiKeyEncrypted`, bound to this row's id) plus its mask (`apiKeyHint`), written together.
 * Table and indexes come from Migration20261203050000_resources.
 */
export const ProviderSchema = defineEntity({
  name: 'Provider',
  tableName: 'providers',
  // Declared so the ORM's schema diff matches the migration, which creates it.
  uniques: [
    { name: 'providers_name_lower_unique', expression: 'create unique index "providers_name_lower_unique" on "providers" (lower("name"))' },
  ],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    name: p.string().length(100),
    kind: p.enum(PROVIDER_KINDS),
    baseUrl: p.string().length(2048).nullable(),
    // Never serialised (a provider leaves the API only through toProviderDto()), and lazy: reads
    // do not even load it. Whether a key is set is told by apiKeyHint, written with it.
    apiKeyEncrypted: p.text().nullable().hidden().lazy(),
    apiKeyHint: p.string().length(16).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export class Provider extends ProviderSchema.class {}
ProviderSchema.setClass(Provider);
