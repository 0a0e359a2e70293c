import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from '../auth/principal';
import { auditActorOf, type AuditContext } from './audit-context';

const MAX_USER_AGENT = 512;

/** The client address (Express's `req.ip`, which honours TRUST_PROXY) and user agent of a request. */
export function requestOrigin(req: AuthenticatedRequest): Pick<AuditContext, 'ip' | 'userAgent'> {
  const agent = req.headers['user-agent'];
  return { ip: req.ip ?? null, userAgent: typeof agent === 'string' ? agent.slice(0, MAX_USER_AGENT) : null };
}

/** The caller of an authenticated route as an {@link AuditContext}: principal, address, user agent. */
export const Caller = createParamDecorator((_: unknown, ctx: ExecutionContext): AuditContext => {
  const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!req.principal) throw new Error('Caller used on a route without authentication');
  return { actor: auditActorOf(req.principal), ...requestOrigin(req) };
});
