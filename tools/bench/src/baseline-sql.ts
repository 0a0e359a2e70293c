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

/** `?` placeholders numbered `$1…$n`, as the API's readPrepared does. */
const numbered = (statement: BoundSql): BoundSql => {
  let n = 0;
  return { ...statement, sql: statement.sql.replace(/\?/g, () => `$${++n}`) };
};

/** The API's literalLimit: a validated integer as statement text, so a named statement keeps one (generic) plan. */
function literalLimit(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`not a limit: ${String(n)}`);
  return String(n);
}

/** The role and status filters, on users and user_counts alike (the API's filtersOf). */
function filtersOf(query: Pick<UserListQuery, 'role' | 'status'>): { conditions: string[]; params: unknown[] } {
  const given = (
    [
      ['role', query.role],
      ['status', query.status],
    ] as const
  ).filter(([, value]) => value);
  return { conditions: given.map(([column]) => `${column} = ?`), params: given.map(([, value]) => value) };
}

const whereOf = (conditions: (string | undefined)[]) => {
  const given = conditions.filter(Boolean);
  return given.length ? ` where ${given.join(' and ')}` : '';
};

/** The API's SearchMatch: `like` planned per call, or one named `strpos` statement for a term known to be common. */
export type SearchMatch = 'planned' | 'common';

/**
 * The API's buildListUsersSql: the page (a deferred join past page 1) and what to count: `user_counts`
 * without a search (exact), else the matching rows; for a search the page beside its capped count
 * and version (`counted`) or beside its version alone (`versioned`).
 */
export function userListSql(
  query: UserListQuery,
  match: SearchMatch = 'planned',
): { rows: BoundSql; count: BoundSql; counted?: BoundSql; versioned?: BoundSql } {
  const search = query.search?.trim();
  // eslint-disable-next-line no-control-regex -- as the API: control characters never reach the pattern
  const term = search?.replace(/[\u0000-\u001f\u007f]/g, '');
  const filters = filtersOf(query);
  const where = (condition?: string) => whereOf([condition, ...filters.conditions]);
  const counters = { sql: whereOf(filters.conditions), params: filters.params };
  const like = search
    ? { sql: where('search_text like lower(?)'), params: [`%${escapeLike(term ?? '')}%`, ...counters.params] }
    : undefined;
  const matched =
    search && match === 'common' ? { sql: where('strpos(search_text, lower(?)) > 0'), params: [term, ...counters.params] } : like;
  const selected = matched ?? { sql: where(), params: counters.params };
  const direction = query.order ?? (query.sort === 'createdAt' ? 'desc' : 'asc');
  const orderBy = `order by ${SORT_EXPRESSIONS[query.sort]} ${direction}, id ${direction}`;
  const offset = (query.page - 1) * query.pageSize;
  const planPerCall = matched === like && Boolean(search);
  const rows: BoundSql =
    offset === 0
      ? {
          sql: `select ${COLUMNS} from users${selected.sql} ${orderBy} limit ${literalLimit(query.pageSize)}`,
          params: selected.params,
          planPerCall,
        }
      : {
          sql: `select ${COLUMNS} from users where id in (select id from users${selected.sql} ${orderBy} limit ${literalLimit(query.pageSize)} offset ?) ${orderBy}`,
          params: [...selected.params, offset],
          planPerCall,
        };
  if (!like) {
    const count = { sql: `select coalesce(sum(users), 0)::int as total from user_counts${counters.sql}`, params: counters.params };
    return { rows: numbered(rows), count: numbered(count) };
  }
  const count: BoundSql = { sql: `select 1 from users${like.sql}`, params: like.params, planPerCall: true };
  const version: BoundSql = {
    sql: `(select coalesce(sum(changes), 0)::text from user_counts${counters.sql}) as version`,
    params: counters.params,
  };
  const capped: BoundSql = {
    sql: `(select count(*)::int from (${count.sql} limit ${literalLimit(EXACT_TOTAL_LIMIT + 1)}) as m) as matched`,
    params: count.params,
    planPerCall: true,
  };
  const besidePage = (...values: BoundSql[]): BoundSql =>
    numbered({
      sql: `select c.*, p.* from (select ${values.map((v) => v.sql).join(', ')}) as c left join lateral (${rows.sql}) as p on true ${orderBy}`,
      params: [...values.flatMap((v) => v.params), ...rows.params],
      planPerCall: planPerCall || values.some((v) => v.planPerCall),
    });
  return { rows: numbered(rows), count: numbered(count), counted: besidePage(capped, version), versioned: besidePage(version) };
}

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
    page = `select ${COLUMNS} from users${where([bound])} ${orderBy('')} limit ${literalLimit(limit)}`;
  } else if (offset === 0) {
    page = `select ${COLUMNS} from users${where([])} ${orderBy('')} limit ${literalLimit(limit)}`;
  } else {
    page = `select ${COLUMNS} from users where id in (select id from users${where([])} ${orderBy('')} limit ${literalLimit(limit)} offset ${bind(offset)}) ${orderBy('')}`;
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
