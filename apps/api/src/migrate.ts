import { MikroORM } from '@mikro-orm/postgresql';
import { describeFailure } from './common/safe-error';
import { ConfigError, loadAppConfig } from './config/app-config';
import { openDatabase } from './database/database-connection';
import { runMigrations } from './database/migrate';
import { createOrmConfig } from './database/mikro-orm.config';

/** `npm run db:migrate`: applies pending migrations to DATABASE_URL or the embedded database. */
async function main(): Promise<void> {
  const config = loadAppConfig(process.env);
  const database = await openDatabase(config);
  try {
    const orm = await MikroORM.init(createOrmConfig({ clientUrl: database.url, poolMax: 2 }));
    try {
      const applied = await runMigrations(orm);
      process.stdout.write(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}\n` : 'No pending migrations\n');
    } finally {
      await orm.close();
    }
  } finally {
    await database.close();
  }
}

main().catch((e: unknown) => {
  const message = e instanceof ConfigError ? e.message : `migration failed: ${describeFailure(e)}`;
  process.stderr.write(`interakt-migrate: ${message}\n`);
  process.exit(1);
});
