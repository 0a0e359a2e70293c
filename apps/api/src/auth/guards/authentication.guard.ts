import { type CanActivate, type ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiException } from '../../common/api-exception';
import { IS_PUBLIC } from '../decorators/public.decorator';
import { AccessTokensService } from '../../access-tokens/access-tokens.service';
import { TOKEN_PREFIX } from '../../access-tokens/token-secret';
import { LoginTokenService } from '../login-token.service';
import type { AuthenticatedRequest, Principal } from '../principal';

/** Query parameters that would carry a credential in a URL, where logs, proxies and history keep it. */
const CREDENTIAL_PARAMS = new Set(['access_token', 'token', 'api_key', 'apikey', 'bearer']);

function carriesCredential(query: Record<string, unknown> | undefined): boolean {
  return Object.entries(query ?? {}).some(
    ([name, value]) => CREDENTIAL_PARAMS.has(name.toLowerCase()) || (typeof value === 'string' && value.startsWith(TOKEN_PREFIX)),
  );
}

/**
 * Global: every route needs a valid bearer token unless it is marked @Public(): a login JWT or an
 * application access token (`iak_…`). A credential in the query string is refused on every route.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly loginTokens: LoginTokenService,
    private readonly accessTokens: AccessTokensService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (carriesCredential(req.query)) {
      throw new ApiException(
        'UNAUTHENTICATED',
        HttpStatus.UNAUTHORIZED,
        'Tokens are not accepted in the URL (it ends up in logs and history); send Authorization: Bearer <token>',
      );
    }
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const header = req.headers['authorization'];
    const match = typeof header === 'string' ? /^Bearer ([^\s]+)$/i.exec(header.trim()) : null;
    if (!match) throw new ApiException('UNAUTHENTICATED', HttpStatus.UNAUTHORIZED, 'Sign in first: send Authorization: Bearer <token>');
    const token = match[1];
    const principal: Principal | null = token.startsWith(TOKEN_PREFIX)
      ? await this.accessTokens.authenticate(token)
      : await this.loginTokens.authenticate(token);
    if (!principal)
      throw new ApiException('UNAUTHENTICATED', HttpStatus.UNAUTHORIZED, 'The token is invalid, expired or revoked; sign in again');
    req.principal = principal;
    return true;
  }
}
