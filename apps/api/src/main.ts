import { Logger } from '@nestjs/common';
import { ConfigError, loadAppConfig } from './config/app-config';
import { openDatabase, type DatabaseConnection } from './database/database-connection';
import { createApp } from './bootstrap';
import { describeFailure, urlPassword } from './common/safe-error';

/** One line on stderr, exit 1: for a start that cannot go on. No stack, no secret. */
function fail(message: string): never {
  process.stderr.write(`interakt-api: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadAppConfig(process.env);
  } catch (e) {
    fail(e instanceof ConfigError ? e.message : 'Invalid configuration');
  }

  let database: DatabaseConnection | undefined;
  try {
    database = await openDatabase(config);
    const app = await createApp({ config, databaseUrl: database.url });
    const logger = new Logger('Bootstrap');
    if (database.embedded) logger.warn(`Using the embedded PostgreSQL under ${config.dataDir} (development and demo only)`);
    if (config.jwt.secretGenerated) logger.warn('JWT_SECRET is not set: using a random secret, so tokens end with this process');

    let closing = false;
    const shutdown = async (signal: string) => {
      if (closing) return;
      closing = true;
      logger.log(`${signal} received: closing the HTTP server and the database`);
      try {
        await app.close();
        await database?.close();
      } finally {
        process.exit(0);
      }
    };
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
    process.once('SIGINT', () => void shutdown('SIGINT'));

    await app.listen(config.port, config.host);
    const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    logger.log(`Interakt Admin is listening on http://${shownHost}:${config.port} (API under /api)`);
  } catch (e) {
    await database?.close().catch(() => undefined);
    fail(`start failed: ${describeFailure(e, urlPassword(config.databaseUrl))}`);
  }
}

void main();
