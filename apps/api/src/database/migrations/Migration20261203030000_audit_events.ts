import { Migration } from '@mikro-orm/migrations';

/**
 * The audit log (SPEC §4 Audit): append-only in the database itself. Row triggers refuse UPDATE
 * and DELETE, a statement trigger refuses TRUNCATE (which skips row triggers), and all three are
 * ENABLE ALWAYS so that `session_replication_role = replica` cannot switch them off.
 * No foreign keys: actor and target are snapshots that outlive the rows they name.
 */
export class Migration20261203030000_audit_events extends Migration {
  override name = 'Migration20261203030000_audit_events';

  override up(): void {
    this.addSql(`
      create table "audit_events" (
        "id" bigint generated always as identity,
        "at" timestamptz not null default clock_timestamp(),
        "action" varchar(64) not null,
        "actor_type" varchar(16) not null,
        "actor_id" uuid null,
        "actor_email" varchar(254) null,
        "actor_name" varchar(254) null,
        "target_type" varchar(32) null,
        "target_id" uuid null,
        "target_label" varchar(300) null,
        "details" jsonb not null default '{}',
        "ip" varchar(64) null,
        "user_agent" varchar(512) null,
        constraint "audit_events_pkey" primary key ("id"),
        constraint "audit_events_actor_type_check" check ("actor_type" in ('user', 'token', 'system'))
      );`);
    // Newest first, alone or filtered by actor, target or action; a date range narrows each.
    this.addSql(`create index "audit_events_at_id" on "audit_events" ("at", "id");`);
    this.addSql(`create index "audit_events_actor_at_id" on "audit_events" ("actor_id", "at", "id");`);
    this.addSql(`create index "audit_events_target_at_id" on "audit_events" ("target_id", "at", "id");`);
    this.addSql(`create index "audit_events_action_at_id" on "audit_events" ("action", "at", "id");`);

    this.addSql(`
      create function "audit_events_append_only"() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_events is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
      end;
      $$;`);
    this.addSql(`
      create trigger "audit_events_no_update" before update on "audit_events"
        for each row execute function "audit_events_append_only"();`);
    this.addSql(`
      create trigger "audit_events_no_delete" before delete on "audit_events"
        for each row execute function "audit_events_append_only"();`);
    this.addSql(`
      create trigger "audit_events_no_truncate" before truncate on "audit_events"
        for each statement execute function "audit_events_append_only"();`);
    this.addSql(`alter table "audit_events" enable always trigger "audit_events_no_update";`);
    this.addSql(`alter table "audit_events" enable always trigger "audit_events_no_delete";`);
    this.addSql(`alter table "audit_events" enable always trigger "audit_events_no_truncate";`);
  }

  override down(): void {
    this.addSql(`drop table if exists "audit_events";`);
    this.addSql(`drop function if exists "audit_events_append_only"();`);
  }
}
