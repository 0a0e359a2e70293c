import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

const ROOT = resolve(__dirname, '../../../..');
/** The production builds, as `npm start` and the container run them (the test target builds both first). */
export const API_MAIN = join(ROOT, 'dist/apps/api/main.js');
export const ADMIN_BROWSER_DIR = join(ROOT, 'dist/apps/admin/browser');

export interface ApiServer {
  baseUrl: string;
  /** Where the data lives, for the log line: "PostgreSQL at …" or "embedded PostgreSQL". */
  database: string;
  /** Everything the API printed, for a failure message. */
  output(): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Starts `node dist/apps/api/main.js` on a free loopback port, serving the built admin app at `/`.
 * Database: a fresh database on TEST_DATABASE_URL's server when set (dropped on stop; the name
 * starts with `interakt_t_` so CI's cleanup finds it after a killed run), else the API's embedded
 * PostgreSQL in a temporary DATA_DIR.
 */
export async function startApiServer(env: { adminEmail: string; adminPassword: string }): Promise<ApiServer> {
  for (const file of [API_MAIN, join(ADMIN_BROWSER_DIR, 'index.html')]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run "npx nx run-many -t build -p api admin" (admin-e2e:test does)`);
  }
  const port = await freePort();
  const serverUrl = process.env['TEST_DATABASE_URL'];
  let cleanup: () => Promise<void>;
  let database: Record<string, string>;
  let described: string;
  if (serverUrl) {
    const name = `interakt_t_e2e_${process.pid}_${randomBytes(4).toString('hex')}`;
    await onServer(serverUrl, `create database "${name}"`);
    database = { DATABASE_URL: withDatabase(serverUrl, name) };
    described = `PostgreSQL database ${name} on TEST_DATABASE_URL`;
    cleanup = () => onServer(serverUrl, `drop database if exists "${name}" with (force)`);
  } else {
    const dataDir = await mkdtemp(join(tmpdir(), 'interakt-e2e-'));
    // The embedded cluster runs as the postgres system user when the tests run as root.
    await chmod(dataDir, 0o755);
    database = { DATA_DIR: dataDir };
    described = `embedded PostgreSQL in ${dataDir}`;
    cleanup = () => rm(dataDir, { recursive: true, force: true });
  }

  let output = '';
  const child: ChildProcess = spawn(process.execPath, [API_MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '/tmp',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      ADMIN_EMAIL: env.adminEmail,
      ADMIN_PASSWORD: env.adminPassword,
      BCRYPT_COST: '4',
      JWT_SECRET: randomBytes(32).toString('hex'),
      // Request lines too: the last test reads the whole log for secrets.
      LOG_LEVEL: 'info',
      ...database,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));

  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await cleanup();
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      await cleanup();
      throw new Error(`the API exited with ${child.exitCode} before it was healthy:\n${output}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the API did not become healthy within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { baseUrl, database: described, output: () => output, stop };
}
