/** Every action the audit log records (SPEC §4 Audit). */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.password_changed',
  'user.created',
  'user.updated',
  'user.role_changed',
  'user.deactivated',
  'user.activated',
  'user.password_reset',
  'user.deleted',
  'token.created',
  'token.revoked',
  'provider.created',
  'provider.updated',
  'provider.deleted',
  'experience.created',
  'experience.updated',
  'experience.deleted',
  'setup.demo_reset',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTOR_TYPES = ['user', 'token', 'system'] as const;
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number];

/** Who did it, as they were at the time (a snapshot: it survives deleting the actor). */
export interface AuditActorDto {
  type: AuditActorType;
  /** The user's or token's id; null for the system (first start, recovery CLI). */
  id: string | null;
  email: string | null;
  name: string | null;
}

/** What it was done to, as it was at the time. */
export interface AuditTargetDto {
  type: string;
  id: string | null;
  label: string | null;
}

/** One event of the audit log. `details` holds what changed, `{before, after}`, never a secret. */
export interface AuditEventDto {
  id: string;
  at: string;
  action: AuditAction;
  actor: AuditActorDto;
  target: AuditTargetDto | null;
  details: Record<string, unknown>;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditListQuery {
  actorId?: string;
  targetId?: string;
  action?: AuditAction;
  /** ISO 8601; inclusive. */
  from?: string;
  /** ISO 8601; exclusive. */
  to?: string;
  page?: number;
  pageSize?: number;
}
