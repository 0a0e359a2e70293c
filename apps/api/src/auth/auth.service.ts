import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { HttpStatus, Injectable } from '@nestjs/common';
import type { LoginResponse, MeResponse } from '@interakt/shared/api-contracts';
import { permissionsFor } from '@interakt/shared/auth-model';
import { ApiException } from '../common/api-exception';
import { toUserDto } from '../users/user.dto';
import { User } from '../users/user.entity';
import { LoginThrottleService } from './login-throttle.service';
import { LoginTokenService } from './login-token.service';
import { PasswordHasher } from './passwords/password-hasher.service';
import { PasswordPolicy } from './passwords/password-policy.service';
import type { UserPrincipal } from './principal';

const INVALID_CREDENTIALS = () => new ApiException('INVALID_CREDENTIALS', HttpStatus.UNAUTHORIZED, 'Invalid email or password');

@Injectable()
export class AuthService {
  constructor(
    private readonly em: EntityManager,
    private readonly hasher: PasswordHasher,
    private readonly policy: PasswordPolicy,
    private readonly throttle: LoginThrottleService,
    private readonly tokens: LoginTokenService,
  ) {}

  /**
   * Checks a login (SPEC §4): the same 401 for an unknown email and a wrong password, each paying
   * one bcrypt compare; 403 ACCOUNT_INACTIVE only with the right password; throttled per email
   * and per client address before any compare.
   */
  async validateLogin(email: string, password: string, ip: string | undefined): Promise<User> {
    const normalised = email.trim().toLowerCase();
    await this.throttle.registerAttempt(normalised, ip);
    const user = await this.em.fork().getRepository(User).findByEmail(normalised);
    const ok = user ? await this.hasher.verify(password, user.passwordHash) : await this.hasher.verifyAgainstNothing(password);
    if (!user || !ok) throw INVALID_CREDENTIALS();
    if (user.status !== 'active') {
      throw new ApiException('ACCOUNT_INACTIVE', HttpStatus.FORBIDDEN, 'This account is deactivated; ask an admin to activate it');
    }
    await this.throttle.registerSuccess(normalised, ip);
    return user;
  }

  /** A login token for a user who just proved their password; records the login time. */
  async login(user: User): Promise<LoginResponse> {
    const now = new Date();
    await this.em.fork().nativeUpdate(User, { id: user.id }, { lastLoginAt: now });
    user.lastLoginAt = now;
    return this.tokens.issue(user);
  }

  async me(principal: UserPrincipal): Promise<MeResponse> {
    const user = await this.em.fork().findOne(User, principal.id);
    if (!user) throw new ApiException('UNAUTHENTICATED', HttpStatus.UNAUTHORIZED, 'The account no longer exists');
    return { user: toUserDto(user), permissions: [...permissionsFor(user.role)] };
  }

  logout(principal: UserPrincipal): Promise<void> {
    return this.tokens.revoke(principal);
  }

  /** Needs the current password; every older token of the user stops working; returns a fresh one. */
  async changePassword(principal: UserPrincipal, currentPassword: string, newPassword: string): Promise<LoginResponse> {
    const user = await this.em.fork().transactional(async (em) => {
      const found = await em.findOne(User, principal.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!found) throw new ApiException('UNAUTHENTICATED', HttpStatus.UNAUTHORIZED, 'The account no longer exists');
      if (!(await this.hasher.verify(currentPassword, found.passwordHash))) {
        throw new ApiException('INVALID_CURRENT_PASSWORD', HttpStatus.BAD_REQUEST, 'The current password is not correct');
      }
      this.policy.assertAcceptable(newPassword, found);
      found.passwordHash = await this.hasher.hash(newPassword);
      found.tokenVersion += 1;
      return found;
    });
    return this.tokens.issue(user);
  }
}
