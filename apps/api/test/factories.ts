import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from '@interakt/shared/auth-model';
import type { UserStatus } from '@interakt/shared/api-contracts';
import { User } from '../src/users/user.entity';

export interface UserOverrides {
  email?: string;
  firstName?: string;
  lastName?: string;
  role?: Role;
  status?: UserStatus;
  passwordHash?: string;
}

/** A persisted user with unique, readable defaults. */
export async function createUser(em: EntityManager, overrides: UserOverrides = {}): Promise<User> {
  const tag = randomUUID().slice(0, 8);
  const user = em.create(User, {
    email: overrides.email ?? `user-${tag}@example.test`,
    firstName: overrides.firstName ?? 'Test',
    lastName: overrides.lastName ?? `User ${tag}`,
    role: overrides.role ?? 'user',
    status: overrides.status ?? 'active',
    // A syntactically real bcrypt hash; tests that log in set their own.
    passwordHash: overrides.passwordHash ?? '$2b$04$C6UzMDM.H6dfI/f/IKcEe.7kPzGgq5mG1cXWgNw9t0dTz/0NmOwG.',
  });
  await em.persist(user).flush();
  return user;
}
