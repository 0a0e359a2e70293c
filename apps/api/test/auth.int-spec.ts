import type { INestApplication } from '@nestjs/common';
import type { MikroORM } from '@mikro-orm/postgresql';
import { PasswordHasher } from '../src/auth/passwords/password-hasher.service';
import request from 'supertest';
import { permissionsFor } from '@interakt/shared/auth-model';
import { bearer, createLoginUser, GOOD_PASSWORD, loginToken } from './auth-helpers';
import { createTestApp } from './http-app';
import { createTestDatabase, type TestDatabase } from './test-database';
import { MikroORM as Orm } from '@mikro-orm/postgresql';
import { createOrmConfig } from '../src/database/mikro-orm.config';
import { quiet } from './test-database';

describe('auth routes (SPEC §4 Auth) on a real database', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let orm: MikroORM;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url, { loginThrottle: { maxFailuresPerEmail: 3, maxFailuresPerIp: 1000, windowSeconds: 60 } });
    orm = await Orm.init(createOrmConfig({ clientUrl: db.url, poolMax: 2, logger: quiet }));
  });

  afterAll(async () => {
    await orm.close();
    await app.close();
    await db.drop();
  });

  describe('POST /api/auth/login', () => {
    it('signs in with a trimmed, case-insensitive email and returns a Bearer token with the user', async () => {
      const user = await createLoginUser(orm, { email: 'Mixed.Case@Example.com', role: 'moderator' });
      const res = await http().post('/api/auth/login').send({ email: '  mixed.case@EXAMPLE.com ', password: GOOD_PASSWORD }).expect(200);
      expect(res.body).toMatchObject({
        tokenType: 'Bearer',
        expiresIn: 900,
        user: { id: user.id, email: 'Mixed.Case@Example.com', role: 'moderator' },
      });
      expect(res.body.accessToken.split('.')).toHaveLength(3);
      const header = JSON.parse(Buffer.from(res.body.accessToken.split('.')[0], 'base64url').toString());
      const claims = JSON.parse(Buffer.from(res.body.accessToken.split('.')[1], 'base64url').toString());
      expect(header.alg).toBe('HS256');
      expect(claims).toMatchObject({ sub: user.id, iss: 'interakt-admin', aud: 'interakt-admin-api' });
      expect(claims.exp - claims.iat).toBe(900);
      expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);
      expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|\$2b\$/);
      const [row] = await db.query<{ last_login_at: Date | null }>('select last_login_at from users where id = $1', [user.id]);
      expect(row.last_login_at).not.toBeNull();
    });

    it('gives the same 401 INVALID_CREDENTIALS for an unknown email and a wrong password', async () => {
      await createLoginUser(orm, { email: 'known@example.com' });
      const unknown = await http().post('/api/auth/login').send({ email: 'nobody@example.com', password: GOOD_PASSWORD }).expect(401);
      const wrong = await http()
        .post('/api/auth/login')
        .send({ email: 'known@example.com', password: 'not the password at all' })
        .expect(401);
      expect(unknown.body).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        code: 'INVALID_CREDENTIALS',
        message: 'Invalid email or password',
      });
      expect(wrong.body).toEqual(unknown.body);
    });

    it('pays one bcrypt compare for an unknown email too (no timing oracle)', async () => {
      const hasher = app.get(PasswordHasher);
      const nothing = jest.spyOn(hasher, 'verifyAgainstNothing');
      const verify = jest.spyOn(hasher, 'verify');
      try {
        await http().post('/api/auth/login').send({ email: 'ghost@example.com', password: 'whatever password' }).expect(401);
        expect(nothing).toHaveBeenCalledTimes(1);
        expect(verify).not.toHaveBeenCalled();
      } finally {
        nothing.mockRestore();
        verify.mockRestore();
      }
    });

    it('answers 403 ACCOUNT_INACTIVE only with the right password of a deactivated account', async () => {
      await createLoginUser(orm, { email: 'gone@example.com', status: 'inactive' });
      const right = await http().post('/api/auth/login').send({ email: 'gone@example.com', password: GOOD_PASSWORD }).expect(403);
      expect(right.body.code).toBe('ACCOUNT_INACTIVE');
      const wrong = await http().post('/api/auth/login').send({ email: 'gone@example.com', password: 'a wrong password here' }).expect(401);
      expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    });

    it.each([
      [{}, 'email'],
      [{ email: 'a@b.c' }, 'password'],
      [{ email: 42, password: 'x' }, 'email'],
      [{ email: 'a@b.c', password: 'x', role: 'admin' }, 'property role should not exist'],
    ])('refuses a malformed body %j with 400 VALIDATION_FAILED', async (body, mention) => {
      const res = await http().post('/api/auth/login').send(body).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(res.body.message)).toContain(mention);
    });

    it('throttles an email after the configured failures in a row, even for the right password, with Retry-After', async () => {
      await createLoginUser(orm, { email: 'target@example.com' });
      for (let i = 0; i < 3; i++) {
        await http()
          .post('/api/auth/login')
          .send({ email: 'target@example.com', password: `wrong guess number ${i}` })
          .expect(401);
      }
      const blocked = await http().post('/api/auth/login').send({ email: 'TARGET@example.com', password: GOOD_PASSWORD }).expect(429);
      expect(blocked.body.code).toBe('TOO_MANY_ATTEMPTS');
      const retryAfter = Number(blocked.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      // The window ends: once it has passed (simulated in the shared table), the right password works.
      await db.query(`update login_throttle set window_started_at = now() - interval '61 seconds' where key = 'email:target@example.com'`);
      await http().post('/api/auth/login').send({ email: 'target@example.com', password: GOOD_PASSWORD }).expect(200);
    });

    it('counts parallel guesses atomically: never more than the limit get through', async () => {
      await createLoginUser(orm, { email: 'parallel@example.com' });
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          http()
            .post('/api/auth/login')
            .send({ email: 'parallel@example.com', password: `parallel guess ${i}` }),
        ),
      );
      const statuses = results.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 401)).toHaveLength(3);
      expect(statuses.filter((s) => s === 429)).toHaveLength(7);
    });

    it('resets the email count after a success', async () => {
      await createLoginUser(orm, { email: 'reset@example.com' });
      for (let round = 0; round < 2; round++) {
        for (let i = 0; i < 2; i++)
          await http().post('/api/auth/login').send({ email: 'reset@example.com', password: 'wrong password x' }).expect(401);
        await http().post('/api/auth/login').send({ email: 'reset@example.com', password: GOOD_PASSWORD }).expect(200);
      }
    });
  });

  describe('tokens', () => {
    it('GET /api/auth/me returns the user and the permissions of their role', async () => {
      const user = await createLoginUser(orm, { role: 'moderator' });
      const token = await loginToken(app, user.email);
      const res = await http().get('/api/auth/me').set(bearer(token)).expect(200);
      expect(res.body.user).toMatchObject({ id: user.id, role: 'moderator' });
      expect(res.body.permissions).toEqual([...permissionsFor('moderator')]);
    });

    it.each([
      ['no header', {}],
      ['a malformed header', { Authorization: 'Token abc' }],
      ['a forged token', { Authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl' }],
    ])('answers 401 UNAUTHENTICATED for %s', async (_, headers) => {
      const res = await http().get('/api/auth/me').set(headers).expect(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    });

    it('refuses a token signed with alg "none" or another secret', async () => {
      const user = await createLoginUser(orm);
      const token = await loginToken(app, user.email);
      const [, payload] = token.split('.');
      const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
      await http().get('/api/auth/me').set(bearer(none)).expect(401);
      const other = `${token.split('.').slice(0, 2).join('.')}.${Buffer.from('x'.repeat(32)).toString('base64url')}`;
      await http().get('/api/auth/me').set(bearer(other)).expect(401);
    });

    it('logout kills that token at once and leaves other sessions alive', async () => {
      const user = await createLoginUser(orm);
      const first = await loginToken(app, user.email);
      const second = await loginToken(app, user.email);
      await http().post('/api/auth/logout').set(bearer(first)).expect(204);
      await http().get('/api/auth/me').set(bearer(first)).expect(401);
      await http().get('/api/auth/me').set(bearer(second)).expect(200);
    });
  });

  describe('POST /api/auth/change-password', () => {
    it('needs the current password, returns a fresh token and kills every older one', async () => {
      const user = await createLoginUser(orm, { firstName: 'Chang', lastName: 'Pass' });
      const old = await loginToken(app, user.email);
      const other = await loginToken(app, user.email);
      const wrong = await http()
        .post('/api/auth/change-password')
        .set(bearer(old))
        .send({ currentPassword: 'not my password at all', newPassword: 'a brand new long password' })
        .expect(400);
      expect(wrong.body.code).toBe('INVALID_CURRENT_PASSWORD');

      const res = await http()
        .post('/api/auth/change-password')
        .set(bearer(old))
        .send({ currentPassword: GOOD_PASSWORD, newPassword: 'a brand new long password' })
        .expect(200);
      expect(res.body).toMatchObject({ tokenType: 'Bearer', user: { id: user.id } });
      await http().get('/api/auth/me').set(bearer(old)).expect(401);
      await http().get('/api/auth/me').set(bearer(other)).expect(401);
      await http().get('/api/auth/me').set(bearer(res.body.accessToken)).expect(200);
      await loginToken(app, user.email, 'a brand new long password');
    });

    it('applies the password policy (WEAK_PASSWORD) and changes nothing', async () => {
      const user = await createLoginUser(orm);
      const token = await loginToken(app, user.email);
      for (const newPassword of ['short', 'x'.repeat(73), user.email]) {
        const res = await http()
          .post('/api/auth/change-password')
          .set(bearer(token))
          .send({ currentPassword: GOOD_PASSWORD, newPassword })
          .expect(400);
        expect(res.body.code).toBe('WEAK_PASSWORD');
      }
      await http().get('/api/auth/me').set(bearer(token)).expect(200);
      await loginToken(app, user.email);
    });
  });
});

describe('the per-address login throttle behind a proxy (TRUST_PROXY)', () => {
  let db: TestDatabase;
  const throttle = { maxFailuresPerEmail: 1000, maxFailuresPerIp: 3, windowSeconds: 60 };
  let n = 0;
  /** A failed sign-in (a new unknown email each time, so only the address counts). */
  const attempt = (app: INestApplication, forwardedFor: string) =>
    request(app.getHttpServer())
      .post('/api/auth/login')
      .set('X-Forwarded-For', forwardedFor)
      .send({ email: `sprayed-${n++}@example.com`, password: 'a wrong password of the spray' });
  const counters = async () =>
    Object.fromEntries(
      (
        await db.query<{ key: string; failures: number }>(`select key, failures from login_throttle where key like 'ip:%' order by key`)
      ).map((r) => [r.key, r.failures]),
    );

  beforeAll(async () => {
    // A database of its own: the counts of the address of this test process start at zero.
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db.drop();
  });

  it('with TRUST_PROXY=true counts per X-Forwarded-For client address: two clients, two separate counts', async () => {
    const app = await createTestApp(db.url, { trustProxy: true, loginThrottle: throttle });
    try {
      for (let i = 0; i < 3; i++) expect((await attempt(app, '203.0.113.10')).status).toBe(401);
      // The client is the left-most address; the proxy appends its own.
      const fourth = await attempt(app, '203.0.113.10, 10.0.0.5');
      expect([fourth.status, fourth.body.code]).toEqual([429, 'TOO_MANY_ATTEMPTS']);
      expect(Number(fourth.headers['retry-after'])).toBeGreaterThan(0);
      // Another client behind the same proxy has a count of its own.
      for (let i = 0; i < 3; i++) expect((await attempt(app, '198.51.100.20')).status).toBe(401);
      expect((await attempt(app, '198.51.100.20')).status).toBe(429);
      expect(await counters()).toEqual({ 'ip:198.51.100.20': 4, 'ip:203.0.113.10': 4 });
    } finally {
      await app.close();
    }
  });

  it('with TRUST_PROXY=false ignores the header: every forwarded address counts as the connecting one', async () => {
    const before = await counters();
    const app = await createTestApp(db.url, { trustProxy: false, loginThrottle: throttle });
    try {
      const statuses = [];
      for (const forwarded of ['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.4']) statuses.push((await attempt(app, forwarded)).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
      const after = await counters();
      const added = Object.keys(after).filter((key) => !(key in before));
      // One new key, the loopback address supertest connects from; none of the forwarded ones.
      expect(added).toHaveLength(1);
      expect(added[0]).toMatch(/^ip:(::ffff:)?127\.0\.0\.1$|^ip:::1$/);
      expect(after[added[0]]).toBe(4);
    } finally {
      await app.close();
    }
  });
});
