import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { isRole, type Role } from '@interakt/shared/auth-model';
import type { LoginResponse } from '@interakt/shared/api-contracts';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { readPrepared } from '../database/prepared-read';
import { toUserDto } from '../users/user.dto';
import type { User } from '../users/user.entity';
import type { UserPrincipal } from './principal';

interface LoginClaims {
  sub: string;
  /** The user's token version when the token was issued; a bump revokes every older token. */
  ver: number;
  jti: string;
  exp: number;
}

interface PrincipalRow {
  id: string;
  role: string;
  status: string;
  token_version: number;
  email: string;
  first_name: string;
  last_name: string;
  revoked: boolean;
}

/**
 * Login tokens: HS256 JWTs (algorithm, issuer and audience pinned) that carry only the user id,
 * the user's token version and a token id. Each request re-reads the user's current role, status
 * and token version, and whether the token was logged out, in one query, so a role change, a
 * deactivation or a password reset takes effect on the next request on every replica.
 */
@Injectable()
export class LoginTokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(user: User): Promise<LoginResponse> {
    const accessToken = await this.jwt.signAsync({ sub: user.id, ver: user.tokenVersion }, { jwtid: randomUUID() });
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.jwt.ttlSeconds, user: toUserDto(user) };
  }

  /** The principal for a bearer token, or null when the token is not (or no longer) valid. */
  async authenticate(token: string): Promise<UserPrincipal | null> {
    let claims: LoginClaims;
    try {
      claims = await this.jwt.verifyAsync<LoginClaims>(token);
    } catch {
      return null;
    }
    if (typeof claims.sub !== 'string' || typeof claims.jti !== 'string' || typeof claims.ver !== 'number') return null;
    if (!UUID.test(claims.sub) || !UUID.test(claims.jti)) return null;
    const [row] = await readPrepared<PrincipalRow>(
      this.em,
      `select u.id, u.role, u.status, u.token_version, u.email, u.first_name, u.last_name,
              exists (select 1 from revoked_tokens r where r.jti = ?) as revoked
         from users u where u.id = ?`,
      [claims.jti, claims.sub],
    );
    if (!row || row.revoked || row.status !== 'active' || row.token_version !== claims.ver || !isRole(row.role)) return null;
    return {
      type: 'user',
      id: row.id,
      role: row.role as Role,
      email: row.email,
      name: `${row.first_name} ${row.last_name}`,
      tokenId: claims.jti,
      tokenExpiresAt: claims.exp,
    };
  }

  /** Logout: this token stops working at once, everywhere. Expired entries are swept on the way. */
  async revoke(em: EntityManager, principal: UserPrincipal): Promise<void> {
    await em.execute('insert into revoked_tokens (jti, expires_at) values (?, to_timestamp(?)) on conflict do nothing', [
      principal.tokenId,
      principal.tokenExpiresAt,
    ]);
    await em.execute('delete from revoked_tokens where expires_at < now()');
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
