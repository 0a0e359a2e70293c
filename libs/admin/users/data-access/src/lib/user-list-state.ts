import type { ParamMap } from '@angular/router';
import { compactParams, intParam, oneOfParam } from '@interakt/admin/shared/util';
import { USER_SORT_FIELDS, USER_STATUSES, type SortOrder, type UserListQuery, type UserSortField } from '@interakt/shared/api-contracts';
import { ROLES } from '@interakt/shared/auth-model';

export const USER_PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_USER_PAGE_SIZE = 20;

/** The user list as the URL holds it: every filter, the page and the sort (SPEC §5: "filters and page live in the URL"). */
export type UserListState = Required<Pick<UserListQuery, 'page' | 'pageSize' | 'sort' | 'order'>> &
  Pick<UserListQuery, 'search' | 'role' | 'status'>;

/** The API's default order per field: newest first for dates, A→Z otherwise. */
export function defaultOrder(sort: UserSortField): SortOrder {
  return sort === 'createdAt' ? 'desc' : 'asc';
}

/** Reads the state from the query params; anything malformed falls back to the default. */
export function userListStateFrom(params: ParamMap): UserListState {
  const sort = oneOfParam(params, 'sort', USER_SORT_FIELDS) ?? 'createdAt';
  const search = params.get('search')?.trim();
  return {
    search: search ? search.slice(0, 200) : undefined,
    role: oneOfParam(params, 'role', ROLES),
    status: oneOfParam(params, 'status', USER_STATUSES),
    page: intParam(params, 'page', 1),
    pageSize: intParam(params, 'pageSize', DEFAULT_USER_PAGE_SIZE, 1, 100),
    sort,
    order: oneOfParam(params, 'order', ['asc', 'desc'] as const) ?? defaultOrder(sort),
  };
}

/** Query params for a state: defaults are left out so links stay short. */
export function userListParams(state: Partial<UserListState>): Record<string, string | number | null> {
  const sort = state.sort ?? 'createdAt';
  return compactParams(
    {
      search: state.search,
      role: state.role,
      status: state.status,
      page: state.page,
      pageSize: state.pageSize,
      sort: state.sort,
      order: state.order,
    },
    { page: 1, pageSize: DEFAULT_USER_PAGE_SIZE, sort: 'createdAt', order: defaultOrder(sort) },
  );
}
