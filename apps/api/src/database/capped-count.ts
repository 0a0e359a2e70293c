import type { EntityManager } from '@mikro-orm/postgresql';
import { readPrepared } from './prepared-read';

/** A statement and its parameters (`?` placeholders). */
export interface BoundSql {
  sql: string;
  params: unknown[];
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

async function estimate(em: EntityManager, matches: BoundSql): Promise<number> {
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
  const [{ total }] = await readPrepared<{ total: number }>(em, `select count(*)::int as total from (${matches.sql} limit ?) as matches`, [
    ...matches.params,
    limit + 1,
  ]);
  if (total <= limit) return { total, totalExact: true };
  return { total: Math.max(limit + 1, await estimate(em, matches)), totalExact: false };
}
