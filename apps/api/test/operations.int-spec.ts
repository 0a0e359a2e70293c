import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { findFreePort, startEmbeddedPostgres, type EmbeddedDatabase } from '../src/database/embedded-postgres';
import { type ApiProcess, callApi as call, MAIN, startApiProcess } from './api-process';
import { createTestDatabase, type TestDatabase } from './test-database';

const ADMIN = { email: 'ops.admin@example.com', password: 'operations admin passphrase' };

/** Opens one new TCP connection (no pooled keep-alive socket, unlike fetch) and says whether the server took it. */
function connectOnce(url: string): Promise<{ outcome: 'accepted' | 'refused'; code?: string; at: number }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve({ outcome: 'accepted', at: Date.now() });
    });
    socket.once('error', (e: NodeJS.ErrnoException) => resolve({ outcome: 'refused', code: e.code, at: Date.now() }));
  });
}

describe('operations of the built API process', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npx nx build api" (the api:test target does)`);
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db.drop();
  });

  const env = (extra: Record<string, string> = {}) => ({
    DATABASE_URL: db.url,
    JWT_SECRET: 'operations-test-secret-of-at-least-32-chars',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    BCRYPT_COST: '4',
    ...extra,
  });

  /** The JSON lines a process wrote. */
  const jsonLines = (output: string) =>
    output
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);

  /** Deletes a new user through a trigger that raises, so the API answers 500 (an unexpected error). */
  async function deleteThatFails(api: ApiProcess, token: string, requestId: string) {
    const doomed = await call(api, '/api/users', {
      token,
      body: { firstName: 'Doomed', lastName: 'Delete', email: `doomed.${requestId}@example.com`, role: 'user', generatePassword: true },
    });
    expect(doomed.status).toBe(201);
    await db.query(`create function fail_on_purpose() returns trigger language plpgsql as $$
      begin raise exception 'forced failure'; end; $$`);
    await db.query(`create trigger fail_on_purpose before delete on users
      for each row when (old.email like 'doomed%') execute function fail_on_purpose()`);
    try {
      return await call(api, `/api/users/${(doomed.body['user'] as { id: string }).id}`, {
        method: 'DELETE',
        token,
        headers: { 'x-request-id': requestId },
      });
    } finally {
      await db.query('drop trigger if exists fail_on_purpose on users');
      await db.query('drop function if exists fail_on_purpose()');
    }
  }

  it('finishes an in-flight request on SIGTERM, refuses new connections meanwhile, then exits 0', async () => {
    // bcrypt at cost 14 makes one login take about a second: long enough to signal in the middle.
    const api = await startApiProcess(env({ BCRYPT_COST: '14' }));
    try {
      const sentAt = Date.now();
      const inFlight = call(api, '/api/auth/login', { body: { email: 'nobody@example.com', password: 'whatever it is typed here' } }).then(
        (res) => ({ res, at: Date.now() }),
      );
      await new Promise((r) => setTimeout(r, 250));
      const signalledAt = Date.now();
      const exited = api.stop('SIGTERM');
      // New TCP connections after the signal, while the login is still running: once the process has
      // handled the signal (a few ms), the listener is closed and they are refused.
      let late = await connectOnce(api.url);
      for (let i = 0; i < 20 && late.outcome === 'accepted'; i++) {
        await new Promise((r) => setTimeout(r, 25));
        late = await connectOnce(api.url);
      }
      const stillRunning = api.child.exitCode === null && api.child.signalCode === null;

      const { res, at } = await inFlight;
      expect(res.status).toBe(401);
      expect(res.body['code']).toBe('INVALID_CREDENTIALS');
      // Sent before the signal, answered after it: it was in flight when SIGTERM came, and drained.
      expect(sentAt).toBeLessThan(signalledAt);
      expect(at).toBeGreaterThan(signalledAt);
      expect(late).toEqual({ outcome: 'refused', code: 'ECONNREFUSED', at: expect.any(Number) });
      expect(late.at).toBeLessThan(at);
      expect(stillRunning).toBe(true);
      expect(await exited).toBe(0);
      await expect(fetch(`${api.url}/api/health`)).rejects.toThrow();
    } finally {
      await api.stop('SIGKILL');
    }
  }, 60_000);

  it('logs one JSON line per request with id, caller, route, status and duration, and never a secret', async () => {
    const api = await startApiProcess(env({ LOG_LEVEL: 'info' }));
    const secrets: string[] = [ADMIN.password];
    try {
      const login = await call(api, '/api/auth/login', { body: ADMIN, headers: { 'x-request-id': 'trace-login-1' } });
      expect(login.status).toBe(200);
      const token = login.body['accessToken'] as string;
      const adminId = (login.body['user'] as { id: string }).id;
      secrets.push(token);
      const typed = 'a typed password for the log test';
      secrets.push(typed);
      const created = await call(api, '/api/users', {
        token,
        body: { firstName: 'Log', lastName: 'Reader', email: 'log.reader@example.com', role: 'user', password: typed },
      });
      expect(created.status).toBe(201);
      const userId = (created.body['user'] as { id: string }).id;
      const generated = await call(api, `/api/users/${userId}/password`, { token, body: { generatePassword: true } });
      secrets.push(generated.body['generatedPassword'] as string);
      const bot = await call(api, '/api/access-tokens', { token, body: { name: 'log bot', role: 'admin' } });
      const secret = bot.body['token'] as string;
      const botId = (bot.body['accessToken'] as { id: string }).id;
      secrets.push(secret);
      expect((await call(api, '/api/users?search=reader', { token: secret })).status).toBe(200);
      await call(api, '/api/auth/login', { body: { email: ADMIN.email, password: 'a wrong password typed here' } });
      secrets.push('a wrong password typed here');
      await call(api, `/api/users?access_token=${secret}`);
      const providerKey = 'sk-plain-logtest-0123456789abcdefghijklmnop';
      secrets.push(providerKey);
      const provider = await call(api, '/api/providers', { token, body: { name: 'Log test AI', kind: 'openai', apiKey: providerKey } });
      expect(provider.status).toBe(201);
      await new Promise((r) => setTimeout(r, 200));

      const output = api.output();
      for (const value of secrets) expect(output).not.toContain(value);
      expect(output).not.toMatch(/\$2[aby]\$\d\d\$/);
      expect(output).not.toMatch(/authorization/i);

      const lines = jsonLines(output);
      const requests = lines.filter((l) => l['req'] && l['res']);
      const loginLine = requests.find((l) => (l['req'] as { id: string }).id === 'trace-login-1');
      expect(loginLine).toMatchObject({
        req: { id: 'trace-login-1', method: 'POST', url: '/api/auth/login' },
        res: { statusCode: 200 },
        route: '/api/auth/login',
        responseTime: expect.any(Number),
      });
      const search = requests.find((l) => (l['req'] as { method: string }).method === 'GET' && l['route'] === '/api/users');
      expect(search).toMatchObject({
        principal: { type: 'token', id: botId },
        route: '/api/users',
        res: { statusCode: 200 },
        responseTime: expect.any(Number),
      });
      const reset = requests.find((l) => l['route'] === '/api/users/:id/password');
      // The caller is the signed-in admin, by id, not only by kind.
      expect(reset).toMatchObject({
        principal: { type: 'user', id: adminId },
        route: '/api/users/:id/password',
        res: { statusCode: 200 },
        responseTime: expect.any(Number),
      });
      expect((reset?.['req'] as { url: string }).url).toBe(`/api/users/${userId}/password`);
      // Before sign-in there is no caller.
      expect(loginLine?.['principal']).toBeUndefined();
    } finally {
      await api.stop();
    }
  }, 60_000);

  it('at info writes a 5xx answer as an error line naming its request, and no line for health checks', async () => {
    const api = await startApiProcess(env({ LOG_LEVEL: 'info' }));
    try {
      const token = (await call(api, '/api/auth/login', { body: ADMIN })).body['accessToken'] as string;
      expect((await call(api, '/api/health', { headers: { 'x-request-id': 'trace-info-health' } })).status).toBe(200);
      const failed = await deleteThatFails(api, token, 'trace-info-500');
      expect(failed.status).toBe(500);
      await new Promise((r) => setTimeout(r, 200));

      const lines = jsonLines(api.output());
      const requestLines = lines.filter((l) => l['req'] && l['res']);
      expect(requestLines.find((l) => (l['req'] as { id: string }).id === 'trace-info-500')).toMatchObject({
        level: 50,
        msg: 'request errored',
        route: '/api/users/:id',
        res: { statusCode: 500 },
        responseTime: expect.any(Number),
      });
      expect(requestLines.find((l) => (l['req'] as { id: string }).id === 'trace-info-health')).toBeUndefined();
      expect(requestLines.filter((l) => l['msg'] === 'request completed').length).toBeGreaterThanOrEqual(2);
      expect(api.output()).not.toContain('forced failure');
    } finally {
      await api.stop();
    }
  }, 60_000);

  it('at info writes a request whose client gave up before the answer as "request aborted"', async () => {
    // bcrypt at cost 14 keeps the login busy for about a second: the client leaves in the middle.
    const api = await startApiProcess(env({ BCRYPT_COST: '14' }));
    try {
      const client = new AbortController();
      const login = fetch(`${api.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'trace-aborted' },
        body: JSON.stringify({ email: 'nobody@example.com', password: 'whatever it is typed here' }),
        signal: client.signal,
      });
      await new Promise((r) => setTimeout(r, 250));
      client.abort();
      await expect(login).rejects.toThrow();
      await new Promise((r) => setTimeout(r, 300));

      const lines = jsonLines(api.output());
      expect(lines.filter((l) => (l['req'] as { id?: string } | undefined)?.id === 'trace-aborted')).toEqual([
        expect.objectContaining({ level: 50, msg: 'request aborted', route: '/api/auth/login', responseTime: expect.any(Number) }),
      ]);
    } finally {
      await api.stop('SIGKILL');
    }
  }, 60_000);

  it('above info writes no request line, yet still gives each answer its id and names it in an unexpected error’s line', async () => {
    const api = await startApiProcess(env({ LOG_LEVEL: 'warn' }));
    try {
      const login = await call(api, '/api/auth/login', { body: ADMIN, headers: { 'x-request-id': 'trace-warn-login' } });
      expect([login.status, login.headers.get('x-request-id')]).toEqual([200, 'trace-warn-login']);
      const token = login.body['accessToken'] as string;
      const me = await call(api, '/api/auth/me', { token });
      expect(me.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      const failed = await deleteThatFails(api, token, 'trace-warn-500');
      expect([failed.status, failed.body['code'], failed.headers.get('x-request-id')]).toEqual([500, 'INTERNAL_ERROR', 'trace-warn-500']);
      await new Promise((r) => setTimeout(r, 200));

      const output = api.output();
      expect(output).not.toContain('forced failure');
      const lines = jsonLines(output);
      expect(lines.filter((l) => l['res'] || l['responseTime'] !== undefined)).toEqual([]);
      expect(lines.filter((l) => l['msg'] === 'Unexpected error')).toEqual([
        expect.objectContaining({ level: 50, requestId: 'trace-warn-500', err: { type: 'DriverException' } }),
      ]);
    } finally {
      await api.stop();
    }
  }, 60_000);
});

describe('the API across a PostgreSQL restart', () => {
  let dataDir: string;
  let port: number;
  let database: EmbeddedDatabase | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'interakt-restart-'));
    await chmod(dataDir, 0o755);
    port = await findFreePort();
  });

  afterAll(async () => {
    await database?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const startDatabase = () => startEmbeddedPostgres({ dataDir, database: 'interakt', port });

  it('answers 503 on health while the database is down, recovers by itself, and loses no committed write', async () => {
    database = await startDatabase();
    const api = await startApiProcess({
      DATABASE_URL: database.url,
      JWT_SECRET: 'restart-test-secret-of-at-least-32-characters',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      BCRYPT_COST: '4',
      LOG_LEVEL: 'warn',
    });
    try {
      const token = (await call(api, '/api/auth/login', { body: ADMIN })).body['accessToken'] as string;
      // Light load: one user created every 50 ms, remembering what the API said it committed.
      const committed: string[] = [];
      const failed: number[] = [];
      let running = true;
      const load = (async () => {
        for (let i = 0; running; i++) {
          const email = `load-${i}@example.com`;
          const res = await call(api, '/api/users', {
            token,
            body: { firstName: 'Load', lastName: `No ${i}`, email, role: 'user', generatePassword: true },
          }).catch(() => ({ status: 0 }));
          if (res.status === 201) committed.push(email);
          else failed.push(res.status);
          await new Promise((r) => setTimeout(r, 50));
        }
      })();
      await new Promise((r) => setTimeout(r, 500));

      await database.stop();
      const down = await call(api, '/api/health');
      expect([down.status, down.body]).toEqual([503, { status: 'error', db: 'down' }]);
      await new Promise((r) => setTimeout(r, 500));

      database = await startDatabase();
      let healthy = false;
      for (let i = 0; i < 100 && !healthy; i++) {
        healthy = (await call(api, '/api/health')).status === 200;
        if (!healthy) await new Promise((r) => setTimeout(r, 100));
      }
      expect(healthy).toBe(true);
      await new Promise((r) => setTimeout(r, 500));
      running = false;
      await load;

      // Requests during the outage failed cleanly (5xx, no hang), and the API served again after.
      expect(failed.length).toBeGreaterThan(0);
      expect(failed.every((s) => s >= 500)).toBe(true);
      const after = await call(api, '/api/users/stats', { token });
      expect(after.status).toBe(200);
      const client = new Client({ connectionString: database.url });
      await client.connect();
      try {
        const rows = await client.query<{ email: string }>(`select email from users where email like 'load-%'`);
        const stored = new Set(rows.rows.map((r) => r.email));
        expect(committed.filter((e) => !stored.has(e))).toEqual([]);
        expect(committed.length).toBeGreaterThan(5);
      } finally {
        await client.end();
      }
      expect(api.child.exitCode).toBeNull();
    } finally {
      await api.stop();
    }
  }, 120_000);
});
