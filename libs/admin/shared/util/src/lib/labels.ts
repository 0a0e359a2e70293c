import type { UserStatus } from '@interakt/shared/api-contracts';
import type { Role } from '@interakt/shared/auth-model';

/** Roles and statuses as people read them. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = { admin: 'Admin', moderator: 'Moderator', user: 'User' };
export const STATUS_LABELS: Readonly<Record<UserStatus, string>> = { active: 'Active', inactive: 'Inactive' };
