import { Migration } from '@mikro-orm/migrations';

/** Users (SPEC §4): uuid ids, case-insensitive unique email, role and status as checked text. */
export class Migration20261203000000_create_users extends Migration {
  override name = 'Migration20261203000000_create_users';

  override up(): void {
    this.addSql(`
      create table "users" (
        "id" uuid not null,
        "email" varchar(254) not null,
        "first_name" varchar(100) not null,
        "last_name" varchar(100) not null,
        "role" text check ("role" in ('admin', 'moderator', 'user')) not null default 'user',
        "status" text check ("status" in ('active', 'inactive')) not null default 'active',
        "password_hash" varchar(100) not null,
        "token_version" int not null default 0,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        "last_login_at" timestamptz null,
        constraint "users_pkey" primary key ("id")
      );`);
    // One account per address whatever its case; the same index serves login's lookup.
    this.addSql(`create unique index "users_email_lower_unique" on "users" (lower("email"));`);
  }

  override down(): void {
    this.addSql(`drop table if exists "users" cascade;`);
  }
}
