import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, ConfigError, type AppConfig } from '../config/app-config';
import { ApiException } from '../common/api-exception';
import { PasswordPolicy } from '../auth/passwords/password-policy.service';
import { generatePassword, PasswordHasher } from '../auth/passwords/password-hasher.service';
import { systemContext } from '../audit/audit-context';
import { AuditService } from '../audit/audit.service';
import { User } from './user.entity';
import { userTarget } from './users.service';

/** Fixed key of the advisory lock that lets one replica at a time look for the first admin. */
const FIRST_ADMIN_LOCK_KEY = 774_211_002;

/**
 * SPEC §6: the first start on an empty database creates the first admin from ADMIN_EMAIL /
 * ADMIN_PASSWORD, or generates a password and prints it once. Never runs again once any user exists.
 */
@Injectable()
export class FirstAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger('FirstAdmin');

  constructor(
    private readonly em: EntityManager,
    private readonly hasher: PasswordHasher,
    private readonly policy: PasswordPolicy,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureFirstAdmin();
  }

  /** Creates the first admin when no user exists; returns it with the generated password, if any. */
  async ensureFirstAdmin(): Promise<{ user: User; generatedPassword?: string } | null> {
    const { email, password } = this.config.admin;
    const generatedPassword = password ? undefined : generatePassword();
    if (password) this.assertAcceptableAdminPassword(password, email);
    const created = await this.em.fork().transactional(async (em) => {
      await em.execute('select pg_advisory_xact_lock(?)', [FIRST_ADMIN_LOCK_KEY]);
      if ((await em.count(User)) > 0) return null;
      const user = em.create(User, {
        email,
        firstName: 'Admin',
        lastName: 'User',
        role: 'admin',
        status: 'active',
        passwordHash: await this.hasher.hash(password ?? (generatedPassword as string)),
      });
      await em.persist(user).flush();
      await this.audit.record(em, systemContext('first start'), {
        action: 'user.created',
        target: userTarget(user),
        details: {
          after: { firstName: user.firstName, lastName: user.lastName, email, role: 'admin', status: 'active' },
          passwordGenerated: !password,
        },
      });
      return user;
    });
    if (!created) return null;

    this.logger.log(`Created the first admin ${email}`);
    if (generatedPassword) {
      // Shown once, on purpose outside the JSON log stream's fields, so it is easy to find and
      // never repeated: it is not stored anywhere but as a bcrypt hash.
      process.stdout.write(
        `\n  First admin created. Sign in at the dashboard with:\n    email:    ${email}\n    password: ${generatedPassword}\n  This password is shown only once; change it after signing in.\n\n`,
      );
    }
    return { user: created, generatedPassword };
  }

  /** ADMIN_PASSWORD must meet the same policy as any other password: a start with a weak one stops. */
  private assertAcceptableAdminPassword(password: string, email: string): void {
    try {
      this.policy.assertAcceptable(password, { email, firstName: 'Admin', lastName: 'User' });
    } catch (e) {
      if (e instanceof ApiException) throw new ConfigError(`Invalid configuration: ADMIN_PASSWORD: ${String(e.getResponse())}`);
      throw e;
    }
  }
}
