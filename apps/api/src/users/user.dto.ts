import type { UserDto } from '@interakt/shared/api-contracts';
import type { User } from './user.entity';

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
