import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

interface Statement {
  name: string;
  text: string;
}

const statements = new Map<string, Statement>();

/** `?` placeholders become `$1…$n`; the name is derived from the text, so one name never means two statements. */
function statementOf(sql: string): Statement {
  let statement = statements.get(sql);
  if (!statement) {
    let n = 0;
    const text = sql.replace(/\?/g, () => `$${++n}`);
    statement = { name: `r_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`, text };
    statements.set(sql, statement);
  }
  return statement;
}

/**
 * A read on the hot path (every request's authentication, the lists, the stats) as a named prepared
 * statement on MikroORM's own `pg` pool: each pooled connection parses and plans it once, where
 * `connection.execute()` sends the values inlined and PostgreSQL plans the text anew every time.
 * Planning was ~0.5–1 ms of the database's CPU per statement here, more than running most of them
 * (issue 7's benchmark). `sql` uses `?` placeholders and must hold no other `?`; values are bound.
 */
export async function readPrepared<T>(
  em: EntityManager,
  sql: string,
  params: readonly unknown[] = [],
  options: { planPerCall?: boolean } = {},
): Promise<T[]> {
  const pool = await em.getConnection().getNativeClient();
  const { name, text } = statementOf(sql);
  // planPerCall: an unnamed statement, planned with its values at every call. A named one may move
  // to PostgreSQL's generic plan after five calls, which for a search pattern or a date range is
  // the plan of some average value: a seq scan for the rare term whose trigram index would answer in
  // microseconds. Custom plans are planned per call anyway, so this only adds the parse.
  const result = options.planPerCall
    ? await pool.query({ text, values: [...params] })
    : await pool.query({ name, text, values: [...params] });
  return result.rows as T[];
}

/**
 * A LIMIT as statement text, for the user lists. For a named statement PostgreSQL weighs its generic
 * plan against the custom plans of the first five calls, and a generic `limit $n` is costed as a
 * tenth of the rows it limits: over the users table that made every page of users look expensive, so
 * those statements were planned anew at every call (pg_prepared_statements.generic_plans stayed 0),
 * ~35 µs and up per statement. With the limit as text they keep one plan per connection. The audit
 * lists keep a bound limit: there a tenth of one actor's events is few rows, so the generic plan
 * already won, and a literal limit measured worse for the audit log by actor (issue 7). Only a
 * non-negative safe integer becomes text.
 */
export function literalLimit(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`not a limit: ${String(n)}`);
  return String(n);
}
