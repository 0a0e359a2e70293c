import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { ROLES } from '@interakt/shared/auth-model';
import { USER_STATUSES } from '@interakt/shared/api-contracts';
import { UserRepository } from './user.repository';

/**
 * A person who can sign in (SPEC §4). The table and its indexes are made by the committed
 * migrations, never by schema sync; the migration test checks the two agree.
 */
export const UserSchema = defineEntity({
  name: 'User',
  tableName: 'users',
  repository: () => UserRepository,
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    email: p.string().length(254),
    firstName: p.string().length(100),
    lastName: p.string().length(100),
    role: p.enum(ROLES).default('user'),
    status: p.enum(USER_STATUSES).default('active'),
    // Never serialised: a user leaves the API only through toUserDto().
    passwordHash: p.string().length(100).hidden(),
    // Bumped to revoke every login token of the user at once (deactivate, password change/reset).
    tokenVersion: p.integer().default(0),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
    lastLoginAt: p.datetime().nullable(),
  },
});

export class User extends UserSchema.class {}
UserSchema.setClass(User);
