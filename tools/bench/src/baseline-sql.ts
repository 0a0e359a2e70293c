/**
 * The SQL of the benchmarked routes, written for the baseline as the API writes it
 * (apps/api/src/users/users-query.service.ts, audit/audit.service.ts, auth/login-token.service.ts,
 * access-tokens/access-tokens.service.ts), with `$n` parameters instead of `?`.
 * Copied, not imported: the bench may not import the app. The smoke run compares both servers'
 * answers, so a change on one side that the other misses fails `nx test bench`.
 */

export interface BoundSql {
  sql: string;
  params: unknown[];
  /** As the API: planned with its values on every call (an unnamed statement). */
  planPerCall?: boolean;
}

export const PRINCIPAL_SQL = `select u.id, u.role, u.status, u.token_version, u.email, u.first_name, u.last_name,
        exists (select 1 from revoked_tokens r where r.jti = $1) as revoked
   from users u where u.id = $2`;

export const TOKEN_SQL = `select id, name, role,
        coalesce(expires_at <= now(), false) as expired,
        coalesce(last_used_at < now() - interval '1 minute', true) as stale
   from access_tokens where token_hash = $1`;

export const TOKEN_TOUCH_SQL = `update access_tokens set last_used_at = now()
  where id = $1 and (last_used_at is null or last_used_at < now() - interval '1 minute')`;

export const STATS_SQL = `select coalesce(sum(users), 0)::int as total,
        coalesce(sum(users) filter (where status = 'active'), 0)::int as active,
        coalesce(sum(users) filter (where status = 'inactive'), 0)::int as inactive,
        coalesce(sum(users) filter (where role = 'admin'), 0)::int as admins
   from user_counts`;

/** As the API's EXACT_TOTAL_LIMIT (libs/shared/api-contracts): exact counts up to this many, estimates beyond. */
export const EXACT_TOTAL_LIMIT = 100;

const FULL_NAME = `lower(first_name || ' ' || last_name)`;
const EMAIL = `lower(email)`;
const SORT_EXPRESSIONS: Record<string, string> = {
  name: FULL_NAME,
  email: EMAIL,
  role: 'role',
  status: 'status',
  createdAt: 'created_at',
};
export const USER_COLUMNS = 'id, email, first_name, last_name, role, status, created_at, updated_at, last_login_at';
const COLUMNS = USER_COLUMNS;

export interface UserListQuery {
  search?: string;
  role?: string;
  status?: string;
  page: number;
  pageSize: number;
  sort: string;
  order?: 'asc' | 'desc';
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Conditions with `$n` numbered from `first`. */
class Where {
  readonly conditions: string[] = [];
  readonly params: unknown[] = [];

  add(condition: (n: () => string) => string, ...values: unknown[]): void {
    let next = this.params.length;
    this.conditions.push(condition(() => `$${++next}`));
    this.params.push(...values);
  }

  get sql(): string {
    return this.conditions.length ? ` where ${this.conditions.join(' and ')}` : '';
  }
}

/**
 * The page (a deferred join past page 1) and what to count: `user_counts` without a search (exact),
 * else the matching rows (`searched`: counted up to EXACT_TOTAL_LIMIT + 1, estimated beyond).
 */
export function userListSql(query: UserListQuery): { rows: BoundSql; count: BoundSql; searched: boolean; firstPage?: ListedSql } {
  const where = new Where();
  const counters = new Where();
  if (query.search) {
    // eslint-disable-next-line no-control-regex -- as the API: control characters never reach the pattern
    const pattern = `%${escapeLike(query.search.replace(/[\u0000-\u001f\u007f]/g, ''))}%`;
    where.add((n) => `search_text like lower(${n()})`, pattern);
  }
  for (const [column, value] of [
    ['role', query.role],
    ['status', query.status],
  ] as const) {
    if (!value) continue;
    where.add((n) => `${column} = ${n()}`, value);
    counters.add((n) => `${column} = ${n()}`, value);
  }
  const direction = query.order ?? (query.sort === 'createdAt' ? 'desc' : 'asc');
  const orderBy = `order by ${SORT_EXPRESSIONS[query.sort]} ${direction}, id ${direction}`;
  const offset = (query.page - 1) * query.pageSize;
  const limit = where.params.length + 1;
  const planPerCall = Boolean(query.search);
  return {
    rows:
      offset === 0
        ? {
            sql: `select ${COLUMNS} from users${where.sql} ${orderBy} limit $${limit}`,
            params: [...where.params, query.pageSize],
            planPerCall,
          }
        : {
            sql: `select ${COLUMNS} from users where id in (select id from users${where.sql} ${orderBy} limit $${limit} offset $${limit + 1}) ${orderBy}`,
            params: [...where.params, query.pageSize, offset],
            planPerCall,
          },
    count: query.search
      ? { sql: `select 1 from users${where.sql}`, params: where.params, planPerCall }
      : { sql: `select coalesce(sum(users), 0)::int as total from user_counts${counters.sql}`, params: counters.params },
    searched: Boolean(query.search),
    firstPage:
      query.search && offset === 0
        ? { sql: `select ${COLUMNS} from users${where.sql}`, params: where.params, orderBy, planPerCall }
        : undefined,
  };
}

export interface AuditListQuery {
  actorId?: string;
  targetId?: string;
  action?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/** The page and the matching rows to count (up to EXACT_TOTAL_LIMIT + 1, estimated beyond). */
export function auditListSql(query: AuditListQuery): { rows: BoundSql; count: BoundSql; firstPage?: ListedSql } {
  const where = new Where();
  if (query.actorId !== undefined) where.add((n) => `actor_id = ${n()}`, query.actorId);
  if (query.targetId !== undefined) where.add((n) => `target_id = ${n()}`, query.targetId);
  if (query.action !== undefined) where.add((n) => `action = ${n()}`, query.action);
  if (query.from !== undefined) where.add((n) => `at >= ${n()}`, query.from);
  if (query.to !== undefined) where.add((n) => `at < ${n()}`, query.to);
  const limit = where.params.length + 1;
  const planPerCall = query.from !== undefined || query.to !== undefined;
  return {
    rows: {
      sql: `select * from audit_events${where.sql} order by at desc, id desc limit $${limit} offset $${limit + 1}`,
      params: [...where.params, query.pageSize, (query.page - 1) * query.pageSize],
      planPerCall,
    },
    count: { sql: `select 1 from audit_events${where.sql}`, params: where.params, planPerCall },
    firstPage:
      query.page === 1
        ? { sql: `select * from audit_events${where.sql}`, params: where.params, orderBy: 'order by at desc, id desc', planPerCall }
        : undefined,
  };
}

/** Where `count.params` end, the cap's `$n`: the count of at most limit + 1 matches, as the API's countCapped. */
export function cappedCountSql(matches: BoundSql, limit: number): BoundSql {
  return {
    sql: `select count(*)::int as total from (${matches.sql} limit $${matches.params.length + 1}) as matches`,
    params: [...matches.params, limit + 1],
    planPerCall: matches.planPerCall,
  };
}

/** Rows in list order without order or limit, and the order (the API's ListedSql). */
export interface ListedSql extends BoundSql {
  orderBy: string;
}

/** The API's firstPageCounted statement: the capped count of `matches` beside the first pageSize rows of `listed`. */
export function firstPageCountedSql(listed: ListedSql, matches: BoundSql, pageSize: number, limit: number): BoundSql {
  const renumber = (sql: string, from: number) => sql.replace(/\$(\d+)/g, (_, k: string) => `$${Number(k) + from}`);
  const m = matches.params.length;
  const l = listed.params.length;
  return {
    sql: `select c.matched, p.*
       from (select count(*)::int as matched from (${matches.sql} limit $${m + 1}) as m) as c
       left join lateral (${renumber(listed.sql, m + 1)} ${listed.orderBy} limit $${m + l + 2}) as p on true
      ${listed.orderBy}`,
    params: [...matches.params, limit + 1, ...listed.params, pageSize],
    planPerCall: matches.planPerCall || listed.planPerCall,
  };
}

/** The API's ANCHORED_SORTS: the sorts read by keyset from a remembered page start. */
export const ANCHORED_SORTS: Record<string, string> = { createdAt: 'created_at', role: 'role', status: 'status' };

/**
 * The API's buildAnchoredListSql: counters (total, version) of the filter left-joined to the page,
 * one row more than the page, by keyset from `anchor` or else page 1 / the deferred join.
 */
export function anchoredListSql(query: UserListQuery, anchor?: { key: string; id: string }): BoundSql {
  const column = ANCHORED_SORTS[query.sort];
  const direction = query.order ?? (query.sort === 'createdAt' ? 'desc' : 'asc');
  const filters: [string, unknown][] = [];
  if (query.role) filters.push(['role', query.role]);
  if (query.status) filters.push(['status', query.status]);
  const params: unknown[] = [];
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const counterWhere = filters.length ? ` where ${filters.map(([c, v]) => `${c} = ${bind(v)}`).join(' and ')}` : '';
  const conditions = filters.map(([c, v]) => `${c} = ${bind(v)}`);
  const orderBy = (prefix: string) => `order by ${prefix}${column} ${direction}, ${prefix}id ${direction}`;
  const limit = query.pageSize + 1;
  const offset = (query.page - 1) * query.pageSize;
  const where = (extra: string[]) => (conditions.length + extra.length ? ` where ${[...conditions, ...extra].join(' and ')}` : '');
  let page: string;
  if (anchor) {
    const bound = `(${column}, id) ${direction === 'desc' ? '<=' : '>='} (${bind(anchor.key)}, ${bind(anchor.id)})`;
    page = `select ${COLUMNS} from users${where([bound])} ${orderBy('')} limit ${bind(limit)}`;
  } else if (offset === 0) {
    page = `select ${COLUMNS} from users${where([])} ${orderBy('')} limit ${bind(limit)}`;
  } else {
    page = `select ${COLUMNS} from users where id in (select id from users${where([])} ${orderBy('')} limit ${bind(limit)} offset ${bind(offset)}) ${orderBy('')}`;
  }
  return {
    sql: `select c.total, c.version, p.*
            from (select coalesce(sum(users), 0)::int as total, coalesce(sum(changes), 0)::text as version
                    from user_counts${counterWhere}) as c
            left join lateral (${page}) as p on true
           ${orderBy('p.')}`,
    params,
  };
}
