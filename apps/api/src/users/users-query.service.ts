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
import { type BoundSql, type CappedListSql, readCappedPage } from '../database/capped-count';
import { readPrepared } from '../database/prepared-read';
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
 * The two statements behind `list()`: one page of rows and the total that matches the filters.
 * User input only ever travels as bound parameters; the sort key and direction come from fixed maps.
 *
 * - Past the first page the rows are found in two steps (a "deferred join"): the ids of the page
 *   from the sort index alone, skipping `offset` index entries without touching the table, then
 *   those rows. Plain `offset` read every skipped row: page 500 cost ~10,000 heap fetches.
 * - Without a search the total is exact and comes from `user_counts` (kept by triggers, see
 *   Migration20261203060000_user_counts) instead of counting the table. With a search it is counted
 *   up to EXACT_TOTAL_LIMIT + 1 matches; `list()` estimates beyond that (`countCapped`).
 */
export function buildListUsersSql(query: ListUsersQueryDto): CappedListSql & {
  /** A search's total is capped (`readCappedPage`, page 1 in one statement); else `count` reads the counters. */
  searched: boolean;
} {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const counterConditions: string[] = [];
  const counterParams: unknown[] = [];
  const search = query.search?.trim();
  if (search) {
    // Substring match with %, _ and \ taken literally (\ is LIKE's default escape character) on
    // the stored `search_text` (full name, 0x1F, email; all lower-cased: Migration20261204000000):
    // a plain LIKE on lower(?) is case-insensitive at a third of the cost of ILIKE on the two
    // expressions (issue 7). Control characters are dropped, so no match spans the separator.
    const pattern = `%${escapeLike(search.replace(CONTROL_CHARACTERS, ''))}%`;
    conditions.push(`search_text like lower(?)`);
    params.push(pattern);
  }
  for (const [column, value] of [
    ['role', query.role],
    ['status', query.status],
  ] as const) {
    if (!value) continue;
    conditions.push(`${column} = ?`);
    params.push(value);
    counterConditions.push(`${column} = ?`);
    counterParams.push(value);
  }
  const where = conditions.length ? ` where ${conditions.join(' and ')}` : '';

  const sortKey = SORT_EXPRESSIONS[query.sort];
  const direction = DIRECTIONS[resolveOrder(query.sort, query.order)];
  if (!sortKey || !direction) throw new Error(`unknown sort ${String(query.sort)} ${String(query.order)}`);
  const orderBy = `order by ${sortKey} ${direction}, id ${direction}`;
  const offset = (query.page - 1) * query.pageSize;

  // A search pattern decides the plan (trigram index for a rare term, the sort index for a common one).
  const planPerCall = Boolean(search);
  const rows: BoundSql =
    offset === 0
      ? { sql: `select ${COLUMNS} from users${where} ${orderBy} limit ?`, params: [...params, query.pageSize], planPerCall }
      : {
          sql: `select ${COLUMNS} from users where id in (select id from users${where} ${orderBy} limit ? offset ?) ${orderBy}`,
          params: [...params, query.pageSize, offset],
          planPerCall,
        };
  const count: BoundSql = search
    ? { sql: `select 1 from users${where}`, params, planPerCall }
    : {
        sql: `select coalesce(sum(users), 0)::int as total from user_counts${counterConditions.length ? ` where ${counterConditions.join(' and ')}` : ''}`,
        params: counterParams,
      };
  const firstPage = search && offset === 0 ? { sql: `select ${COLUMNS} from users${where}`, params, orderBy, planPerCall } : undefined;
  return { rows, count, searched: Boolean(search), firstPage };
}

/**
 * Sorts whose order only inserts, deletes and role or status changes can alter — exactly the writes
 * that bump `user_counts.changes` — and whose key is a plain column: lists in these orders remember
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

const ANCHOR_TTL_MS = 60_000;
const ANCHORS_KEPT = 1_000;

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
  const filters: [string, unknown][] = [];
  if (query.role) filters.push(['role = ?', query.role]);
  if (query.status) filters.push(['status = ?', query.status]);
  const conditions = filters.map(([c]) => c);
  const filterParams = filters.map(([, v]) => v);
  const where = (extra: string[]) => (conditions.length + extra.length ? ` where ${[...conditions, ...extra].join(' and ')}` : '');
  const orderBy = (prefix: string) => `order by ${prefix}${column} ${direction}, ${prefix}id ${direction}`;
  const limit = query.pageSize + 1;
  const offset = (query.page - 1) * query.pageSize;
  let page: BoundSql;
  if (anchor) {
    const bound = `(${column}, id) ${direction === 'desc' ? '<=' : '>='} (?, ?)`;
    page = {
      sql: `select ${COLUMNS} from users${where([bound])} ${orderBy('')} limit ?`,
      params: [...filterParams, anchor.key, anchor.id, limit],
    };
  } else if (offset === 0) {
    page = { sql: `select ${COLUMNS} from users${where([])} ${orderBy('')} limit ?`, params: [...filterParams, limit] };
  } else {
    page = {
      sql: `select ${COLUMNS} from users where id in (select id from users${where([])} ${orderBy('')} limit ? offset ?) ${orderBy('')}`,
      params: [...filterParams, limit, offset],
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

  constructor(private readonly em: EntityManager) {}

  async list(query: ListUsersQueryDto): Promise<Page<UserDto>> {
    const column = ANCHORED_SORTS[query.sort];
    if (column && !query.search?.trim()) return this.anchoredList(query, column);
    const list = buildListUsersSql(query);
    const {
      rows: found,
      total,
      totalExact,
    } = list.searched
      ? await readCappedPage<UserRow>(this.em, list, query.pageSize, EXACT_TOTAL_LIMIT)
      : await Promise.all([
          readPrepared<UserRow>(this.em, list.rows.sql, list.rows.params),
          readPrepared<{ total: number }>(this.em, list.count.sql, list.count.params),
        ]).then(([rows, [counted]]) => ({ rows, total: counted.total, totalExact: true }));
    // Read-only: rows become DTOs directly, never entities, so a list never changes what an EM flushes.
    return { items: found.map(userRowToDto), total, totalExact, page: query.page, pageSize: query.pageSize };
  }

  /**
   * Unsearched lists in created_at, role or status order: a page whose start is known (served before,
   * or the page after one served) is read by keyset — 21 index entries — instead of skipping `offset`
   * of them (page 500: ~10,000, the cost that made deep pages 2.5× slower than the first in issue 7's
   * benchmark). The anchor is used only while the list's version (the filter's counters' `changes`)
   * is the one it was taken at; any insert, delete or role/status change of a listed user moves it.
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
    if (rows.length > 0 && query.page > 1) this.keepAnchor(pageKey(query.page), { version, key: String(rows[0][column]), id: rows[0].id });
    if (rows.length > query.pageSize) {
      const next = rows[query.pageSize];
      this.keepAnchor(pageKey(query.page + 1), { version, key: String(next[column]), id: next.id });
    }
    return { items: rows.slice(0, query.pageSize).map(userRowToDto), total, totalExact: true, page: query.page, pageSize: query.pageSize };
  }

  private keepAnchor(key: string, anchor: Omit<Anchor, 'until'>): void {
    this.anchors.delete(key);
    if (this.anchors.size >= ANCHORS_KEPT) this.anchors.delete(this.anchors.keys().next().value as string);
    this.anchors.set(key, { ...anchor, until: Date.now() + ANCHOR_TTL_MS });
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
