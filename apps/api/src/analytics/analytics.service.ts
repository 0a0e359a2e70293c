import { EntityManager } from '@mikro-orm/postgresql';
import { HttpStatus, Injectable } from '@nestjs/common';
import type { AnalyticsActorActivityDto, AnalyticsSummaryDto, AuditActorType } from '@interakt/shared/api-contracts';
import { ApiException } from '../common/api-exception';
import { isoTimestamp } from '../database/pg-timestamp';
import type { AnalyticsSummaryQueryDto } from './dto/analytics-summary.query';

const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_RANGE_DAYS = 30;
export const MAX_RANGE_DAYS = 366;
export const MAX_USERS = 50;
export const MAX_TOP_ACTORS = 10;

/**
 * One statement over `audit_events` in [from, to):
 * - `grouped`: one row per actor (a user, a token, or a named system part), read through the
 *   (at, id) index range;
 * - `totals`: sums over every group, so every event counts in `events`, `logins`, `failedLogins`
 *   and `changes`, also a failed login for an email that belongs to no account;
 * - `ranked`: the actors one can name: a user or a token by id, the system by its name. A failed
 *   login for an unknown email has actor `{type: 'user', id: null}` (no account to attribute it
 *   to); those events are not a user, so they are left out of `activeUsers`, the users and the
 *   top actors (under a password-spraying attack they would otherwise be the "top user");
 * - each named actor's rank among all actors and among users (most events first, then the
 *   latest activity);
 * - the top actors and top users get their newest email/name snapshot in the range from a
 *   backward scan of the (actor_id, at, id) index, one row each.
 * Always at least one row (the totals); only the top 10 actors and top 50 users leave the database.
 */
const SUMMARY_SQL = `
with grouped as (
  select actor_type,
         actor_id,
         case when actor_id is null then actor_name end as system_name,
         count(*)::int as events,
         count(*) filter (where action = 'auth.login')::int as logins,
         count(*) filter (where action = 'auth.login_failed')::int as failed_logins,
         count(*) filter (where action not like 'auth.%')::int as changes,
         max(at) as last_activity_at
    from audit_events
   where at >= ?::timestamptz and at < ?::timestamptz
   group by actor_type, actor_id, system_name
),
totals as (
  select coalesce(sum(events), 0)::int as total_events,
         coalesce(sum(logins), 0)::int as total_logins,
         coalesce(sum(failed_logins), 0)::int as total_failed_logins,
         coalesce(sum(changes), 0)::int as total_changes,
         (count(*) filter (where actor_type = 'user' and actor_id is not null))::int as active_users
    from grouped
),
ranked as (
  select g.*,
         row_number() over (order by events desc, last_activity_at desc, actor_type, actor_id, system_name) as actor_rank,
         row_number() over (partition by actor_type = 'user' order by events desc, last_activity_at desc, actor_id) as type_rank
    from grouped g
   where g.actor_id is not null or g.actor_type = 'system'
),
picked as (
  select * from ranked
   where actor_rank <= ? or (actor_type = 'user' and type_rank <= ?)
)
select t.*, p.*, snapshot.actor_email, snapshot.actor_name
  from totals t
  left join picked p on true
  left join lateral (
    select e.actor_email, e.actor_name
      from audit_events e
     where e.actor_id = p.actor_id and e.at >= ?::timestamptz and e.at < ?::timestamptz
     order by e.at desc, e.id desc
     limit 1
  ) snapshot on p.actor_id is not null
 order by p.actor_rank`;

interface TotalsColumns {
  total_events: number;
  total_logins: number;
  total_failed_logins: number;
  total_changes: number;
  active_users: number;
}

interface ActorColumns {
  actor_type: AuditActorType;
  actor_id: string | null;
  system_name: string | null;
  events: number;
  logins: number;
  failed_logins: number;
  changes: number;
  last_activity_at: Date | string;
  actor_rank: string | number;
  type_rank: string | number;
  actor_email: string | null;
  actor_name: string | null;
}

/** The totals on every row; the actor columns are all null on the one row of a range without named actors. */
type SummaryRow = TotalsColumns & (ActorColumns | { [K in keyof ActorColumns]: null });
type ActorRow = TotalsColumns & ActorColumns;

const hasActor = (row: SummaryRow): row is ActorRow => row.actor_type !== null;

const invalid = (message: string) => new ApiException('VALIDATION_FAILED', HttpStatus.BAD_REQUEST, [message]);

/** Per-user activity from the audit log (SPEC §4, `analytics.view`). */
@Injectable()
export class AnalyticsService {
  constructor(private readonly em: EntityManager) {}

  async summary(query: AnalyticsSummaryQueryDto, now = new Date()): Promise<AnalyticsSummaryDto> {
    const { from, to } = resolveRange(query, now);
    const range = [from.toISOString(), to.toISOString()];
    const rows = await this.em.getConnection().execute<SummaryRow[]>(SUMMARY_SQL, [...range, MAX_TOP_ACTORS, MAX_USERS, ...range]);

    const first = rows[0];
    const actors = rows.filter(hasActor);
    const totals = {
      events: first?.total_events ?? 0,
      logins: first?.total_logins ?? 0,
      failedLogins: first?.total_failed_logins ?? 0,
      changes: first?.total_changes ?? 0,
      activeUsers: first?.active_users ?? 0,
    };
    const users = actors
      .filter((r) => r.actor_type === 'user' && r.actor_id !== null && Number(r.type_rank) <= MAX_USERS)
      .sort((a, b) => Number(a.type_rank) - Number(b.type_rank))
      .map((r) => {
        const { type: _type, ...activity } = toActivity(r);
        return { ...activity, id: r.actor_id as string };
      });
    const topActors = actors.filter((r) => Number(r.actor_rank) <= MAX_TOP_ACTORS).map(toActivity);
    return { from: from.toISOString(), to: to.toISOString(), totals, users, topActors };
  }
}

/** [from, to): default the last 30 days up to now; from must come first, and the range spans at most a year. */
export function resolveRange(query: { from?: string; to?: string }, now: Date): { from: Date; to: Date } {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_RANGE_DAYS * DAY_MS);
  if (Number.isNaN(to.getTime())) throw invalid('to must be a date and time (ISO 8601)');
  if (Number.isNaN(from.getTime())) throw invalid('from must be a date and time (ISO 8601)');
  if (from.getTime() >= to.getTime()) throw invalid('from must be before to');
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) throw invalid(`the range from … to must not exceed ${MAX_RANGE_DAYS} days`);
  return { from, to };
}

function toActivity(row: ActorRow): AnalyticsActorActivityDto {
  return {
    type: row.actor_type,
    id: row.actor_id,
    email: row.actor_id === null ? null : row.actor_email,
    name: row.actor_id === null ? row.system_name : row.actor_name,
    events: row.events,
    logins: row.logins,
    failedLogins: row.failed_logins,
    changes: row.changes,
    lastActivityAt: isoTimestamp(row.last_activity_at),
  };
}
