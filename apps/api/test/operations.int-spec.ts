import { existsSync } from 'node:fs';
import { MAIN, startApiProcess, type ApiProcess } from './api-process';
import { createTestDatabase, type TestDatabase } from './test-database';

const ADMIN = { email: 'ops.admin@example.com', password: 'operations admin passphrase' };

async function call(
  api: ApiProcess,
  path: string,
  init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const res = await fetch(`${api.url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
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

  it('finishes an in-flight request on SIGTERM, then exits 0 and takes no new connections', async () => {
    // bcrypt at cost 14 makes one login take about a second: long enough to signal in the middle.
    const api = await startApiProcess(env({ BCRYPT_COST: '14' }));
    try {
      const inFlight = call(api, '/api/auth/login', { body: { email: 'nobody@example.com', password: 'whatever it is typed here' } });
      await new Promise((r) => setTimeout(r, 250));
      const exited = api.stop('SIGTERM');
      const res = await inFlight;
      expect(res.status).toBe(401);
      expect(res.body['code']).toBe('INVALID_CREDENTIALS');
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
      secrets.push(secret);
      expect((await call(api, '/api/users?search=reader', { token: secret })).status).toBe(200);
      await call(api, '/api/auth/login', { body: { email: ADMIN.email, password: 'a wrong password typed here' } });
      secrets.push('a wrong password typed here');
      await call(api, `/api/users?access_token=${secret}`);
      await new Promise((r) => setTimeout(r, 200));

      const output = api.output();
      for (const value of secrets) expect(output).not.toContain(value);
      expect(output).not.toMatch(/\$2[aby]\$\d\d\$/);
      expect(output).not.toMatch(/authorization/i);

      const lines = output
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      const requests = lines.filter((l) => l['req'] && l['res']);
      const loginLine = requests.find((l) => (l['req'] as { id: string }).id === 'trace-login-1');
      expect(loginLine).toMatchObject({
        req: { id: 'trace-login-1', method: 'POST', url: '/api/auth/login' },
        res: { statusCode: 200 },
        route: '/api/auth/login',
        responseTime: expect.any(Number),
      });
      const search = requests.find((l) => (l['req'] as { method: string }).method === 'GET' && l['route'] === '/api/users');
      expect(search).toMatchObject({ principal: { type: 'token' }, route: '/api/users', res: { statusCode: 200 } });
      const reset = requests.find((l) => l['route'] === '/api/users/:id/password');
      expect(reset).toMatchObject({ principal: { type: 'user' }, res: { statusCode: 200 } });
      expect((reset?.['req'] as { url: string }).url).toBe(`/api/users/${userId}/password`);
    } finally {
      await api.stop();
    }
  }, 60_000);
});
