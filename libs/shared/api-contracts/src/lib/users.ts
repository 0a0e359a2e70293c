import type { Role } from '@interakt/shared/auth-model';

export const USER_STATUSES = ['active', 'inactive'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** A user as the API returns it (SPEC §4): never a hash. Dates are ISO 8601 strings. */
export interface UserDto {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  role: Role;
  status: UserStatus;
  createdAt: string;
  updatedAt: string;
  lastLoginAt: string | null;
}

export const USER_SORT_FIELDS = ['name', 'email', 'role', 'status', 'createdAt'] as const;
export type UserSortField = (typeof USER_SORT_FIELDS)[number];
export type SortOrder = 'asc' | 'desc';

export interface UserListQuery {
  search?: string;
  role?: Role;
  status?: UserStatus;
  page?: number;
  pageSize?: number;
  sort?: UserSortField;
  order?: SortOrder;
}

/**
 * Lists count their matches exactly up to this many (five pages of 20); beyond it a user search or
 * an audit query answers with PostgreSQL's estimate (`totalExact: false`) instead of counting every
 * match on each request: counting the ~12,000 users whose name contains "son" took 16–28 ms, the
 * events of 1,000,000 ~60 ms. An unsearched user list is always exact (kept counters).
 */
export const EXACT_TOTAL_LIMIT = 100;

export interface Page<T> {
  items: T[];
  /** How many items match: exact when `totalExact`, else an estimate above {@link EXACT_TOTAL_LIMIT}. */
  total: number;
  totalExact: boolean;
  page: number;
  pageSize: number;
}

export interface UserStatsDto {
  total: number;
  active: number;
  inactive: number;
  activePercent: number;
  admins: number;
}

export interface CreateUserRequest {
  firstName: string;
  lastName: string;
  email: string;
  role: Role;
  password?: string;
  generatePassword?: boolean;
}

export interface CreateUserResponse {
  user: UserDto;
  generatedPassword?: string;
}

export type UpdateUserRequest = Partial<Pick<UserDto, 'firstName' | 'lastName' | 'email' | 'role'>>;

export interface SetPasswordRequest {
  password?: string;
  generatePassword?: boolean;
}

export interface SetPasswordResponse {
  generatedPassword?: string;
}
