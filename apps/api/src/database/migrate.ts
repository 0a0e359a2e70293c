import type { MikroORM } from '@mikro-orm/postgresql';

/** Fixed key of the advisory lock that lets one process at a time migrate. */
const MIGRATION_LOCK_KEY = 774_211_001;

/**
 * Applies pending migrations in one transaction. Several replicas may start at once: the
 * transaction-scoped advisory lock makes the others wait, then find nothing left to do.
 * Returns the names of the migrations applied.
 */
export async function runMigrations(orm: MikroORM): Promise<string[]> {
  const connection = orm.em.getConnection();
  return connection.transactional(async (trx) => {
    await connection.execute('select pg_advisory_xact_lock(?)', [MIGRATION_LOCK_KEY], 'all', trx);
    const applied = await orm.migrator.up({ transaction: trx });
    return applied.map((m) => m.name);
  });
}
