import type { INestApplication } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import * as bcrypt from 'bcrypt';
import request from 'supertest';
import { createOrmConfig } from '../src/database/mikro-orm.config';
import { bearer, createLoginUser, GOOD_PASSWORD, loginToken } from './auth-helpers';
import { createTestApp } from './http-app';
import { createTestDatabase, quiet, type TestDatabase } from './test-database';

describe('users routes (SPEC §4 Users) on a real database', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let orm: MikroORM;
  let adminId: string;
  let adminToken: string;
  const http = () => request(app.getHttpServer());
  const asAdmin = () => bearer(adminToken);
  const countUsers = async () => Number((await db.query<{ n: string }>('select count(*)::text as n from users'))[0].n);

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    orm = await MikroORM.init(createOrmConfig({ clientUrl: db.url, poolMax: 2, logger: quiet }));
    const admin = await createLoginUser(orm, { email: 'boss@example.com', role: 'admin', firstName: 'Bo', lastName: 'Ss' });
    adminId = admin.id;
    adminToken = await loginToken(app, admin.email);
  });

  afterAll(async () => {
    await orm.close();
    await app.close();
    await db.drop();
  });

  describe('POST /api/users', () => {
    it('creates a user with a typed password (201, never a hash)', async () => {
      const res = await http()
        .post('/api/users')
        .set(asAdmin())
        .send({
          firstName: ' Ada ',
          lastName: 'Lovelace',
          email: 'ada@example.com',
          role: 'moderator',
          password: 'analytical engine notes',
        })
        .expect(201);
      expect(res.body.user).toMatchObject({
        firstName: 'Ada',
        lastName: 'Lovelace',
        email: 'ada@example.com',
        role: 'moderator',
        status: 'active',
        lastLoginAt: null,
      });
      expect(res.body.generatedPassword).toBeUndefined();
      expect(JSON.stringify(res.body)).not.toMatch(/password|\$2b\$/i);
      await loginToken(app, 'ada@example.com', 'analytical engine notes');
    });

    it('generates a 20-character password shown once, that works', async () => {
      const res = await http()
        .post('/api/users')
        .set(asAdmin())
        .send({ firstName: 'Gen', lastName: 'Erated', email: 'gen@example.com', role: 'user', generatePassword: true })
        .expect(201);
      expect(res.body.generatedPassword).toHaveLength(20);
      const [row] = await db.query<{ password_hash: string }>('select password_hash from users where id = $1', [res.body.user.id]);
      expect(await bcrypt.compare(res.body.generatedPassword, row.password_hash)).toBe(true);
      const fetched = await http().get(`/api/users/${res.body.user.id}`).set(asAdmin()).expect(200);
      expect(JSON.stringify(fetched.body)).not.toContain(res.body.generatedPassword);
    });

    it('refuses an email taken in another case with 409 EMAIL_TAKEN', async () => {
      const before = await countUsers();
      const res = await http()
        .post('/api/users')
        .set(asAdmin())
        .send({ firstName: 'X', lastName: 'Y', email: 'ADA@example.com', role: 'user', password: 'yet another long password' })
        .expect(409);
      expect(res.body.code).toBe('EMAIL_TAKEN');
      expect(await countUsers()).toBe(before);
    });

    it.each([
      [{ firstName: 'A', lastName: 'B', email: 'weak@example.com', role: 'user', password: 'short' }, 'WEAK_PASSWORD'],
      [{ firstName: 'A', lastName: 'B', email: 'weak@example.com', role: 'user', password: 'weak@example.com' }, 'WEAK_PASSWORD'],
      [{ firstName: 'A', lastName: 'B', email: 'weak@example.com', role: 'user', password: '€'.repeat(25) }, 'WEAK_PASSWORD'],
      [{ firstName: 'A', lastName: 'B', email: 'not-an-email', role: 'user', password: 'a long enough password' }, 'VALIDATION_FAILED'],
      [{ firstName: 'A', lastName: 'B', email: 'r@example.com', role: 'root', password: 'a long enough password' }, 'VALIDATION_FAILED'],
      [{ firstName: 'A', lastName: 'B', email: 'r@example.com', role: 'user' }, 'VALIDATION_FAILED'],
      [
        { firstName: 'A', lastName: 'B', email: 'r@example.com', role: 'user', password: 'a long enough password', generatePassword: true },
        'VALIDATION_FAILED',
      ],
      [
        { firstName: 'x'.repeat(101), lastName: 'B', email: 'r@example.com', role: 'user', password: 'a long enough password' },
        'VALIDATION_FAILED',
      ],
      [
        { firstName: 'A', lastName: 'B', email: 'r@example.com', role: 'user', password: 'a long enough password', status: 'inactive' },
        'VALIDATION_FAILED',
      ],
      [
        { firstName: 'A', lastName: 'B', email: 'r@example.com', role: 'user', password: 'a long enough password', passwordHash: '$2b$' },
        'VALIDATION_FAILED',
      ],
      [{ firstName: 42, lastName: 'B', email: 'r@example.com', role: 'user', password: 'a long enough password' }, 'VALIDATION_FAILED'],
    ])('refuses %j with 400 %s and changes nothing', async (body, code) => {
      const before = await countUsers();
      const res = await http().post('/api/users').set(asAdmin()).send(body).expect(400);
      expect(res.body.code).toBe(code);
      expect(res.body.message).toBeTruthy();
      expect(await countUsers()).toBe(before);
    });
  });

  describe('GET, PATCH', () => {
    it('GET /api/users/:id: 400 for a malformed id, 404 USER_NOT_FOUND for an unknown one', async () => {
      const bad = await http().get('/api/users/not-a-uuid').set(asAdmin()).expect(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      const unknown = await http().get('/api/users/6f1c2a9e-8d4b-4c1e-9f3a-2b7d5e6a8c90').set(asAdmin()).expect(404);
      expect(unknown.body.code).toBe('USER_NOT_FOUND');
    });

    it('PATCH changes names, email and role, and refuses unknown fields', async () => {
      const user = await createLoginUser(orm, { role: 'user' });
      const res = await http()
        .patch(`/api/users/${user.id}`)
        .set(asAdmin())
        .send({ firstName: 'Renamed', email: 'renamed@example.com', role: 'moderator' })
        .expect(200);
      expect(res.body).toMatchObject({ id: user.id, firstName: 'Renamed', email: 'renamed@example.com', role: 'moderator' });
      for (const body of [{ status: 'inactive' }, { passwordHash: 'x' }, { id: adminId }, { tokenVersion: 9 }]) {
        const refused = await http().patch(`/api/users/${user.id}`).set(asAdmin()).send(body).expect(400);
        expect(refused.body.code).toBe('VALIDATION_FAILED');
      }
      const [row] = await db.query<{ status: string; token_version: number }>('select status, token_version from users where id = $1', [
        user.id,
      ]);
      expect(row).toEqual({ status: 'active', token_version: 0 });
    });

    it.each([
      [{ firstName: null }, 'firstName must be a string'],
      [{ lastName: null }, 'lastName must be a string'],
      [{ email: null }, 'email must be a string'],
      [{ role: null }, 'role must be one of admin, moderator, user'],
    ])('PATCH %j is 400, not a database error, and changes nothing', async (body, message) => {
      const user = await createLoginUser(orm, { role: 'user', firstName: 'Kept' });
      const res = await http().patch(`/api/users/${user.id}`).set(asAdmin()).send(body).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.message).toContain(message);
      expect(await db.query('select first_name, role from users where id = $1', [user.id])).toEqual([{ first_name: 'Kept', role: 'user' }]);
    });

    it('PATCH to a taken email is 409 EMAIL_TAKEN', async () => {
      const user = await createLoginUser(orm);
      const res = await http().patch(`/api/users/${user.id}`).set(asAdmin()).send({ email: 'BOSS@example.com' }).expect(409);
      expect(res.body.code).toBe('EMAIL_TAKEN');
    });

    it('a role change is seen on the next request with the same token', async () => {
      const user = await createLoginUser(orm, { role: 'admin' });
      const token = await loginToken(app, user.email);
      await http().get('/api/users/stats').set(bearer(token)).expect(200);
      await http().patch(`/api/users/${user.id}`).set(asAdmin()).send({ role: 'user' }).expect(200);
      const denied = await http().get('/api/users/stats').set(bearer(token)).expect(403);
      expect(denied.body).toEqual({
        statusCode: 403,
        error: 'Forbidden',
        code: 'PERMISSION_DENIED',
        message: 'Missing permission: users.manage',
      });
    });
  });

  describe('password, deactivate, activate, delete', () => {
    it('POST /:id/password sets a password and kills the user\u2019s tokens', async () => {
      const user = await createLoginUser(orm);
      const token = await loginToken(app, user.email);
      const res = await http().post(`/api/users/${user.id}/password`).set(asAdmin()).send({ generatePassword: true }).expect(200);
      expect(res.body.generatedPassword).toHaveLength(20);
      await http().get('/api/auth/me').set(bearer(token)).expect(401);
      await loginToken(app, user.email, res.body.generatedPassword);
      const weak = await http().post(`/api/users/${user.id}/password`).set(asAdmin()).send({ password: 'password' }).expect(400);
      expect(weak.body.code).toBe('WEAK_PASSWORD');
    });

    it('deactivate kills tokens at once; they stay dead after activation; the user logs in anew', async () => {
      const user = await createLoginUser(orm, { role: 'moderator' });
      const token = await loginToken(app, user.email);
      const res = await http().post(`/api/users/${user.id}/deactivate`).set(asAdmin()).expect(200);
      expect(res.body.status).toBe('inactive');
      await http().get('/api/auth/me').set(bearer(token)).expect(401);
      const login = await http().post('/api/auth/login').send({ email: user.email, password: GOOD_PASSWORD }).expect(403);
      expect(login.body.code).toBe('ACCOUNT_INACTIVE');
      expect((await http().post(`/api/users/${user.id}/activate`).set(asAdmin()).expect(200)).body.status).toBe('active');
      await http().get('/api/auth/me').set(bearer(token)).expect(401);
      await loginToken(app, user.email);
    });

    it('refuses to deactivate or delete yourself with 409 CANNOT_MODIFY_SELF', async () => {
      for (const req of [http().post(`/api/users/${adminId}/deactivate`), http().delete(`/api/users/${adminId}`)]) {
        const res = await req.set(asAdmin()).expect(409);
        expect(res.body.code).toBe('CANNOT_MODIFY_SELF');
      }
      await http().get('/api/auth/me').set(asAdmin()).expect(200);
    });

    it('deletes permanently (204) and frees the email', async () => {
      const user = await createLoginUser(orm, { email: 'leaver@example.com' });
      await http().delete(`/api/users/${user.id}`).set(asAdmin()).expect(204);
      await http().get(`/api/users/${user.id}`).set(asAdmin()).expect(404);
      await http().delete(`/api/users/${user.id}`).set(asAdmin()).expect(404);
      await http()
        .post('/api/users')
        .set(asAdmin())
        .send({ firstName: 'New', lastName: 'Comer', email: 'Leaver@example.com', role: 'user', password: 'a fresh long password' })
        .expect(201);
    });
  });

  describe('the last active admin (SPEC §3.1)', () => {
    it('cannot be demoted, deactivated or deleted; self-demotion works while another admin remains', async () => {
      const fresh = await createTestDatabase();
      const solo = await createTestApp(fresh.url);
      const soloOrm = await MikroORM.init(createOrmConfig({ clientUrl: fresh.url, poolMax: 2, logger: quiet }));
      try {
        await fresh.query('delete from users');
        const a = await createLoginUser(soloOrm, { role: 'admin', email: 'a@example.com' });
        const tokenA = await loginToken(solo, a.email);
        const s = () => request(solo.getHttpServer());
        const demote = await s().patch(`/api/users/${a.id}`).set(bearer(tokenA)).send({ role: 'moderator' }).expect(409);
        expect(demote.body).toMatchObject({
          code: 'LAST_ADMIN',
          message: expect.stringContaining('at least one active admin must remain'),
        });

        const b = await createLoginUser(soloOrm, { role: 'admin', email: 'b@example.com', status: 'inactive' });
        // An inactive admin does not count.
        await s().patch(`/api/users/${a.id}`).set(bearer(tokenA)).send({ role: 'user' }).expect(409);
        await s().post(`/api/users/${b.id}/activate`).set(bearer(tokenA)).expect(200);
        const tokenB = await loginToken(solo, b.email);
        await s().patch(`/api/users/${a.id}`).set(bearer(tokenA)).send({ role: 'moderator' }).expect(200);
        for (const req of [
          s().patch(`/api/users/${b.id}`).send({ role: 'user' }),
          s().post(`/api/users/${b.id}/deactivate`),
          s().delete(`/api/users/${b.id}`),
        ]) {
          const res = await req.set(bearer(tokenB)).expect(409);
          expect(['LAST_ADMIN', 'CANNOT_MODIFY_SELF']).toContain(res.body.code);
        }
        const [row] = await fresh.query<{ n: string }>(`select count(*)::text as n from users where role = 'admin' and status = 'active'`);
        expect(row.n).toBe('1');
      } finally {
        await soloOrm.close();
        await solo.close();
        await fresh.drop();
      }
    });
  });
});
