import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Page, SortOrder, UserDto, UserSortField, UserStatsDto } from '@interakt/shared/api-contracts';
import type { ListUsersQueryDto } from './dto/list-users.query';
import { toUserDto } from './user.dto';
import { User } from './user.entity';
import { escapeLike } from './user.repository';

/**
 * The full name as users see it, lower-cased. Written exactly as in the indexes of
 * Migration20261203010000_users_search_indexes (trigram for search, btree for sort):
 * change one and the planner stops using the other.
 */
const FULL_NAME = `lower(first_name || ' ' || last_name)`;
const EMAIL = `lower(email)`;

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
const COLUMNS = 'id, email, first_name, last_name, role, status, created_at, updated_at, last_login_at';

export interface BoundSql {
  sql: string;
  params: unknown[];
}

/** Newest first by default; the other fields read naturally A→Z. */
export function resolveOrder(sort: UserSortField, order: SortOrder | undefined): SortOrder {
  return order ?? (sort === 'createdAt' ? 'desc' : 'asc');
}

/**
 * The two statements behind `list()`: one page of rows and the total that matches the filters.
 * User input only ever travels as bound parameters; the sort key and direction come from fixed maps.
 */
export function buildListUsersSql(query: ListUsersQueryDto): { rows: BoundSql; count: BoundSql } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const search = query.search?.trim();
  if (search) {
    // Substring match with %, _ and \ taken literally (\ is LIKE's default escape character).
    // The full name covers first and last name alone as well.
    const pattern = `%${escapeLike(search)}%`;
    conditions.push(`(${FULL_NAME} ilike ? or ${EMAIL} ilike ?)`);
    params.push(pattern, pattern);
  }
  if (query.role) {
    conditions.push('role = ?');
    params.push(query.role);
  }
  if (query.status) {
    conditions.push('status = ?');
    params.push(query.status);
  }
  const where = conditions.length ? ` where ${conditions.join(' and ')}` : '';

  const sortKey = SORT_EXPRESSIONS[query.sort];
  const direction = DIRECTIONS[resolveOrder(query.sort, query.order)];
  if (!sortKey || !direction) throw new Error(`unknown sort ${String(query.sort)} ${String(query.order)}`);

  return {
    rows: {
      sql: `select ${COLUMNS} from users${where} order by ${sortKey} ${direction}, id ${direction} limit ? offset ?`,
      params: [...params, query.pageSize, (query.page - 1) * query.pageSize],
    },
    count: { sql: `select count(*)::int as total from users${where}`, params },
  };
}

/** The read side of user management (SPEC §4): the paged, searchable list and the stats cards. */
@Injectable()
export class UsersQueryService {
  constructor(private readonly em: EntityManager) {}

  async list(query: ListUsersQueryDto): Promise<Page<UserDto>> {
    const { rows, count } = buildListUsersSql(query);
    const connection = this.em.getConnection();
    const [found, [{ total }]] = await Promise.all([
      connection.execute<Record<string, unknown>[]>(rows.sql, rows.params),
      connection.execute<{ total: number }[]>(count.sql, count.params),
    ]);
    // Read-only: mapped outside the identity map, so a list never changes what a request's EM flushes.
    const items = found.map((row) => toUserDto(this.em.map(User, row, { disableIdentityMap: true })));
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /** One scan for all four cards; `admins` counts admins whatever their status. */
  async stats(): Promise<UserStatsDto> {
    const [row] = await this.em.getConnection().execute<{ total: number; active: number; inactive: number; admins: number }[]>(
      `select count(*)::int as total,
              count(*) filter (where status = 'active')::int as active,
              count(*) filter (where status = 'inactive')::int as inactive,
              count(*) filter (where role = 'admin')::int as admins
         from users`,
    );
    const { total, active, inactive, admins } = row;
    // One decimal, computed on integers so 2/3 gives 66.7 and not 66.69999….
    const activePercent = total === 0 ? 0 : Math.round((active * 1000) / total) / 10;
    return { total, active, inactive, activePercent, admins };
  }
}
