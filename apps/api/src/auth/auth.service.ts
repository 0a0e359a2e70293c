import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { HttpStatus, Injectable } from '@nestjs/common';
import type { LoginResponse, MeResponse } from '@interakt/shared/api-contracts';
import { permissionsFor } from '@interakt/shared/auth-model';
import { ApiException } from '../common/api-exception';
import type { AuditContext } from '../audit/audit-context';
import { AuditService } from '../audit/audit.service';
import { readPrepared } from '../database/prepared-read';
import { userTarget } from '../users/users.service';
import { USER_ROW_COLUMNS, type UserRow, userRowToDto } from '../users/user.dto';
import { User } from '../users/user.entity';
import { LoginThrottleService } from './login-throttle.service';
import { LoginTokenService } from './login-token.service';
import { PasswordHasher } from './passwords/password-hasher.service';
import { PasswordPolicy } from './passwords/password-policy.service';
import type { Principal, UserPrincipal } from './principal';

/** Where a sign-in attempt came from, for the throttle and the audit log. */
export type RequestOrigin = Pick<AuditContext, 'ip' | 'userAgent'>;

/** The routes about one's own account need a signed-in user, not an application access token. */
export function requireUser(principal: Principal, what: string): UserPrincipal {
  if (principal.type === 'user') return principal;
  throw new ApiException('PERMISSION_DENIED', HttpStatus.FORBIDDEN, `Only a signed-in user can ${what}; application access tokens cannot`);
}

const userActor = (user: User): AuditContext['actor'] => ({
  type: 'user',
  id: user.id,
  email: user.email,
  name: `${user.firstName} ${user.lastName}`,
});

const INVALID_CREDENTIALS = () => new ApiException('INVALID_CREDENTIALS', HttpStatus.UNAUTHORIZED, 'Invalid email or password');

@Injectable()
export class AuthService {
  constructor(
    private readonly em: EntityManager,
    private readonly hasher: PasswordHasher,
    private readonly policy: PasswordPolicy,
    private readonly throttle: LoginThrottleService,
    private readonly tokens: LoginTokenService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Checks a login (SPEC §4): the same 401 for an unknown email and a wrong password, each paying
   * one bcrypt compare; 403 ACCOUNT_INACTIVE only with the right password; throttled per email
   * and per client address before any compare.
   */
  async validateLogin(email: string, password: string, origin: RequestOrigin): Promise<User> {
    const normalised = email.trim().toLowerCase();
    const ip = origin.ip ?? undefined;
    await this.throttle.registerAttempt(normalised, ip);
    const user = await this.em.fork().getRepository(User).findByEmail(normalised);
    const ok = user ? await this.hasher.verify(password, user.passwordHash) : await this.hasher.verifyAgainstNothing(password);
    if (!user || !ok) {
      await this.recordFailure(normalised, user, user ? 'wrong_password' : 'unknown_email', origin);
      throw INVALID_CREDENTIALS();
    }
    if (user.status !== 'active') {
      await this.recordFailure(normalised, user, 'account_inactive', origin);
      throw new ApiException('ACCOUNT_INACTIVE', HttpStatus.FORBIDDEN, 'This account is deactivated; ask an admin to activate it');
    }
    await this.throttle.registerSuccess(normalised, ip);
    return user;
  }

  /** A login token for a user who just proved their password; records the login time and the event together. */
  async login(user: User, origin: RequestOrigin): Promise<LoginResponse> {
    const now = new Date();
    await this.em.fork().transactional(async (em) => {
      await em.nativeUpdate(User, { id: user.id }, { lastLoginAt: now });
      await this.audit.record(em, { actor: userActor(user), ...origin }, { action: 'auth.login', target: userTarget(user) });
    });
    user.lastLoginAt = now;
    return this.tokens.issue(user);
  }

  async me(principal: Principal): Promise<MeResponse> {
    requireUser(principal, 'read /api/auth/me');
    // A read: one row straight to the DTO, without hydrating an entity.
    const [row] = await readPrepared<UserRow>(this.em, `select ${USER_ROW_COLUMNS} from users where id = ?`, [principal.id]);
    if (!row) throw new ApiException('UNAUTHENTICATED', HttpStatus.UNAUTHORIZED, 'The account no longer exists');
    return { user: userRowToDto(row), permissions: [...permissionsFor(row.role)] };
  }

  async logout(ctx: AuditContext, principal: Principal): Promise<void> {
    const user = requireUser(principal, 'sign out');
    await this.em.fork().transactional(async (em) => {
      await this.tokens.revoke(em, user);
      await this.audit.record(em, ctx, { action: 'auth.logout', target: { type: 'user', id: user.id, label: user.email } });
    });
  }

  /** Needs the current password; every older token of the user stops working; returns a fresh one. */
  async changePassword(ctx: AuditContext, principal: Principal, currentPassword: string, newPassword: string): Promise<LoginResponse> {
    const self = requireUser(principal, 'change their password');
    const user = await this.em.fork().transactional(async (em) => {
      const found = await em.findOne(User, self.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!found) throw new ApiException('UNAUTHENTICATED', HttpStatus.UNAUTHORIZED, 'The account no longer exists');
      if (!(await this.hasher.verify(currentPassword, found.passwordHash))) {
        throw new ApiException('INVALID_CURRENT_PASSWORD', HttpStatus.BAD_REQUEST, 'The current password is not correct');
      }
      this.policy.assertAcceptable(newPassword, found);
      found.passwordHash = await this.hasher.hash(newPassword);
      found.tokenVersion += 1;
      await em.flush();
      await this.audit.record(em, ctx, { action: 'auth.password_changed', target: userTarget(found), details: { tokensRevoked: true } });
      return found;
    });
    return this.tokens.issue(user);
  }

  /** `auth.login_failed`: the attempted email and why, never the password. */
  private async recordFailure(email: string, user: User | null, reason: string, origin: RequestOrigin): Promise<void> {
    const actor: AuditContext['actor'] = user ? userActor(user) : { type: 'user', id: null, email, name: null };
    await this.audit.record(
      this.em.fork(),
      { actor, ...origin },
      {
        action: 'auth.login_failed',
        target: user ? userTarget(user) : null,
        details: { email, reason },
      },
    );
  }
}
