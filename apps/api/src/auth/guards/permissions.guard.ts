import { type CanActivate, type ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasPermission, type Permission } from '@interakt/shared/auth-model';
import { ApiException } from '../../common/api-exception';
import { REQUIRED_PERMISSIONS } from '../decorators/authenticated.decorator';
import type { AuthenticatedRequest } from '../principal';

/** Global, after authentication: the caller's current role must grant the route's permission. */
@Injectable()
export class PermissionsGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const required = this.reflector.getAllAndOverride<Permission[] | undefined>(REQUIRED_PERMISSIONS, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!required?.length) return true;
    const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    const missing = principal ? required.filter((p) => !hasPermission(principal.role, p)) : required;
    if (missing.length) {
      throw new ApiException('PERMISSION_DENIED', HttpStatus.FORBIDDEN, `Missing permission: ${missing.join(', ')}`);
    }
    return true;
  }
}
