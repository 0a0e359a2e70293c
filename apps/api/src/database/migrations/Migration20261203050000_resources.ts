import { Migration } from '@mikro-orm/migrations';

/**
 * The resources behind the permission matrix (SPEC §4): AI providers and experiences.
 * Provider names are unique whatever their case; an API key is stored only sealed
 * (`v1:<key id>:<iv>:<tag>:<ciphertext>`, AES-256-GCM) beside its display mask.
 */
export class Migration20261203050000_resources extends Migration {
  override name = 'Migration20261203050000_resources';

  override up(): void {
    this.addSql(`
      create table "providers" (
        "id" uuid not null,
        "name" varchar(100) not null,
        "kind" text check ("kind" in ('openai', 'anthropic', 'azure-openai', 'google', 'mistral', 'ollama', 'custom')) not null,
        "base_url" varchar(2048) null,
        "api_key_encrypted" text null,
        "api_key_hint" varchar(16) null,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        constraint "providers_pkey" primary key ("id")
      );`);
    this.addSql(`create unique index "providers_name_lower_unique" on "providers" (lower("name"));`);

    this.addSql(`
      create table "experiences" (
        "id" uuid not null,
        "name" varchar(200) not null,
        "description" varchar(2000) not null default '',
        "status" text check ("status" in ('draft', 'published', 'archived')) not null default 'draft',
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        constraint "experiences_pkey" primary key ("id")
      );`);
    // The list: newest first, alone or for one status.
    this.addSql(`create index "experiences_created_at_id" on "experiences" ("created_at", "id");`);
    this.addSql(`create index "experiences_status_created_at_id" on "experiences" ("status", "created_at", "id");`);
  }

  override down(): void {
    this.addSql(`drop table if exists "experiences";`);
    this.addSql(`drop table if exists "providers";`);
  }
}
