import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { ROLES } from '@interakt/shared/auth-model';
import { AUDIT_ACTOR_TYPES } from '@interakt/shared/api-contracts';

/** An application access token (SPEC §4). The secret itself is never stored: only its SHA-256. */
export const AccessTokenSchema = defineEntity({
  name: 'AccessToken',
  tableName: 'access_tokens',
  indexes: [{ name: 'access_tokens_created_at_id', properties: ['createdAt', 'id'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    name: p.string().length(100),
    role: p.enum(ROLES),
    /** The first characters of the secret, shown in lists so people can tell tokens apart. */
    prefix: p.string().length(16),
    tokenHash: p.string().length(64).unique('access_tokens_token_hash_unique').hidden(),
    createdAt: p.datetime().onCreate(() => new Date()),
    expiresAt: p.datetime().nullable(),
    lastUsedAt: p.datetime().nullable(),
    createdByType: p.enum(AUDIT_ACTOR_TYPES),
    createdById: p.uuid().nullable(),
    createdByEmail: p.string().length(254).nullable(),
    createdByName: p.string().length(254).nullable(),
  },
});

export class AccessToken extends AccessTokenSchema.class {}
AccessTokenSchema.setClass(AccessToken);
