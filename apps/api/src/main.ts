import { Logger } from '@nestjs/common';
import { ConfigError, loadAppConfig } from './config/app-config';
import { openDatabase, type DatabaseConnection } from './database/database-connection';
import { createApp } from './bootstrap';

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
    fail(`start failed: ${describeStartError(e)}`);
  }
}

/** A short, safe description of why the start failed: the error's kind, no SQL or credentials. */
function describeStartError(e: unknown): string {
  const code = (e as { code?: unknown })?.code;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ETIMEDOUT') {
    return `cannot reach the database (${code})`;
  }
  if (code === '28P01' || code === '28000') return 'the database refused the credentials';
  if (code === '3D000') return 'the database named in DATABASE_URL does not exist';
  if (code === 'EADDRINUSE') return 'the port is already in use';
  if (code === 'EACCES') return 'permission denied (port or data folder)';
  if (e instanceof ConfigError) return e.message;
  if (!(e instanceof Error)) return 'unknown error';
  // First line only; a driver error's SQL (before " - ") and any credentials in a URL are cut out.
  const firstLine = e.message.split('\n')[0].split(' - ').pop() ?? '';
  const safe = firstLine.replace(/\/\/[^@\s/]+@/g, '//***@').slice(0, 200);
  return safe ? `${e.constructor.name}: ${safe}` : e.constructor.name;
}

void main();
