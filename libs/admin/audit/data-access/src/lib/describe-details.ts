import type { AuditEventDto } from '@interakt/shared/api-contracts';

/** How an audit action reads in the table. */
export const AUDIT_ACTION_LABELS: Readonly<Record<AuditEventDto['action'], string>> = {
  'auth.login': 'Signed in',
  'auth.login_failed': 'Sign-in failed',
  'auth.logout': 'Signed out',
  'auth.password_changed': 'Changed own password',
  'user.created': 'User created',
  'user.updated': 'User updated',
  'user.role_changed': 'Role changed',
  'user.deactivated': 'User deactivated',
  'user.activated': 'User activated',
  'user.password_reset': 'Password reset',
  'user.deleted': 'User deleted',
  'token.created': 'Access token created',
  'token.revoked': 'Access token revoked',
  'provider.created': 'Provider created',
  'provider.updated': 'Provider updated',
  'provider.deleted': 'Provider deleted',
  'experience.created': 'Experience created',
  'experience.updated': 'Experience updated',
  'experience.deleted': 'Experience deleted',
  'setup.demo_reset': 'Demo reset',
};

const FIELD_LABELS: Readonly<Record<string, string>> = {
  firstName: 'first name',
  lastName: 'last name',
  expiresAt: 'expires',
  expiresInDays: 'expires in days',
  passwordGenerated: 'password generated',
  tokensRevoked: 'sessions ended',
};

function label(key: string): string {
  return FIELD_LABELS[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `details` as lines a person reads: `role: user → admin` for what changed (`{before, after}`),
 * `role: admin` for what was created or deleted, `key: value` for anything else.
 */
export function describeDetails(details: Record<string, unknown> | null | undefined): string[] {
  if (!isRecord(details)) return [];
  const { before, after, ...rest } = details;
  const lines: string[] = [];
  const was = isRecord(before) ? before : {};
  const now = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(was), ...Object.keys(now)])];
  for (const key of keys) {
    if (key in was && key in now) lines.push(`${label(key)}: ${show(was[key])} → ${show(now[key])}`);
    else if (key in now) lines.push(`${label(key)}: ${show(now[key])}`);
    else lines.push(`${label(key)} was ${show(was[key])}`);
  }
  for (const [key, value] of Object.entries(rest)) lines.push(`${label(key)}: ${show(value)}`);
  return lines;
}
