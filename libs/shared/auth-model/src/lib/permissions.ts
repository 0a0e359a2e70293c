import type { Role } from './roles';

/** Every permission of SPEC §2. */
export const PERMISSIONS = [
  'users.manage',
  'audit.view',
  'tokens.manage',
  'providers.manage',
  'setup.reset',
  'content.write',
  'content.read',
  'analytics.view',
  'playground.use',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * The one role → permission matrix (SPEC §2). The API guards and the admin UI both read it;
 * the API is the authority, the UI only hides what the API would refuse.
 */
export const ROLE_PERMISSIONS = {
  // Admins hold every permission.
  admin: PERMISSIONS,
  moderator: ['content.write', 'content.read', 'analytics.view', 'playground.use'],
  user: ['content.read', 'playground.use'],
} as const satisfies Record<Role, readonly Permission[]>;

// Compile-time check: every permission is granted to at least one role.
type Granted = (typeof ROLE_PERMISSIONS)[Role][number];
type Ungranted = Exclude<Permission, Granted>;
const everyPermissionGranted: [Ungranted] extends [never] ? true : Ungranted = true;
void everyPermissionGranted;

export function permissionsFor(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

export function hasPermission(role: Role, permission: Permission): boolean {
  return (ROLE_PERMISSIONS[role] as readonly Permission[]).includes(permission);
}

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (PERMISSIONS as readonly string[]).includes(value);
}
