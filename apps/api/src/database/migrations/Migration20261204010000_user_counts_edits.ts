import { Migration } from '@mikro-orm/migrations';

/**
 * `user_counts.changes` becomes a version of everything a user list or search of a (role, status)
 * shows: besides inserts, deletes and changed counts (Migration20261203060000_user_counts), an update
 * now also bumps it for each (role, status) where a row changed its searched text (a name or an
 * e-mail: `search_text`) or moved in or out — including moves that cancel out within one statement,
 * which left the count, and so the version, where it was. UsersQueryService keeps the capped count
 * of a search while that version holds (issue 7: the count was half a search's database time).
 *
 * Updates that change none of these (last login, token version, password) still touch no counter
 * row and take no lock on one. Counter rows are still locked in (role, status) order.
 */
export class Migration20261204010000_user_counts_edits extends Migration {
  override name = 'Migration20261204010000_user_counts_edits';

  override up(): void {
    this.addSql(`
      create or replace function "user_counts_add"("deltas" jsonb) returns void language plpgsql as $$
      declare
        change record;
      begin
        for change in
          select c."role", c."status", c."delta"
            from jsonb_to_recordset("deltas") as c("role" text, "status" text, "delta" bigint, "touched" boolean)
           where c."delta" <> 0 or c."touched"
           order by c."role", c."status"
        loop
          update "user_counts" set "users" = "users" + change."delta", "changes" = "changes" + 1
           where "role" = change."role" and "status" = change."status";
        end loop;
      end;
      $$;`);
    this.addSql(`
      create or replace function "user_counts_after_update"() returns trigger language plpgsql as $$
      begin
        perform "user_counts_add"((select coalesce(jsonb_agg(x), '[]') from
          (select "role", "status", sum("delta") as "delta", bool_or("touched") as "touched"
             from (select "role", "status", -1 as "delta", false as "touched" from "old_rows"
                   union all select "role", "status", 1, false from "new_rows"
                   -- Both the (role, status) a row left and the one it is in, when its text or place changed.
                   union all
                   select r."role", r."status", 0, true
                     from "old_rows" o join "new_rows" n using ("id"),
                          lateral (values (o."role", o."status"), (n."role", n."status")) as r("role", "status")
                    where (o."role", o."status", o."search_text") is distinct from (n."role", n."status", n."search_text")) as d
            group by 1, 2) as x));
        return null;
      end;
      $$;`);
  }

  override down(): void {
    this.addSql(`
      create or replace function "user_counts_after_update"() returns trigger language plpgsql as $$
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
      create or replace function "user_counts_add"("deltas" jsonb) returns void language plpgsql as $$
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
  }
}
