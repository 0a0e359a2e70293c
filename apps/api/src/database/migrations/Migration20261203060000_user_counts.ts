import { Migration } from '@mikro-orm/migrations';

/**
 * Users per (role, status), kept by the database itself, so that the stats cards and the totals of
 * unsearched user lists are exact without counting a million rows per request (issue 7: `count(*)`
 * over 1,000,000 users took ~40 ms; reading six counters takes well under one).
 *
 * Statement-level triggers with transition tables: a bulk insert adds its counts once, not per row.
 * An update adds only the difference, so the updates that leave role and status alone (last login,
 * names, token version) touch no counter and take no lock on one. Counter rows are locked in
 * (role, status) order, so two writers cannot deadlock on them. TRUNCATE (tests) zeroes them.
 * `changes` counts the statements that changed a row's count: the sum over the rows a list filters
 * on is a version of that list in created_at, role and status order (UsersQueryService's anchors).
 */
export class Migration20261203060000_user_counts extends Migration {
  override name = 'Migration20261203060000_user_counts';

  override up(): void {
    this.addSql(`
      create table "user_counts" (
        "role" text not null,
        "status" text not null,
        "users" bigint not null default 0,
        -- Bumped with every change of "users": a page anchor taken at one value is valid while it stays.
        "changes" bigint not null default 0,
        constraint "user_counts_pkey" primary key ("role", "status")
      );`);
    this.addSql(`
      insert into "user_counts" ("role", "status", "users")
      select r, s, (select count(*) from "users" u where u."role" = r and u."status" = s)
        from unnest(array['admin', 'moderator', 'user']) as r cross join unnest(array['active', 'inactive']) as s;`);

    // Adds the signed per-(role, status) differences that one statement made; rows whose net change is 0 are not touched.
    this.addSql(`
      create function "user_counts_add"("deltas" jsonb) returns void language plpgsql as $$
      declare
        change record;
      begin
        for change in
          select c."role", c."status", c."delta"
            from jsonb_to_recordset("deltas") as c("role" text, "status" text, "delta" bigint)
           where c."delta" <> 0
           order by c."role", c."status"
        loop
          update "user_counts" set "users" = "users" + change."delta", "changes" = "changes" + 1
           where "role" = change."role" and "status" = change."status";
        end loop;
      end;
      $$;`);
    this.addSql(`
      create function "user_counts_after_insert"() returns trigger language plpgsql as $$
      begin
        perform "user_counts_add"((select coalesce(jsonb_agg(x), '[]') from
          (select "role", "status", count(*) as "delta" from "new_rows" group by 1, 2) as x));
        return null;
      end;
      $$;`);
    this.addSql(`
      create function "user_counts_after_update"() returns trigger language plpgsql as $$
      begin
        perform "user_counts_add"((select coalesce(jsonb_agg(x), '[]') from
          (select "role", "status", sum("delta") as "delta"
             from (select "role", "status", -1 as "delta" from "old_rows"
                   union all select "role", "status", 1 from "new_rows") as d
            group by 1, 2) as x));
        return null;
      end;
      $$;`);
    this.addSql(`
      create function "user_counts_after_delete"() returns trigger language plpgsql as $$
      begin
        perform "user_counts_add"((select coalesce(jsonb_agg(x), '[]') from
          (select "role", "status", -count(*) as "delta" from "old_rows" group by 1, 2) as x));
        return null;
      end;
      $$;`);
    this.addSql(`
      create function "user_counts_after_truncate"() returns trigger language plpgsql as $$
      begin
        update "user_counts" set "users" = 0, "changes" = "changes" + 1;
        return null;
      end;
      $$;`);
    this.addSql(`
      create trigger "user_counts_insert" after insert on "users"
        referencing new table as "new_rows" for each statement execute function "user_counts_after_insert"();`);
    this.addSql(`
      create trigger "user_counts_update" after update on "users"
        referencing old table as "old_rows" new table as "new_rows" for each statement execute function "user_counts_after_update"();`);
    this.addSql(`
      create trigger "user_counts_delete" after delete on "users"
        referencing old table as "old_rows" for each statement execute function "user_counts_after_delete"();`);
    this.addSql(`
      create trigger "user_counts_truncate" after truncate on "users"
        for each statement execute function "user_counts_after_truncate"();`);
  }

  override down(): void {
    this.addSql(`drop trigger if exists "user_counts_truncate" on "users";`);
    this.addSql(`drop trigger if exists "user_counts_delete" on "users";`);
    this.addSql(`drop trigger if exists "user_counts_update" on "users";`);
    this.addSql(`drop trigger if exists "user_counts_insert" on "users";`);
    this.addSql(`drop function if exists "user_counts_after_truncate"();`);
    this.addSql(`drop function if exists "user_counts_after_delete"();`);
    this.addSql(`drop function if exists "user_counts_after_update"();`);
    this.addSql(`drop function if exists "user_counts_after_insert"();`);
    this.addSql(`drop function if exists "user_counts_add"(jsonb);`);
    this.addSql(`drop table if exists "user_counts";`);
  }
}
