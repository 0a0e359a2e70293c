import type { Permission } from '@interakt/shared/auth-model';

export interface AdminScreen {
  readonly path: string;
  readonly label: string;
  readonly description: string;
  /** What the API asks for behind this screen (SPEC §2): the link shows only for roles with it. */
  readonly permission: Permission;
}

/** The Administration section: sidebar links and dashboard cards. */
export const ADMIN_SCREENS: readonly AdminScreen[] = [
  {
    path: '/admin/users',
    label: 'User Management',
    description: 'Add people, set roles, reset passwords, deactivate.',
    permission: 'users.manage',
  },
  { path: '/admin/audit', label: 'Audit Log', description: 'Who did what, and when.', permission: 'audit.view' },
  { path: '/admin/tokens', label: 'Access Tokens', description: 'Tokens for scripts and other applications.', permission: 'tokens.manage' },
];
