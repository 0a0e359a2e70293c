import { Migration } from '@mikro-orm/migrations';

/**
 * Login-token revocation and failed-login throttling, in PostgreSQL so that every API replica
 * sees the same state (SPEC §3.2, §4 Auth).
 */
export class Migration20261203020000_auth_tokens_throttle extends Migration {
  override name = 'Migration20261203020000_auth_tokens_throttle';

  override up(): void {
    // Logged-out tokens until they would have expired anyway; the row is only needed till then.
    this.addSql(`
      create table "revoked_tokens" (
        "jti" uuid not null,
        "expires_at" timestamptz not null,
        constraint "revoked_tokens_pkey" primary key ("jti")
      );`);
    this.addSql(`create index "revoked_tokens_expires_at_index" on "revoked_tokens" ("expires_at");`);
    // Failed-login counters: key is 'email:<lower email>' or 'ip:<address>'.
    this.addSql(`
      create table "login_throttle" (
        "key" varchar(300) not null,
        "failures" int not null,
        "window_started_at" timestamptz not null,
        constraint "login_throttle_pkey" primary key ("key")
      );`);
  }

  override down(): void {
    this.addSql(`drop table if exists "login_throttle";`);
    this.addSql(`drop table if exists "revoked_tokens";`);
  }
}
