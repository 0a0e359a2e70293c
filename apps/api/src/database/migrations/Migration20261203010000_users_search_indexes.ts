import { Migration } from '@mikro-orm/migrations';

/**
 * Indexes for the user list of SPEC §4 (search, filters, sorts) at a million users.
 *
 * The expressions must stay character-for-character what UsersQueryService writes
 * (`lower(first_name || ' ' || last_name)`, `lower(email)`), or the planner cannot use them.
 * Every btree ends with `id`, the list's final tie-breaker, so `order by <key>, id limit n`
 * is one index scan in either direction.
 */
export class Migration20261203010000_users_search_indexes extends Migration {
  override name = 'Migration20261203010000_users_search_indexes';

  override up(): void {
    // Trusted extension (PostgreSQL 13+): the database owner may create it.
    this.addSql(`create extension if not exists pg_trgm;`);
    // Substring search (ILIKE '%…%') on the full name, which also covers first and last name alone.
    this.addSql(`create index "users_full_name_trgm" on "users" using gin (lower("first_name" || ' ' || "last_name") gin_trgm_ops);`);
    this.addSql(`create index "users_email_trgm" on "users" using gin (lower("email") gin_trgm_ops);`);
    // Sorts; sort=email is served by the unique index on lower(email) already.
    this.addSql(`create index "users_full_name_sort" on "users" (lower("first_name" || ' ' || "last_name"), "id");`);
    this.addSql(`create index "users_created_at_id" on "users" ("created_at", "id");`);
    // Role and status filters (admins are few: the role filter is selective) and sorts.
    this.addSql(`create index "users_role_id" on "users" ("role", "id");`);
    this.addSql(`create index "users_status_id" on "users" ("status", "id");`);
  }

  override down(): void {
    this.addSql(`drop index if exists "users_status_id";`);
    this.addSql(`drop index if exists "users_role_id";`);
    this.addSql(`drop index if exists "users_created_at_id";`);
    this.addSql(`drop index if exists "users_full_name_sort";`);
    this.addSql(`drop index if exists "users_email_trgm";`);
    this.addSql(`drop index if exists "users_full_name_trgm";`);
    // pg_trgm stays: it may predate this migration or serve other tables, and dropping it needs ownership.
  }
}
