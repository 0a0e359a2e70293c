import { type CanActivate, type ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiException } from '../../common/api-exception';
import { IS_PUBLIC } from '../decorators/public.decorator';
import { LoginTokenService } from '../login-token.service';
import type { AuthenticatedRequest } from '../principal';

/** Global: every route needs a valid bearer token unless it is marked @Public(). */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: LoginTokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = req.headers['authorization'];
    const match = typeof header === 'string' ? /^Bearer ([^\s]+)$/i.exec(header.trim()) : null;
    if (!match) throw new ApiException('UNAUTHENTICATED', HttpStatus.UNAUTHORIZED, 'Sign in first: send Authorization: Bearer <token>');
    const principal = await this.tokens.authenticate(match[1]);
    if (!principal)
      throw new ApiException('UNAUTHENTICATED', HttpStatus.UNAUTHORIZED, 'The token is invalid, expired or revoked; sign in again');
    req.principal = principal;
    return true;
  }
}
