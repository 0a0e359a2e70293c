import type { EntityManager } from '@mikro-orm/postgresql';
import { readPrepared } from './prepared-read';

/** A statement and its parameters (`?` placeholders). */
export interface BoundSql {
  sql: string;
  params: unknown[];
  /** Its best plan depends on the values (a search pattern, a date range): see readPrepared. */
  planPerCall?: boolean;
}

export interface CountedTotal {
  total: number;
  /** false: more than the limit matched and `total` is the planner's estimate (at least limit + 1). */
  totalExact: boolean;
}

interface ExplainRow {
  'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }];
}

/** Estimates are approximate by contract: one per query for half a minute spares the planner work on repeats (paging). */
const ESTIMATE_TTL_MS = 30_000;
const ESTIMATES_KEPT = 500;
const estimates = new Map<string, { total: number; until: number }>();

export async function estimate(em: EntityManager, matches: BoundSql): Promise<number> {
  const key = JSON.stringify([matches.sql, matches.params]);
  const now = Date.now();
  const kept = estimates.get(key);
  if (kept && kept.until > now) return kept.total;
  const [plan] = await em.getConnection().execute<ExplainRow[]>(`explain (format json) ${matches.sql}`, matches.params);
  const total = Math.round(plan['QUERY PLAN'][0].Plan['Plan Rows']);
  if (estimates.size >= ESTIMATES_KEPT) estimates.delete(estimates.keys().next().value as string);
  estimates.set(key, { total, until: now + ESTIMATE_TTL_MS });
  return total;
}

/**
 * Counts the rows of `matches` (a `select 1 from … where …`) exactly while they are at most
 * `limit`, reading at most `limit + 1` of them; beyond that answers PostgreSQL's own estimate of the
 * query (EXPLAIN, from the table statistics), so that a total never costs a scan of a million rows.
 */
export async function countCapped(em: EntityManager, matches: BoundSql, limit: number): Promise<CountedTotal> {
  const [{ total }] = await readPrepared<{ total: number }>(
    em,
    `select count(*)::int as total from (${matches.sql} limit ?) as matches`,
    [...matches.params, limit + 1],
    { planPerCall: matches.planPerCall },
  );
  if (total <= limit) return { total, totalExact: true };
  return { total: Math.max(limit + 1, await estimate(em, matches)), totalExact: false };
}

/** A list's rows in list order (`select … from … where …`, no order or limit) and its order. */
export interface ListedSql extends BoundSql {
  orderBy: string;
}

/**
 * Page 1 and its capped total in one statement and one round trip: the capped count of `matches`
 * (at most `limit + 1` rows, as countCapped reads them) beside the first `pageSize` rows of `listed`;
 * PostgreSQL plans each part on its own (the audit log by actor counts and pages on the actor's
 * index). Exact up to `limit`; beyond, the planner's estimate as in countCapped. (User searches keep
 * their count by version instead: UsersQueryService.searchedList.)
 * Two statements cost a second pool checkout and round trip per request (issue 7's benchmark).
 */
export async function firstPageCounted<T extends object>(
  em: EntityManager,
  listed: ListedSql,
  matches: BoundSql,
  pageSize: number,
  limit: number,
): Promise<CountedTotal & { rows: T[] }> {
  const found = await readPrepared<T & { matched: number }>(
    em,
    `select c.matched, p.*
       from (select count(*)::int as matched from (${matches.sql} limit ?) as m) as c
       left join lateral (${listed.sql} ${listed.orderBy} limit ?) as p on true
      ${listed.orderBy}`,
    [...matches.params, limit + 1, ...listed.params, pageSize],
    { planPerCall: matches.planPerCall || listed.planPerCall },
  );
  const matched = found[0].matched;
  const rows: T[] = matched === 0 ? [] : found;
  if (matched <= limit) return { rows, total: matched, totalExact: true };
  return { rows, total: Math.max(limit + 1, await estimate(em, matches)), totalExact: false };
}

/** The statements of a list whose total is capped: its rows, what to count, and page 1 in one statement when it is page 1. */
export interface CappedListSql {
  rows: BoundSql;
  count: BoundSql;
  firstPage?: ListedSql;
}

/**
 * One page of such a list and its total: page 1 by firstPageCounted (one statement), a later page
 * as its rows beside countCapped.
 */
export async function readCappedPage<T extends object>(
  em: EntityManager,
  list: CappedListSql,
  pageSize: number,
  limit: number,
): Promise<CountedTotal & { rows: T[] }> {
  if (list.firstPage) return firstPageCounted<T>(em, list.firstPage, list.count, pageSize, limit);
  const [rows, counted] = await Promise.all([
    readPrepared<T>(em, list.rows.sql, list.rows.params, { planPerCall: list.rows.planPerCall }),
    countCapped(em, list.count, limit),
  ]);
  return { rows, ...counted };
}
