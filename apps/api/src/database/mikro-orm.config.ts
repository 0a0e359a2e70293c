import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export interface OrmOptions {
  clientUrl: string;
  debug?: boolean;
  poolMax?: number;
  /** Where MikroORM's own messages go (the API passes its Nest logger). */
  logger?: (message: string) => void;
}

/** One MikroORM configuration for the API, the CLI, migrations and tests. */
export function createOrmConfig({ clientUrl, debug = false, poolMax = 10, logger }: OrmOptions): Options {
  return defineConfig({
    clientUrl,
    entities: ENTITIES,
    extensions: [Migrator],
    debug,
    colors: false,
    ...(logger ? { logger } : {}),
    pool: { min: 0, max: poolMax },
    // Tables come from the committed migrations only.
    ensureDatabase: false,
    allowGlobalContext: false,
    // Tables that the code reaches through SQL only (no entity): the migrations own them.
    // Triggers and functions are hand-written in migrations too (user_counts on users): the diff
    // must neither drop nor rewrite them.
    schemaGenerator: {
      skipTables: ['login_throttle', 'revoked_tokens', 'audit_events', 'user_counts'],
      ignoreTriggers: true,
      ignoreRoutines: true,
    },
    migrations: {
      migrationsList: MIGRATIONS,
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      path: 'apps/api/src/database/migrations',
      emit: 'ts',
    },
  });
}
