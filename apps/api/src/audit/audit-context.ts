import type { AuditActorDto } from '@interakt/shared/api-contracts';
import type { Principal } from '../auth/principal';

/**
 * Who is acting and from where, handed from the controller to the service that writes the
 * change and its audit event in one transaction.
 */
export interface AuditContext {
  actor: AuditActorDto;
  ip: string | null;
  userAgent: string | null;
}

/** Actions without a caller: the first start and the recovery CLI. */
export const systemContext = (name: string): AuditContext => ({
  actor: { type: 'system', id: null, email: null, name },
  ip: null,
  userAgent: null,
});

export function auditActorOf(principal: Principal): AuditActorDto {
  return principal.type === 'user'
    ? { type: 'user', id: principal.id, email: principal.email, name: principal.name }
    : { type: 'token', id: principal.id, email: null, name: principal.name };
}

/** True when the context's actor is the user with this id (the self-protection rules). */
export const isSelf = (ctx: AuditContext, userId: string): boolean => ctx.actor.type === 'user' && ctx.actor.id === userId;
