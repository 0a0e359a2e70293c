import { type CanActivate, type ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasPermission, type Permission } from '@interakt/shared/auth-model';
import { ApiException } from '../../common/api-exception';
import { REQUIRED_PERMISSIONS, USER_ONLY } from '../decorators/authenticated.decorator';
import type { AuthenticatedRequest } from '../principal';

/**
 * Global, after authentication: the caller's current role must grant the route's permission, and
 * routes about one's own account refuse application access tokens.
 */
@Injectable()
export class PermissionsGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    if (principal?.type === 'token' && this.reflector.getAllAndOverride<boolean>(USER_ONLY, targets)) {
      throw new ApiException(
        'PERMISSION_DENIED',
        HttpStatus.FORBIDDEN,
        'This route is about a signed-in user’s own account; application access tokens cannot use it',
      );
    }
    const required = this.reflector.getAllAndOverride<Permission[] | undefined>(REQUIRED_PERMISSIONS, targets);
    if (!required?.length) return true;
    const missing = principal ? required.filter((p) => !hasPermission(principal.role, p)) : required;
    if (missing.length) {
      throw new ApiException('PERMISSION_DENIED', HttpStatus.FORBIDDEN, `Missing permission: ${missing.join(', ')}`);
    }
    return true;
  }
}
