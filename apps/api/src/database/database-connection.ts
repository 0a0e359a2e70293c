import type { AppConfig } from '../config/app-config';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface DatabaseConnection {
  url: string;
  embedded: boolean;
  /** Stops the embedded server, if this process started one. */
  close(): Promise<void>;
}

/**
 * The one place that decides which PostgreSQL the process talks to: `DATABASE_URL`, or else
 * the embedded server under `DATA_DIR` (refused in production by the config already).
 */
export async function openDatabase(config: AppConfig, onLog?: (message: string) => void): Promise<DatabaseConnection> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, embedded: false, close: async () => undefined };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, database: 'interakt', onLog });
  return { url: embedded.url, embedded: true, close: () => embedded.stop() };
}
