import { EntityRepository, sql } from '@mikro-orm/postgresql';
import type { User } from './user.entity';

/** Users by the queries the product needs. Email is compared case-insensitively (unique on lower(email)). */
export class UserRepository extends EntityRepository<User> {
  /** Compares lower(email), so the unique index on lower(email) answers it (login's hot path). */
  findByEmail(email: string): Promise<User | null> {
    return this.findOne({ [sql.lower('email')]: email.trim().toLowerCase() });
  }

  countAll(): Promise<number> {
    return this.count();
  }
}

/** Makes `%`, `_` and `\` literal in a LIKE/ILIKE pattern. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
