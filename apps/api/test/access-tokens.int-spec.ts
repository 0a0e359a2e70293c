import type { INestApplication } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import request from 'supertest';
import { createOrmConfig } from '../src/database/mikro-orm.config';
import type { User } from '../src/users/user.entity';
import { bearer, createLoginUser, loginToken } from './auth-helpers';
import { createTestApp } from './http-app';
import { createTestDatabase, quiet, type TestDatabase } from './test-database';

interface TokenRow {
  id: string;
  name: string;
  role: string;
  prefix: string;
  token_hash: string;
  expires_at: Date | null;
  last_used_at: Date | null;
}

const DAY = 86_400_000;

describe('application access tokens (SPEC §4) on a real database', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let orm: MikroORM;
  let admin: User;
  let adminToken: string;
  const http = () => request(app.getHttpServer());
  const asAdmin = () => bearer(adminToken);
  const tokenRow = async (id: string) => (await db.query<TokenRow>('select * from access_tokens where id = $1', [id]))[0];

  async function createToken(
    body: object,
  ): Promise<{ secret: string; id: string; body: { token: string; accessToken: Record<string, unknown> } }> {
    const res = await http().post('/api/access-tokens').set(asAdmin()).send(body).expect(201);
    return { secret: res.body.token, id: res.body.accessToken.id, body: res.body };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    orm = await MikroORM.init(createOrmConfig({ clientUrl: db.url, poolMax: 2, logger: quiet }));
    admin = await createLoginUser(orm, { email: 'keeper@example.com', role: 'admin', firstName: 'Kee', lastName: 'Per' });
    adminToken = await loginToken(app, admin.email);
  });

  afterAll(async () => {
    await orm.close();
    await app.close();
    await db.drop();
  });

  describe('POST /api/access-tokens', () => {
    it('returns the secret once, with the token; stores only its SHA-256', async () => {
      const before = Date.now();
      const { secret, id, body } = await createToken({ name: ' Deploy bot ', role: 'moderator' });
      expect(secret).toMatch(/^iak_[0-9A-Za-z]{49}$/);
      expect(body.accessToken).toEqual({
        id,
        name: 'Deploy bot',
        role: 'moderator',
        prefix: secret.slice(0, 8),
        createdAt: expect.any(String),
        expiresAt: expect.any(String),
        lastUsedAt: null,
        createdBy: { type: 'user', id: admin.id, email: 'keeper@example.com', name: 'Kee Per' },
      });
      // The default lifetime is 30 days.
      const expires = new Date(body.accessToken.expiresAt as string).getTime();
      expect(expires).toBeGreaterThanOrEqual(before + 30 * DAY - 1000);
      expect(expires).toBeLessThanOrEqual(Date.now() + 30 * DAY + 1000);

      const row = await tokenRow(id);
      expect(row.token_hash).toBe(createHash('sha256').update(secret).digest('hex'));
      expect(JSON.stringify(await db.query('select * from access_tokens'))).not.toContain(secret.slice(8));
    });

    it('is never listed again: GET shows the prefix only', async () => {
      const { secret, id } = await createToken({ name: 'Listed', role: 'user', expiresInDays: 7 });
      const res = await http().get('/api/access-tokens').set(asAdmin()).expect(200);
      expect(res.body.items.map((t: { id: string }) => t.id)).toContain(id);
      expect(res.text).not.toContain(secret.slice(8));
      expect(res.text).not.toMatch(/hash/i);
      const listed = res.body.items.find((t: { id: string }) => t.id === id);
      expect(Object.keys(listed).sort()).toEqual(['createdAt', 'createdBy', 'expiresAt', 'id', 'lastUsedAt', 'name', 'prefix', 'role']);
    });

    it('never expires only when asked explicitly with expiresInDays: null', async () => {
      const { id, body } = await createToken({ name: 'Forever', role: 'user', expiresInDays: null });
      expect((body.accessToken as { expiresAt: unknown }).expiresAt).toBeNull();
      expect((await tokenRow(id)).expires_at).toBeNull();
    });

    it.each([
      ['an expiry', { name: 'Audited bot', role: 'moderator', expiresInDays: 12 }],
      ['no expiry', { name: 'Audited forever', role: 'user', expiresInDays: null }],
    ])('audits token.created and token.revoked with name, role, expiry and prefix (%s), never the secret or its hash', async (_, input) => {
      const { secret, id, body } = await createToken(input);
      const { expiresAt, prefix } = body.accessToken as { expiresAt: string | null; prefix: string };
      expect(prefix).toBe(secret.slice(0, 8));
      expect(expiresAt).toEqual(input.expiresInDays === null ? null : expect.any(String));
      await http().delete(`/api/access-tokens/${id}`).set(asAdmin()).expect(204);

      const audit = await http().get('/api/audit').query({ targetId: id }).set(asAdmin()).expect(200);
      const target = { type: 'token', id, label: `${input.name} (${prefix}…)` };
      const actor = { type: 'user', id: admin.id, email: 'keeper@example.com', name: 'Kee Per' };
      const [revoked, created] = audit.body.items;
      expect(audit.body.items).toHaveLength(2);
      expect(created).toMatchObject({ action: 'token.created', actor, target });
      expect(created.details).toEqual({ after: { name: input.name, role: input.role, expiresAt } });
      expect(revoked).toMatchObject({ action: 'token.revoked', actor, target });
      expect(revoked.details).toEqual({ before: { name: input.name, role: input.role } });

      // Neither the secret, nor its random part, nor its SHA-256 is in the events, as served or as stored.
      const hash = createHash('sha256').update(secret).digest('hex');
      const stored = JSON.stringify(await db.query('select * from audit_events where target_id = $1', [id]));
      for (const text of [audit.text, stored]) {
        expect(text).not.toContain(secret.slice(8));
        expect(text).not.toContain(hash);
        expect(text).not.toMatch(/iak_[0-9A-Za-z]{10,}|token_?hash|tokenHash/);
      }
    });

    it.each([
      [{ name: 'x', role: 'user', expiresInDays: 0 }, 'expiresInDays must not be less than 1'],
      [{ name: 'x', role: 'user', expiresInDays: 366 }, 'expiresInDays must not be greater than 365'],
      [{ name: 'x', role: 'user', expiresInDays: 1.5 }, 'expiresInDays must be a whole number of days'],
      [{ name: 'x', role: 'owner' }, 'role must be one of admin, moderator, user'],
      [{ name: '   ', role: 'user' }, 'name should not be empty'],
      [{ name: 'x', role: 'user', tokenHash: 'abc' }, 'property tokenHash should not exist'],
    ])('refuses %j with 400 and creates nothing', async (body, message) => {
      const count = async () => (await db.query<{ n: number }>('select count(*)::int as n from access_tokens'))[0].n;
      const before = await count();
      const res = await http().post('/api/access-tokens').set(asAdmin()).send(body).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(res.body.message)).toContain(message);
      expect(await count()).toBe(before);
    });
  });

  describe('as a bearer token', () => {
    it('acts with the permissions of its role', async () => {
      const moderator = await createToken({ name: 'Mod bot', role: 'moderator' });
      const adminBot = await createToken({ name: 'Admin bot', role: 'admin' });
      await http().get('/api/users').set(bearer(adminBot.secret)).expect(200);
      const refused = await http().get('/api/users').set(bearer(moderator.secret)).expect(403);
      expect(refused.body).toMatchObject({ code: 'PERMISSION_DENIED', message: 'Missing permission: users.manage' });
    });

    it('is attributed in the audit log as actor type token', async () => {
      const bot = await createToken({ name: 'Provisioner', role: 'admin' });
      const created = await http()
        .post('/api/users')
        .set(bearer(bot.secret))
        .send({ firstName: 'Bot', lastName: 'Made', email: 'botmade@example.com', role: 'user', generatePassword: true })
        .expect(201);
      const audit = await http().get('/api/audit').query({ targetId: created.body.user.id }).set(asAdmin()).expect(200);
      expect(audit.body.items).toHaveLength(1);
      expect(audit.body.items[0]).toMatchObject({
        action: 'user.created',
        actor: { type: 'token', id: bot.id, email: null, name: 'Provisioner' },
      });
    });

    it('updates lastUsedAt on use, at most once a minute', async () => {
      const { secret, id } = await createToken({ name: 'Used', role: 'user' });
      expect((await tokenRow(id)).last_used_at).toBeNull();
      await http().get('/api/auth/me').set(bearer(secret));
      const first = (await tokenRow(id)).last_used_at;
      expect(first).toBeInstanceOf(Date);
      await http().get('/api/auth/me').set(bearer(secret));
      expect((await tokenRow(id)).last_used_at).toEqual(first);
      // A minute later (moved back in the database), the next use writes it again.
      await db.query(`update access_tokens set last_used_at = now() - interval '2 minutes' where id = $1`, [id]);
      await http().get('/api/auth/me').set(bearer(secret));
      const third = (await tokenRow(id)).last_used_at as Date;
      expect(Date.now() - third.getTime()).toBeLessThan(60_000);
      const listed = (await http().get('/api/access-tokens').set(asAdmin())).body.items.find((t: { id: string }) => t.id === id);
      expect(listed.lastUsedAt).toBe(third.toISOString());
    });

    it('cannot use the routes of a signed-in user (me, logout, change-password)', async () => {
      const { secret } = await createToken({ name: 'Not a person', role: 'admin' });
      for (const [method, path] of [
        ['get', '/api/auth/me'],
        ['post', '/api/auth/logout'],
        ['post', '/api/auth/change-password'],
      ] as const) {
        const req = http()[method](path).set(bearer(secret));
        const res = await (method === 'post' && path.endsWith('password')
          ? req.send({ currentPassword: 'x'.repeat(20), newPassword: 'y'.repeat(20) })
          : req);
        expect([path, res.status, res.body.code]).toEqual([path, 403, 'PERMISSION_DENIED']);
        expect(res.body.message).toMatch(/access tokens cannot/);
      }
    });

    it('is refused once expired', async () => {
      const { secret, id } = await createToken({ name: 'Short', role: 'admin', expiresInDays: 1 });
      await http().get('/api/users').set(bearer(secret)).expect(200);
      await db.query(`update access_tokens set expires_at = now() - interval '1 second' where id = $1`, [id]);
      const res = await http().get('/api/users').set(bearer(secret)).expect(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    });

    it('is refused at once after revoke, and the revoke is audited', async () => {
      const { secret, id } = await createToken({ name: 'Revoked', role: 'admin' });
      await http().get('/api/users').set(bearer(secret)).expect(200);
      await http().delete(`/api/access-tokens/${id}`).set(asAdmin()).expect(204);
      expect((await http().get('/api/users').set(bearer(secret)).expect(401)).body.code).toBe('UNAUTHENTICATED');
      expect((await http().get('/api/access-tokens').set(asAdmin())).body.items.map((t: { id: string }) => t.id)).not.toContain(id);
      const audit = await http().get('/api/audit').query({ targetId: id }).set(asAdmin()).expect(200);
      expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['token.revoked', 'token.created']);
      expect(audit.body.items[0]).toMatchObject({ actor: { type: 'user', id: admin.id }, target: { type: 'token', id } });
      expect(JSON.stringify(audit.body)).not.toContain(secret.slice(8));
      await http().delete(`/api/access-tokens/${id}`).set(asAdmin()).expect(404);
      await http().delete('/api/access-tokens/not-a-uuid').set(asAdmin()).expect(400);
    });

    it.each([
      ['a tampered secret (checksum fails)', (s: string) => s.slice(0, 20) + (s[20] === 'a' ? 'b' : 'a') + s.slice(21)],
      ['a well-formed but unknown secret', () => 'iak_' + '0'.repeat(43) + '000000'],
      ['a truncated secret', (s: string) => s.slice(0, -1)],
    ])('refuses %s with 401', async (_, mangle) => {
      const { secret } = await createToken({ name: 'Original', role: 'admin' });
      const res = await http()
        .get('/api/users')
        .set(bearer(mangle(secret)))
        .expect(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    });

    it.each([
      ['access_token', (s: string) => ({ access_token: s })],
      ['token', (s: string) => ({ token: s })],
      ['any parameter holding an iak_ secret', (s: string) => ({ q: s })],
    ])('is refused in the query string (%s), even on a public route', async (_, query) => {
      const { secret } = await createToken({ name: 'In URL', role: 'admin' });
      const res = await http().get('/api/users').query(query(secret)).set(bearer(secret)).expect(401);
      expect(res.body).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringContaining('not accepted in the URL') });
      await http().get('/api/health').query(query(secret)).expect(401);
    });
  });

  it('tokens.manage is needed to create, list and revoke (a moderator gets 403)', async () => {
    const moderator = await createLoginUser(orm, { email: 'mod@example.com', role: 'moderator' });
    const modToken = await loginToken(app, moderator.email);
    const res = await http().post('/api/access-tokens').set(bearer(modToken)).send({ name: 'x', role: 'admin' }).expect(403);
    expect(res.body.message).toBe('Missing permission: tokens.manage');
    await http().get('/api/access-tokens').set(bearer(modToken)).expect(403);
  });
});
