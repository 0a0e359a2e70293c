import { Migration } from '@mikro-orm/migrations';

/**
 * Application access tokens (SPEC §4): only the SHA-256 of the secret is stored, unique, and
 * looked up on every request that presents one. The creator is a snapshot (no foreign key): a
 * token outlives the admin who made it.
 */
export class Migration20261203040000_access_tokens extends Migration {
  override name = 'Migration20261203040000_access_tokens';

  override up(): void {
    this.addSql(`
      create table "access_tokens" (
        "id" uuid not null,
        "name" varchar(100) not null,
        "role" text check ("role" in ('admin', 'moderator', 'user')) not null,
        "prefix" varchar(16) not null,
        "token_hash" varchar(64) not null,
        "created_at" timestamptz not null,
        "expires_at" timestamptz null,
        "last_used_at" timestamptz null,
        "created_by_type" text check ("created_by_type" in ('user', 'token', 'system')) not null,
        "created_by_id" uuid null,
        "created_by_email" varchar(254) null,
        "created_by_name" varchar(254) null,
        constraint "access_tokens_pkey" primary key ("id")
      );`);
    this.addSql(`alter table "access_tokens" add constraint "access_tokens_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "access_tokens_created_at_id" on "access_tokens" ("created_at", "id");`);
  }

  override down(): void {
    this.addSql(`drop table if exists "access_tokens";`);
  }
}
