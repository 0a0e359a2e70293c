import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  EXACT_TOTAL_LIMIT,
  type Page,
  type SortOrder,
  type UserDto,
  type UserSortField,
  type UserStatsDto,
} from '@interakt/shared/api-contracts';
import { type BoundSql, estimate } from '../database/capped-count';
import { literalLimit, readPrepared } from '../database/prepared-read';
import type { ListUsersQueryDto } from './dto/list-users.query';
import { USER_ROW_COLUMNS, type UserRow, userRowToDto } from './user.dto';
import { escapeLike } from './user.repository';

/**
 * The full name as users see it, lower-cased. Written exactly as in the sort index of
 * Migration20261203010000_users_search_indexes: change one and the planner stops using the other.
 * (Search matches the stored `search_text` column instead.)
 */
const FULL_NAME = `lower(first_name || ' ' || last_name)`;
const EMAIL = `lower(email)`;
// eslint-disable-next-line no-control-regex -- exactly what is removed from a search term
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/** Sort keys; each one is followed by `id` in the same direction so pages are stable and index-ordered. */
const SORT_EXPRESSIONS: Record<UserSortField, string> = {
  name: FULL_NAME,
  email: EMAIL,
  role: 'role',
  status: 'status',
  createdAt: 'created_at',
};

const DIRECTIONS: Record<SortOrder, string> = { asc: 'asc', desc: 'desc' };

/** Every column of SPEC §4's user, and nothing secret (no hash, no token version). */
const COLUMNS = USER_ROW_COLUMNS;

/** Newest first by default; the other fields read naturally A→Z. */
export function resolveOrder(sort: UserSortField, order: SortOrder | undefined): SortOrder {
  return order ?? (sort === 'createdAt' ? 'desc' : 'asc');
}

/**
 * How a search term is matched. `planned`: `search_text like ?`, planned with its pattern at every
 * call (the trigram index for a rare term, the sort index for a common one). `common`: for a term
 * already seen to match more than EXACT_TOTAL_LIMIT users, `strpos(search_text, ?) > 0`, whose
 * estimate does not depend on the term, so one named statement keeps one plan (the sort index)
 * for every common term: planning was a third of such a search's database time (issue 7).
 */
export type SearchMatch = 'planned' | 'common';

/** The role and status filters of a list: conditions on `users` and on `user_counts` alike. */
function filtersOf(query: Pick<ListUsersQueryDto, 'role' | 'status'>): { conditions: string[]; params: unknown[] } {
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

/**
 * The statements behind `list()`: one page of rows and the total that matches the filters.
 * User input only ever travels as bound parameters; the sort key and direction come from fixed maps.
 *
 * - Past the first page the rows are found in two steps (a "deferred join"): the ids of the page
 *   from the sort index alone, skipping `offset` index entries without touching the table, then
 *   those rows. Plain `offset` read every skipped row: page 500 cost ~10,000 heap fetches.
 * - Without a search the total is exact and comes from `user_counts` (kept by triggers, see
 *   Migration20261203060000_user_counts) instead of counting the table.
 * - With a search, `count` is what matches (`select 1 …`, always by LIKE: the planner's estimate of
 *   it is the total beyond EXACT_TOTAL_LIMIT), and the page is read in one statement beside the
 *   list's version (`user_counts.changes` of its filters): `counted` also counts the matches up to
 *   EXACT_TOTAL_LIMIT + 1, `versioned` does not (the service knows the count at that version).
 */
export function buildListUsersSql(
  query: ListUsersQueryDto,
  match: SearchMatch = 'planned',
): {
  rows: BoundSql;
  count: BoundSql;
  /** Searches only: the page beside the capped count and the version; the page beside the version. */
  counted?: BoundSql;
  versioned?: BoundSql;
} {
  const search = query.search?.trim();
  const term = search?.replace(CONTROL_CHARACTERS, '');
  const filters = filtersOf(query);
  const where = (condition?: string) => whereOf([condition, ...filters.conditions]);
  const counters = { sql: whereOf(filters.conditions), params: filters.params };
  // Substring match with %, _ and \ taken literally (\ is LIKE's default escape character) on
  // the stored `search_text` (full name, 0x1F, email; all lower-cased: Migration20261204000000):
  // a plain LIKE on lower(?) is case-insensitive at a third of the cost of ILIKE on the two
  // expressions (issue 7). Control characters are dropped, so no match spans the separator.
  const like = search
    ? { sql: where('search_text like lower(?)'), params: [`%${escapeLike(term ?? '')}%`, ...counters.params] }
    : undefined;
  const matched =
    search && match === 'common' ? { sql: where('strpos(search_text, lower(?)) > 0'), params: [term, ...counters.params] } : like;
  const selected = matched ?? { sql: where(), params: counters.params };

  const sortKey = SORT_EXPRESSIONS[query.sort];
  const direction = DIRECTIONS[resolveOrder(query.sort, query.order)];
  if (!sortKey || !direction) throw new Error(`unknown sort ${String(query.sort)} ${String(query.order)}`);
  const orderBy = `order by ${sortKey} ${direction}, id ${direction}`;
  const offset = (query.page - 1) * query.pageSize;

  // A LIKE pattern decides the plan: planned per call (readPrepared's planPerCall).
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
    return { rows, count };
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
  // One row of those values left-joined to the page: one statement, one snapshot.
  const besidePage = (...values: BoundSql[]): BoundSql => ({
    sql: `select c.*, p.* from (select ${values.map((v) => v.sql).join(', ')}) as c left join lateral (${rows.sql}) as p on true ${orderBy}`,
    params: [...values.flatMap((v) => v.params), ...rows.params],
    planPerCall: planPerCall || values.some((v) => v.planPerCall),
  });
  return { rows, count, counted: besidePage(capped, version), versioned: besidePage(version) };
}

/**
 * Sorts whose order only inserts, deletes and role or status changes can alter — exactly the writes
 * that bump `user_counts.changes` (among others) — and whose key is a plain column: lists in these orders remember
 * where their pages start ("anchors") and read a known page by keyset instead of by offset.
 */
const ANCHORED_SORTS: Partial<Record<UserSortField, keyof UserRow>> = { createdAt: 'created_at', role: 'role', status: 'status' };

/** Where a page starts: its first row's sort key and id, valid while the list's version is unchanged. */
interface Anchor {
  version: string;
  key: string;
  id: string;
  until: number;
}

/** A search's capped count at the version of its lists (user_counts.changes) when it was counted. */
interface KnownCount {
  version: string;
  matched: number;
  until: number;
}

type SearchRow = UserRow & { version: string; matched?: number };

/** How long anchors and known counts are kept, and how many of each. */
const KEPT_FOR_MS = 60_000;
const KEPT_AT_MOST = 1_000;

/**
 * The anchored list in one statement, so rows, total and version come from one snapshot: the
 * counters of the filter (total, and the sum of their `changes` as the list's version) left-joined to
 * the page — by keyset from `anchor` when there is one, else page 1 or the deferred join. It reads
 * one row more than the page, whose key anchors the next page.
 */
export function buildAnchoredListSql(query: ListUsersQueryDto, anchor?: { key: string; id: string }): BoundSql {
  const column = ANCHORED_SORTS[query.sort];
  const direction = DIRECTIONS[resolveOrder(query.sort, query.order)];
  if (!column || !direction || query.search?.trim()) throw new Error(`not an anchored list: ${String(query.sort)}`);
  const { conditions, params: filterParams } = filtersOf(query);
  const where = (extra: string[]) => whereOf([...conditions, ...extra]);
  const orderBy = (prefix: string) => `order by ${prefix}${column} ${direction}, ${prefix}id ${direction}`;
  const limit = query.pageSize + 1;
  const offset = (query.page - 1) * query.pageSize;
  let page: BoundSql;
  if (anchor) {
    const bound = `(${column}, id) ${direction === 'desc' ? '<=' : '>='} (?, ?)`;
    page = {
      sql: `select ${COLUMNS} from users${where([bound])} ${orderBy('')} limit ${literalLimit(limit)}`,
      params: [...filterParams, anchor.key, anchor.id],
    };
  } else if (offset === 0) {
    page = { sql: `select ${COLUMNS} from users${where([])} ${orderBy('')} limit ${literalLimit(limit)}`, params: filterParams };
  } else {
    page = {
      sql: `select ${COLUMNS} from users where id in (select id from users${where([])} ${orderBy('')} limit ${literalLimit(limit)} offset ?) ${orderBy('')}`,
      params: [...filterParams, offset],
    };
  }
  return {
    sql: `select c.total, c.version, p.*
            from (select coalesce(sum(users), 0)::int as total, coalesce(sum(changes), 0)::text as version
                    from user_counts${where([])}) as c
            left join lateral (${page.sql}) as p on true
           ${orderBy('p.')}`,
    params: [...filterParams, ...page.params],
  };
}

type AnchoredRow = UserRow & { total: number; version: string };

/** Exact, from the counters that triggers keep (Migration20261203060000_user_counts), not a scan of `users`. */
export const STATS_SQL = `select coalesce(sum(users), 0)::int as total,
        coalesce(sum(users) filter (where status = 'active'), 0)::int as active,
        coalesce(sum(users) filter (where status = 'inactive'), 0)::int as inactive,
        coalesce(sum(users) filter (where role = 'admin'), 0)::int as admins
   from user_counts`;

/** The read side of user management (SPEC §4): the paged, searchable list and the stats cards. */
@Injectable()
export class UsersQueryService {
  /** Page anchors of this process (one database per service instance), least recently stored first. */
  private readonly anchors = new Map<string, Anchor>();
  /** Capped counts of searches (term, role, status) at a version of their lists, as the anchors. */
  private readonly counts = new Map<string, KnownCount>();

  constructor(private readonly em: EntityManager) {}

  async list(query: ListUsersQueryDto): Promise<Page<UserDto>> {
    const column = ANCHORED_SORTS[query.sort];
    if (query.search?.trim()) return this.searchedList(query);
    if (column) return this.anchoredList(query, column);
    const list = buildListUsersSql(query);
    const [rows, [counted]] = await Promise.all([
      readPrepared<UserRow>(this.em, list.rows.sql, list.rows.params),
      readPrepared<{ total: number }>(this.em, list.count.sql, list.count.params),
    ]);
    // Read-only: rows become DTOs directly, never entities, so a list never changes what an EM flushes.
    return { items: rows.map(userRowToDto), total: counted.total, totalExact: true, page: query.page, pageSize: query.pageSize };
  }

  /**
   * A search's page in one statement. Its capped count (up to EXACT_TOTAL_LIMIT + 1 matches) is
   * read beside the page and kept with the list's version; while that version holds — no user of
   * the filtered (role, status) was added, removed, moved, renamed or given another e-mail
   * (Migration20261204010000_user_counts_edits) — the same search reads only the page and its
   * version, and a term known to match more than the limit is matched by the one-plan `strpos`
   * (SearchMatch). A version that moved on counts again. Beyond the limit the total is the
   * planner's estimate, as for any capped total.
   */
  private async searchedList(query: ListUsersQueryDto): Promise<Page<UserDto>> {
    const key = JSON.stringify([query.search?.trim(), query.role ?? null, query.status ?? null]);
    const kept = this.counts.get(key);
    const known = kept && kept.until > Date.now() ? kept : undefined;
    let list = buildListUsersSql(query, known && known.matched > EXACT_TOTAL_LIMIT ? 'common' : 'planned');
    let found: SearchRow[] = [];
    let matched = known?.matched;
    if (list.versioned && known) {
      found = await readPrepared<SearchRow>(this.em, list.versioned.sql, list.versioned.params, {
        planPerCall: list.versioned.planPerCall,
      });
      if (found[0].version !== known.version) matched = undefined;
    }
    if (matched === undefined) {
      list = buildListUsersSql(query);
      if (!list.counted) throw new Error('not a search');
      found = await readPrepared<SearchRow>(this.em, list.counted.sql, list.counted.params, { planPerCall: true });
      matched = Number(found[0].matched);
      this.keep(this.counts, key, { version: found[0].version, matched });
    }
    const rows = found[0].id === null ? [] : found;
    const total = matched <= EXACT_TOTAL_LIMIT ? matched : Math.max(EXACT_TOTAL_LIMIT + 1, await estimate(this.em, list.count));
    return {
      items: rows.map(userRowToDto),
      total,
      totalExact: matched <= EXACT_TOTAL_LIMIT,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /**
   * Unsearched lists in created_at, role or status order: a page whose start is known (served before,
   * or the page after one served) is read by keyset — 21 index entries — instead of skipping `offset`
   * of them (page 500: ~10,000, the cost that made deep pages 2.5× slower than the first in issue 7's
   * benchmark). The anchor is used only while the list's version (the filter's counters' `changes`)
   * is the one it was taken at; any insert, delete, role/status change or rename of a listed user moves it.
   */
  private async anchoredList(query: ListUsersQueryDto, column: keyof UserRow): Promise<Page<UserDto>> {
    const pageKey = (page: number) =>
      JSON.stringify([query.role ?? null, query.status ?? null, query.sort, query.order ?? null, query.pageSize, page]);
    const kept = query.page > 1 ? this.anchors.get(pageKey(query.page)) : undefined;
    const anchor = kept && kept.until > Date.now() ? kept : undefined;
    let found = await readPrepared<AnchoredRow>(this.em, ...bound(buildAnchoredListSql(query, anchor)));
    if (anchor && found[0].version !== anchor.version) {
      found = await readPrepared<AnchoredRow>(this.em, ...bound(buildAnchoredListSql(query)));
    }
    const { total, version } = found[0];
    const rows = found[0].id === null ? [] : found;
    if (rows.length > 0 && query.page > 1)
      this.keep(this.anchors, pageKey(query.page), { version, key: String(rows[0][column]), id: rows[0].id });
    if (rows.length > query.pageSize) {
      const next = rows[query.pageSize];
      this.keep(this.anchors, pageKey(query.page + 1), { version, key: String(next[column]), id: next.id });
    }
    return { items: rows.slice(0, query.pageSize).map(userRowToDto), total, totalExact: true, page: query.page, pageSize: query.pageSize };
  }

  /** Keeps `value` under `key` for KEPT_FOR_MS, dropping the least recently stored entry beyond KEPT_AT_MOST. */
  private keep<V extends object>(map: Map<string, V & { until: number }>, key: string, value: V): void {
    map.delete(key);
    if (map.size >= KEPT_AT_MOST) map.delete(map.keys().next().value as string);
    map.set(key, { ...value, until: Date.now() + KEPT_FOR_MS });
  }

  /** The four cards from the six counters of `user_counts`; `admins` counts admins whatever their status. */
  async stats(): Promise<UserStatsDto> {
    const [row] = await readPrepared<{ total: number; active: number; inactive: number; admins: number }>(this.em, STATS_SQL);
    const { total, active, inactive, admins } = row;
    // One decimal, computed on integers so 2/3 gives 66.7 and not 66.69999….
    const activePercent = total === 0 ? 0 : Math.round((active * 1000) / total) / 10;
    return { total, active, inactive, activePercent, admins };
  }
}

const bound = (statement: BoundSql): [string, unknown[]] => [statement.sql, statement.params];
