import { existsSync } from 'node:fs';
import * as bcrypt from 'bcrypt';
import { callApi as call, MAIN, startApiProcess, type ApiProcess } from './api-process';
import { GOOD_PASSWORD } from './auth-helpers';
import { createTestDatabase, type TestDatabase } from './test-database';

const HASH = bcrypt.hashSync(GOOD_PASSWORD, 4);

/**
 * Two API processes (two replicas behind a load balancer) on one PostgreSQL: everything that must
 * hold across replicas is decided in the database, never in one process's memory.
 */
describe('two API replicas on one database', () => {
  let db: TestDatabase;
  let one: ApiProcess;
  let two: ApiProcess;
  let adminToken: string;

  async function insertUser(email: string, role: string, status = 'active'): Promise<string> {
    const [row] = await db.query<{ id: string }>(
      `insert into users (id, email, first_name, last_name, role, status, password_hash, token_version, created_at, updated_at)
       values (gen_random_uuid(), $1, 'Replica', 'Tester', $2, $3, $4, 0, now(), now()) returning id`,
      [email, role, status, HASH],
    );
    return row.id;
  }

  async function login(api: ApiProcess, email: string): Promise<string> {
    const res = await call(api, '/api/auth/login', { body: { email, password: GOOD_PASSWORD } });
    if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body['accessToken'] as string;
  }

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npx nx build api" (the api:test target does)`);
    db = await createTestDatabase();
    const env = {
      DATABASE_URL: db.url,
      JWT_SECRET: 'replicas-share-this-secret-of-32-chars-or-more',
      ADMIN_EMAIL: 'replica.admin@example.com',
      ADMIN_PASSWORD: GOOD_PASSWORD,
      BCRYPT_COST: '4',
      LOG_LEVEL: 'warn',
      LOGIN_MAX_FAILURES_PER_EMAIL: '4',
    };
    // Started together: their migrations and first-admin bootstrap race, and the locks sort it out.
    [one, two] = await Promise.all([startApiProcess(env), startApiProcess(env)]);
    adminToken = await login(one, 'replica.admin@example.com');
  }, 120_000);

  afterAll(async () => {
    await Promise.all([one?.stop(), two?.stop()]);
    await db?.drop();
  });

  it('started both on one schema and created exactly one first admin', async () => {
    const admins = await db.query<{ email: string }>(`select email from users where role = 'admin'`);
    expect(admins).toEqual([{ email: 'replica.admin@example.com' }]);
  });

  it.each(['deactivate', 'demote', 'delete'] as const)(
    'two admins removing each other through different replicas (%s, 15 rounds) never leave zero active admins',
    async (action) => {
      const outcomes = new Map<string, number>();
      for (let round = 0; round < 15; round++) {
        // Only the two racers are active admins.
        await db.query(`update users set status = 'inactive', token_version = token_version + 1 where role = 'admin'`);
        const a = await insertUser(`a-${action}-${round}@example.com`, 'admin');
        const b = await insertUser(`b-${action}-${round}@example.com`, 'admin');
        const [tokenA, tokenB] = await Promise.all([
          login(one, `a-${action}-${round}@example.com`),
          login(two, `b-${action}-${round}@example.com`),
        ]);
        const remove = (api: ApiProcess, token: string, id: string) =>
          action === 'deactivate'
            ? call(api, `/api/users/${id}/deactivate`, { token, method: 'POST' })
            : action === 'demote'
              ? call(api, `/api/users/${id}`, { token, method: 'PATCH', body: { role: 'user' } })
              : call(api, `/api/users/${id}`, { token, method: 'DELETE' });
        const results = await Promise.all([remove(one, tokenA, b), remove(two, tokenB, a)]);
        const statuses = results.map((r) => r.status).sort();
        outcomes.set(statuses.join(','), (outcomes.get(statuses.join(',')) ?? 0) + 1);
        const [{ n }] = await db.query<{ n: number }>(`select count(*)::int as n from users where role = 'admin' and status = 'active'`);
        expect([round, n]).toEqual([round, 1]);
        // One wins; the other is refused with LAST_ADMIN, or, when the winner's change reached its
        // account before its request was authorised, 401 (deactivated/deleted) or 403 (demoted).
        expect(results.filter((r) => r.status === 200 || r.status === 204)).toHaveLength(1);
        const refused = results.find((r) => r.status !== 200 && r.status !== 204);
        expect([409, 401, 403]).toContain(refused?.status);
        if (refused?.status === 409) expect(refused.body['code']).toBe('LAST_ADMIN');
      }
      expect([...outcomes.keys()].every((k) => /^(200|204),(401|403|409)$/.test(k))).toBe(true);
      // Leave the first admin usable for the other tests.
      await db.query(`update users set status = 'active' where email = 'replica.admin@example.com'`);
      adminToken = await login(one, 'replica.admin@example.com');
    },
    120_000,
  );

  it('a user deactivated through one replica is refused at once by the other', async () => {
    const id = await insertUser('leaver@example.com', 'user');
    const token = await login(two, 'leaver@example.com');
    expect((await call(two, '/api/auth/me', { token })).status).toBe(200);
    expect((await call(one, `/api/users/${id}/deactivate`, { token: adminToken, method: 'POST' })).status).toBe(200);
    expect((await call(two, '/api/auth/me', { token })).status).toBe(401);
  });

  it('a logout on one replica ends the token on the other', async () => {
    await insertUser('logout@example.com', 'moderator');
    const token = await login(one, 'logout@example.com');
    expect((await call(two, '/api/auth/me', { token })).status).toBe(200);
    expect((await call(one, '/api/auth/logout', { token, method: 'POST' })).status).toBe(204);
    expect((await call(two, '/api/auth/me', { token })).status).toBe(401);
  });

  it('login throttling counts the failures of both replicas together', async () => {
    await insertUser('guessed@example.com', 'user');
    const wrong = { email: 'guessed@example.com', password: 'not the right password at all' };
    const statuses: number[] = [];
    for (const api of [one, two, one, two]) statuses.push((await call(api, '/api/auth/login', { body: wrong })).status);
    expect(statuses).toEqual([401, 401, 401, 401]);
    const fifth = await call(two, '/api/auth/login', { body: { ...wrong, password: GOOD_PASSWORD } });
    expect(fifth.status).toBe(429);
    expect(fifth.body['code']).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(fifth.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await call(one, '/api/auth/login', { body: wrong })).status).toBe(429);
  });

  it('an access token revoked through one replica is refused at once by the other', async () => {
    const created = await call(one, '/api/access-tokens', { token: adminToken, body: { name: 'replicated bot', role: 'admin' } });
    expect(created.status).toBe(201);
    const secret = created.body['token'] as string;
    const id = (created.body['accessToken'] as { id: string }).id;
    expect((await call(two, '/api/users', { token: secret })).status).toBe(200);
    expect((await call(one, `/api/access-tokens/${id}`, { token: adminToken, method: 'DELETE' })).status).toBe(204);
    expect((await call(two, '/api/users', { token: secret })).status).toBe(401);
  });
});
