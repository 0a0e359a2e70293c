import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findFreePort } from '../src/database/embedded-postgres';
import { MIGRATIONS } from '../src/database/migrations';
import { BASE_ENV, MAIN, waitForLine } from './api-process';
import { createTestDatabase } from './test-database';

function runToExit(env: Record<string, string>): { status: number | null; stderr: string; stdout: string } {
  const res = spawnSync(process.execPath, [MAIN], { env: { ...BASE_ENV, ...env }, encoding: 'utf8', timeout: 60_000 });
  return { status: res.status, stderr: res.stderr, stdout: res.stdout };
}

describe('starting the built API (dist/apps/api/main.js)', () => {
  beforeAll(() => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npx nx build api" (the api:test target does)`);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be an integer from 0 to 65535'],
    [{ DATABASE_URL: 'nonsense' }, 'DATABASE_URL must be a postgres:// or postgresql:// URL'],
    [
      { NODE_ENV: 'production', DATABASE_URL: 'postgres://u@127.0.0.1:1/x', ENCRYPTION_KEY: 'ab'.repeat(32) },
      'JWT_SECRET is required when NODE_ENV=production',
    ],
    [
      { NODE_ENV: 'production', JWT_SECRET: 's'.repeat(40), ENCRYPTION_KEY: 'ab'.repeat(32) },
      'DATABASE_URL is required when NODE_ENV=production',
    ],
  ])('refuses %j with one line and exit code 1', (env, message) => {
    const sut = runToExit(env as Record<string, string>);
    expect(sut.status).toBe(1);
    expect(sut.stderr).toBe(
      `interakt-api: Invalid configuration: ${message}${message.startsWith('DATABASE_URL is required') ? ' (the embedded database is for development and demos only)' : ''}\n`,
    );
    expect(sut.stdout).toBe('');
  });

  it('stops with one line when the database cannot be reached', () => {
    const port = 1; // nothing listens on port 1
    const sut = runToExit({ DATABASE_URL: `postgres://interakt:topsecret@127.0.0.1:${port}/interakt` });
    expect(sut.status).toBe(1);
    const lines = sut.stderr.trim().split('\n');
    expect(lines[lines.length - 1]).toBe('interakt-api: start failed: cannot reach the database (ECONNREFUSED)');
    expect(sut.stderr + sut.stdout).not.toContain('topsecret');
    expect(sut.stderr).not.toMatch(/^\s+at /m);
  });

  it('stops with one line naming ADMIN_PASSWORD when the first admin would get a weak password', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'interakt-weak-'));
    await chmod(dir, 0o755);
    try {
      const sut = runToExit({ DATA_DIR: dir, PORT: String(await findFreePort()), ADMIN_PASSWORD: 'too short' });
      expect(sut.status).toBe(1);
      const lines = sut.stderr.trim().split('\n');
      expect(lines[lines.length - 1]).toBe(
        'interakt-api: start failed: Invalid configuration: ADMIN_PASSWORD: Password must be at least 15 characters long',
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('migrate.js (npm run db:migrate) applies the migrations once, then finds none pending', async () => {
    const db = await createTestDatabase();
    try {
      const migrate = (env: Record<string, string>) =>
        spawnSync(process.execPath, [resolve(__dirname, '../../../dist/apps/api/migrate.js')], {
          env: { ...BASE_ENV, ...env },
          encoding: 'utf8',
          timeout: 30_000,
        });
      const first = migrate({ DATABASE_URL: db.url });
      expect(first.status).toBe(0);
      // MikroORM's progress lines ("[migrator] Applied …"), then the summary.
      const lines = first.stdout.trim().split('\n');
      expect(lines.filter((l) => l.startsWith('[migrator] Applied'))).toEqual(MIGRATIONS.map((m) => `[migrator] Applied '${m.name}'`));
      expect(lines[lines.length - 1]).toBe(`Applied ${MIGRATIONS.length} migration(s): ${MIGRATIONS.map((m) => m.name).join(', ')}`);
      const second = migrate({ DATABASE_URL: db.url });
      expect(second.stdout).toBe('No pending migrations\n');
      const refused = migrate({ DATABASE_URL: 'postgres://u:topsecret@127.0.0.1:1/x' });
      expect(refused.status).toBe(1);
      expect(refused.stderr).toBe('interakt-migrate: migration failed: cannot reach the database (ECONNREFUSED)\n');
    } finally {
      await db.drop();
    }
  });

  describe('on the embedded PostgreSQL', () => {
    let dataDir: string;

    beforeAll(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'interakt-start-'));
      await chmod(dataDir, 0o755);
    });

    afterAll(async () => {
      await rm(dataDir, { recursive: true, force: true });
    });

    async function startAndStop(): Promise<{ startupMs: number }> {
      const port = await findFreePort();
      const started = Date.now();
      const child = spawn(process.execPath, [MAIN], {
        env: { ...BASE_ENV, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' },
      });
      try {
        const line = await waitForLine(child, /is listening on/, 30_000);
        const startupMs = Date.now() - started;
        expect(JSON.parse(line)).toMatchObject({
          level: 30,
          context: 'Bootstrap',
          msg: `Interakt Admin is listening on http://127.0.0.1:${port} (API under /api)`,
        });
        const health = await fetch(`http://127.0.0.1:${port}/api/health`);
        expect(health.status).toBe(200);
        expect(await health.json()).toEqual({ status: 'ok', db: 'up' });

        const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
        child.kill('SIGTERM');
        expect(await exited).toBe(0);
        // The embedded server went down with the API.
        const postgres = spawnSync('pgrep', ['-f', `postgres -D ${join(dataDir, 'postgres')}`], { encoding: 'utf8' });
        expect(postgres.stdout.trim()).toBe('');
        return { startupMs };
      } finally {
        child.kill('SIGKILL');
      }
    }

    it('starts (first run: initdb and migrations), serves health, and shuts down cleanly on SIGTERM', async () => {
      const { startupMs } = await startAndStop();
      expect(existsSync(join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);
      expect(startupMs).toBeLessThan(30_000);
    });

    it('starts again on the kept data', async () => {
      await startAndStop();
    });
  });
});
