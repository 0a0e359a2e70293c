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
  // Declared so the ORM's schema diff matches the migrations (which create them); see migrations/.
  uniques: [{ name: 'users_email_lower_unique', expression: 'create unique index "users_email_lower_unique" on "users" (lower("email"))' }],
  indexes: [
    {
      name: 'users_search_text_trgm',
      expression: 'create index "users_search_text_trgm" on "users" using gin ("search_text" gin_trgm_ops)',
    },
    {
      name: 'users_full_name_sort',
      expression: `create index "users_full_name_sort" on "users" (lower("first_name" || ' ' || "last_name"), "id")`,
    },
    { name: 'users_created_at_id', properties: ['createdAt', 'id'] },
    { name: 'users_role_id', properties: ['role', 'id'] },
    { name: 'users_status_id', properties: ['status', 'id'] },
    { name: 'users_role_status_created_at_id', properties: ['role', 'status', 'createdAt', 'id'] },
  ],
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
    // What the user search matches (Migration20261204000000_users_search_text): computed by
    // PostgreSQL, never written, never selected by the ORM (lazy), never serialised.
    searchText: p
      .text()
      .nullable()
      // '\x1f' here is the character itself (a JS escape), as PostgreSQL reports the expression back.
      .generated(`(lower(first_name || ' ' || last_name) || '\x1f' || lower(email)) stored`)
      .lazy()
      .hidden(),
  },
});

export class User extends UserSchema.class {}
UserSchema.setClass(User);
