import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { redactDatabaseUrl } from '../src/database/database-url';

/**
 * The real PostgreSQL of the test run: TEST_DATABASE_URL when set (CI points it at the
 * machine's PostgreSQL 15), otherwise an embedded PostgreSQL started on a free port in a
 * temporary folder and deleted after the run. Each spec file makes its own database on it.
 */
/**
 * `./data` of the API as jest's cwd (apps/api) resolves it: the default DATA_DIR, where an API
 * started without ENCRYPTION_KEY writes its development key (such a key once got committed from
 * here). No test may create it; global-teardown.ts fails the run if one did.
 */
export const API_DATA_DIR = resolve(__dirname, '..', 'data');

export default async function globalSetup(): Promise<void> {
  (globalThis as { __API_DATA_DIR_EXISTED__?: boolean }).__API_DATA_DIR_EXISTED__ = existsSync(API_DATA_DIR);
  let url = process.env['TEST_DATABASE_URL'];
  if (!url) {
    const dataDir = await mkdtemp(join(tmpdir(), 'interakt-test-pg-'));
    // The cluster folder must be reachable by the postgres system user when run as root.
    const { chmod } = await import('node:fs/promises');
    await chmod(dataDir, 0o755);
    const embedded = await startEmbeddedPostgres({ dataDir, database: 'interakt_test', persistent: false });
    (globalThis as { __EMBEDDED_PG__?: unknown }).__EMBEDDED_PG__ = { embedded, dataDir };
    url = embedded.url;
    process.env['TEST_DATABASE_URL'] = url;
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ server_version: string }>('show server_version');
  await client.end();
  process.stdout.write(`\nIntegration tests on PostgreSQL ${rows[0].server_version} at ${redactDatabaseUrl(url)}\n`);
}
