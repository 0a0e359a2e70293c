import type { UserDto } from '@interakt/shared/api-contracts';
import type { User } from './user.entity';
import { isoTimestamp } from '../database/pg-timestamp';

/** The only way a user leaves the API: the fields of SPEC §4, never the hash or token version. */
export function toUserDto(user: User): UserDto {
  return {
    id: user.id,
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    role: user.role,
    status: user.status,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
    lastLoginAt: user.lastLoginAt ? user.lastLoginAt.toISOString() : null,
  };
}

/** A `users` row as raw SQL returns it (MikroORM's driver leaves timestamps as PostgreSQL's text). */
export interface UserRow {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  role: UserDto['role'];
  status: UserDto['status'];
  created_at: string | Date;
  updated_at: string | Date;
  last_login_at: string | Date | null;
}

/** The columns of {@link UserRow}: every field of the DTO, nothing secret (no hash, no token version). */
export const USER_ROW_COLUMNS = 'id, email, first_name, last_name, role, status, created_at, updated_at, last_login_at';

/**
 * The same DTO as {@link toUserDto}, straight from a row: read paths (lists, /auth/me) skip entity
 * hydration, which was the largest single cost of a user list in the benchmark (issue 7).
 */
export function userRowToDto(row: UserRow): UserDto {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    role: row.role,
    status: row.status,
    createdAt: isoTimestamp(row.created_at),
    updatedAt: isoTimestamp(row.updated_at),
    lastLoginAt: row.last_login_at === null ? null : isoTimestamp(row.last_login_at),
  };
}
