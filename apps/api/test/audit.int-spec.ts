import type { INestApplication } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import request from 'supertest';
import { AuditService, buildListAuditSql } from '../src/audit/audit.service';
import { ListAuditQueryDto } from '../src/audit/dto/list-audit.query';
import { createOrmConfig } from '../src/database/mikro-orm.config';
import type { User } from '../src/users/user.entity';
import { bearer, createLoginUser, GOOD_PASSWORD, loginToken } from './auth-helpers';
import type { AuditRow } from './audit-helpers';
import { createTestApp } from './http-app';
import { createMigratedDatabase, createTestDatabase, planOf, quiet, type TestDatabase } from './test-database';

interface EventRow extends AuditRow {
  ip: string | null;
  user_agent: string | null;
}

const AGENT = 'audit-spec/1.0';

describe('the audit log (SPEC §4 Audit) on a real database', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let orm: MikroORM;
  let admin: User;
  let adminToken: string;
  const http = () => request(app.getHttpServer());
  const asAdmin = () => ({ ...bearer(adminToken), 'User-Agent': AGENT });

  let mark = '0';
  /** Events written since the last call, oldest first. */
  async function newEvents(): Promise<EventRow[]> {
    const rows = await db.query<EventRow>('select e.*, e.id::text as id from audit_events e where e.id > $1 order by e.id', [mark]);
    if (rows.length) mark = rows[rows.length - 1].id;
    return rows;
  }
  /** Exactly one new event, which is returned. */
  async function oneEvent(): Promise<EventRow> {
    const rows = await newEvents();
    expect(rows.map((r) => r.action)).toHaveLength(1);
    return rows[0];
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    orm = await MikroORM.init(createOrmConfig({ clientUrl: db.url, poolMax: 2, logger: quiet }));
    admin = await createLoginUser(orm, { email: 'auditor@example.com', role: 'admin', firstName: 'Audrey', lastName: 'Tor' });
    adminToken = await loginToken(app, admin.email);
    await newEvents();
  });

  afterAll(async () => {
    await orm.close();
    await app.close();
    await db.drop();
  });

  const adminActor = () => ({ actor_type: 'user', actor_id: admin.id, actor_email: admin.email, actor_name: 'Audrey Tor' });

  it('recorded the first admin created at start as done by the system', async () => {
    const [row] = await db.query<EventRow>(`select * from audit_events where action = 'user.created' and actor_type = 'system'`);
    expect(row).toMatchObject({ actor_id: null, actor_name: 'first start', target_label: 'first.admin@interakt.test' });
    expect(row.details).toMatchObject({ after: { role: 'admin', status: 'active' }, passwordGenerated: false });
  });

  describe('every user action writes exactly one event with actor, target, details, address and agent', () => {
    let userId: string;

    it('user.created', async () => {
      const res = await http()
        .post('/api/users')
        .set(asAdmin())
        .send({ firstName: 'Eve', lastName: 'Nt', email: 'eve@example.com', role: 'user', generatePassword: true })
        .expect(201);
      userId = res.body.user.id;
      const event = await oneEvent();
      expect(event).toMatchObject({
        action: 'user.created',
        ...adminActor(),
        target_type: 'user',
        target_id: userId,
        target_label: 'eve@example.com',
        user_agent: AGENT,
      });
      expect(event.ip).toMatch(/127\.0\.0\.1|::1/);
      expect(event.details).toEqual({
        after: { firstName: 'Eve', lastName: 'Nt', email: 'eve@example.com', role: 'user', status: 'active' },
        passwordGenerated: true,
      });
      expect(JSON.stringify(event)).not.toContain(res.body.generatedPassword);
    });

    it('user.updated holds only what changed, before → after', async () => {
      await http().patch(`/api/users/${userId}`).set(asAdmin()).send({ firstName: 'Evelyn', lastName: 'Nt' }).expect(200);
      const event = await oneEvent();
      expect(event).toMatchObject({ action: 'user.updated', target_id: userId });
      expect(event.details).toEqual({ before: { firstName: 'Eve' }, after: { firstName: 'Evelyn' } });
    });

    it('user.role_changed, and a PATCH of role and email writes one event for each', async () => {
      await http().patch(`/api/users/${userId}`).set(asAdmin()).send({ role: 'moderator' }).expect(200);
      expect((await oneEvent()).details).toEqual({ before: { role: 'user' }, after: { role: 'moderator' } });

      await http().patch(`/api/users/${userId}`).set(asAdmin()).send({ role: 'user', email: 'evelyn@example.com' }).expect(200);
      const events = await newEvents();
      expect(events.map((e) => [e.action, e.details])).toEqual([
        ['user.updated', { before: { email: 'eve@example.com' }, after: { email: 'evelyn@example.com' } }],
        ['user.role_changed', { before: { role: 'moderator' }, after: { role: 'user' } }],
      ]);
    });

    it('a PATCH that changes nothing writes nothing', async () => {
      await http().patch(`/api/users/${userId}`).set(asAdmin()).send({ firstName: 'Evelyn' }).expect(200);
      expect(await newEvents()).toEqual([]);
    });

    it('user.password_reset, without the password', async () => {
      await http().post(`/api/users/${userId}/password`).set(asAdmin()).send({ password: GOOD_PASSWORD }).expect(200);
      const event = await oneEvent();
      expect(event).toMatchObject({ action: 'user.password_reset', target_id: userId });
      expect(event.details).toEqual({ generated: false, tokensRevoked: true });
    });

    it('auth.login, auth.logout and auth.password_changed are the user’s own', async () => {
      const token = await loginToken(app, 'evelyn@example.com');
      const login = await oneEvent();
      expect(login).toMatchObject({ action: 'auth.login', actor_type: 'user', actor_id: userId, target_id: userId });
      expect(login.actor_name).toBe('Evelyn Nt');

      await http()
        .post('/api/auth/change-password')
        .set(bearer(token))
        .send({ currentPassword: GOOD_PASSWORD, newPassword: 'a brand new passphrase here' })
        .expect(200);
      const changed = await oneEvent();
      expect(changed).toMatchObject({ action: 'auth.password_changed', actor_id: userId, target_id: userId });
      expect(changed.details).toEqual({ tokensRevoked: true });

      const fresh = await loginToken(app, 'evelyn@example.com', 'a brand new passphrase here');
      await newEvents();
      await http().post('/api/auth/logout').set(bearer(fresh)).expect(204);
      expect(await oneEvent()).toMatchObject({ action: 'auth.logout', actor_id: userId, target_id: userId });
    });

    it('auth.login_failed records the attempted email and the reason, never the password', async () => {
      await http().post('/api/auth/login').send({ email: ' EVELYN@example.com ', password: 'wrong guess of a password' }).expect(401);
      const wrong = await oneEvent();
      expect(wrong).toMatchObject({ action: 'auth.login_failed', actor_id: userId, target_id: userId });
      expect(wrong.details).toEqual({ email: 'evelyn@example.com', reason: 'wrong_password' });

      await http().post('/api/auth/login').send({ email: 'nobody@example.com', password: 'wrong guess of a password' }).expect(401);
      const unknown = await oneEvent();
      expect(unknown).toMatchObject({ actor_type: 'user', actor_id: null, actor_email: 'nobody@example.com', target_type: null });
      expect(unknown.details).toEqual({ email: 'nobody@example.com', reason: 'unknown_email' });
      expect(JSON.stringify([wrong, unknown])).not.toContain('wrong guess');
    });

    it('user.deactivated, then a login of the inactive account is a failure with its reason', async () => {
      await http().post(`/api/users/${userId}/deactivate`).set(asAdmin()).expect(200);
      expect((await oneEvent()).details).toEqual({ before: { status: 'active' }, after: { status: 'inactive' } });
      await http().post('/api/auth/login').send({ email: 'evelyn@example.com', password: 'a brand new passphrase here' }).expect(403);
      expect((await oneEvent()).details).toEqual({ email: 'evelyn@example.com', reason: 'account_inactive' });
      // Deactivating again changes nothing and records nothing.
      await http().post(`/api/users/${userId}/deactivate`).set(asAdmin()).expect(200);
      expect(await newEvents()).toEqual([]);
    });

    it('user.activated', async () => {
      await http().post(`/api/users/${userId}/activate`).set(asAdmin()).expect(200);
      expect(await oneEvent()).toMatchObject({ action: 'user.activated', target_id: userId });
    });

    it('user.deleted keeps a snapshot of who was deleted', async () => {
      await http().delete(`/api/users/${userId}`).set(asAdmin()).expect(204);
      const event = await oneEvent();
      expect(event).toMatchObject({ action: 'user.deleted', target_id: userId, target_label: 'evelyn@example.com' });
      expect(event.details).toEqual({
        before: { firstName: 'Evelyn', lastName: 'Nt', email: 'evelyn@example.com', role: 'user', status: 'active' },
      });
    });

    it('a refused change (CANNOT_MODIFY_SELF, EMAIL_TAKEN, validation, not found) writes nothing', async () => {
      const other = await createLoginUser(orm, { email: 'taken@example.com' });
      await http().post(`/api/users/${admin.id}/deactivate`).set(asAdmin()).expect(409);
      await http().delete('/api/users/6f1c2a9e-8d4b-4c1e-9f3a-2b7d5e6a8c90').set(asAdmin()).expect(404);
      await http().patch(`/api/users/${other.id}`).set(asAdmin()).send({ email: admin.email }).expect(409);
      await http().post('/api/users').set(asAdmin()).send({ firstName: 'X' }).expect(400);
      expect(await newEvents()).toEqual([]);
    });
  });

  describe('a change that fails after its event was written leaves neither', () => {
    afterEach(async () => {
      await db.query('drop trigger if exists fail_on_purpose on users');
      await db.query('drop function if exists fail_on_purpose()');
    });

    async function failOn(operation: 'update' | 'delete'): Promise<void> {
      await db.query(`create function fail_on_purpose() returns trigger language plpgsql as $$
        begin raise exception 'forced failure'; end; $$`);
      await db.query(`create trigger fail_on_purpose before ${operation} on users
        for each row when (old.email like 'doomed%') execute function fail_on_purpose()`);
    }

    it('delete: the audit insert runs first, the delete fails, both roll back', async () => {
      const doomed = await createLoginUser(orm, { email: 'doomed-delete@example.com' });
      await failOn('delete');
      const res = await http().delete(`/api/users/${doomed.id}`).set(asAdmin()).expect(500);
      expect(res.body).toEqual({ statusCode: 500, error: 'Internal Server Error', code: 'INTERNAL_ERROR', message: expect.any(String) });
      expect(res.text).not.toMatch(/forced failure|trigger|users/);
      expect(await newEvents()).toEqual([]);
      expect(await db.query('select 1 from users where id = $1', [doomed.id])).toHaveLength(1);
    });

    it('role change: the update fails inside the transaction, no event', async () => {
      const doomed = await createLoginUser(orm, { email: 'doomed-role@example.com' });
      await failOn('update');
      await http().patch(`/api/users/${doomed.id}`).set(asAdmin()).send({ role: 'moderator' }).expect(500);
      expect(await newEvents()).toEqual([]);
      expect((await db.query<{ role: string }>('select role from users where id = $1', [doomed.id]))[0].role).toBe('user');
    });
  });

  describe('the table is append-only in the database itself', () => {
    it.each([
      ['UPDATE', `update audit_events set action = 'user.created'`],
      ['DELETE', 'delete from audit_events'],
      ['TRUNCATE', 'truncate audit_events'],
    ])('%s fails, also with session_replication_role = replica', async (_, sql) => {
      const before = await db.query<{ n: number }>('select count(*)::int as n from audit_events');
      await expect(db.query(sql)).rejects.toThrow(/append-only/);
      await expect(db.query(`set session_replication_role = replica; ${sql}`)).rejects.toThrow(/append-only/);
      expect(await db.query<{ n: number }>('select count(*)::int as n from audit_events')).toEqual(before);
    });

    it('the triggers are ENABLE ALWAYS', async () => {
      const rows = await db.query<{ tgname: string; tgenabled: string }>(
        `select tgname, tgenabled from pg_trigger where tgrelid = 'audit_events'::regclass and not tgisinternal order by tgname`,
      );
      expect(rows).toEqual([
        { tgname: 'audit_events_no_delete', tgenabled: 'A' },
        { tgname: 'audit_events_no_truncate', tgenabled: 'A' },
        { tgname: 'audit_events_no_update', tgenabled: 'A' },
      ]);
    });
  });

  it('attribution survives deleting the actor', async () => {
    const actor = await createLoginUser(orm, { email: 'leaver@example.com', role: 'admin', firstName: 'Lee', lastName: 'Ver' });
    const token = await loginToken(app, actor.email);
    const created = await http()
      .post('/api/users')
      .set(bearer(token))
      .send({ firstName: 'Kept', lastName: 'Around', email: 'kept@example.com', role: 'user', generatePassword: true })
      .expect(201);
    await http().delete(`/api/users/${actor.id}`).set(asAdmin()).expect(204);

    const res = await http().get('/api/audit').query({ actorId: actor.id }).set(asAdmin()).expect(200);
    expect(res.body.items.map((e: { action: string }) => e.action)).toEqual(['user.created', 'auth.login']);
    expect(res.body.items[0]).toMatchObject({
      actor: { type: 'user', id: actor.id, email: 'leaver@example.com', name: 'Lee Ver' },
      target: { type: 'user', id: created.body.user.id, label: 'kept@example.com' },
    });
  });

  describe('GET /api/audit', () => {
    it('lists newest first with the SPEC shape and pages', async () => {
      const total = (await db.query<{ n: number }>('select count(*)::int as n from audit_events'))[0].n;
      const first = await http().get('/api/audit').query({ pageSize: 3 }).set(asAdmin()).expect(200);
      expect(first.body).toMatchObject({ total, page: 1, pageSize: 3 });
      expect(first.body.items).toHaveLength(3);
      const second = await http().get('/api/audit').query({ pageSize: 3, page: 2 }).set(asAdmin()).expect(200);
      const ids = [...first.body.items, ...second.body.items].map((e: { id: string }) => Number(e.id));
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      const event = first.body.items[0];
      expect(Object.keys(event).sort()).toEqual(['action', 'actor', 'at', 'details', 'id', 'ip', 'target', 'userAgent']);
      expect(new Date(event.at).toISOString()).toBe(event.at);
    });

    it('filters by action, target and date range', async () => {
      const deleted = await http().get('/api/audit').query({ action: 'user.deleted' }).set(asAdmin()).expect(200);
      expect(deleted.body.total).toBeGreaterThanOrEqual(2);
      expect(new Set(deleted.body.items.map((e: { action: string }) => e.action))).toEqual(new Set(['user.deleted']));

      const targetId = deleted.body.items[0].target.id;
      const byTarget = await http().get('/api/audit').query({ targetId }).set(asAdmin()).expect(200);
      expect(byTarget.body.items.every((e: { target: { id: string } }) => e.target.id === targetId)).toBe(true);

      const future = await http().get('/api/audit').query({ from: '2999-01-01T00:00:00Z' }).set(asAdmin()).expect(200);
      expect(future.body).toMatchObject({ items: [], total: 0 });
      const past = await http().get('/api/audit').query({ to: '2000-01-01T00:00:00Z' }).set(asAdmin()).expect(200);
      expect(past.body.total).toBe(0);
      const now = Date.now();
      const recent = await http()
        .get('/api/audit')
        .query({ from: new Date(now - 3_600_000).toISOString(), to: new Date(now + 3_600_000).toISOString() })
        .set(asAdmin())
        .expect(200);
      expect(recent.body.total).toBe((await db.query<{ n: number }>('select count(*)::int as n from audit_events'))[0].n);
    });

    it.each([
      [{ actorId: 'not-a-uuid' }, 'actorId must be a UUID'],
      [{ action: 'user.exploded' }, 'action must be one of the following values'],
      [{ from: 'yesterday' }, 'from must be a valid ISO 8601 date string'],
      [{ pageSize: '101' }, 'pageSize must not be greater than 100'],
      [{ page: '0' }, 'page must not be less than 1'],
    ])('refuses %j with 400 VALIDATION_FAILED', async (query, message) => {
      const res = await http().get('/api/audit').query(query).set(asAdmin()).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(res.body.message)).toContain(message);
    });
  });

  it('records the client address from X-Forwarded-For only when TRUST_PROXY is on', async () => {
    const proxied = await createTestApp(db.url, { trustProxy: true });
    try {
      const user = await createLoginUser(orm, { email: 'proxied@example.com' });
      await newEvents();
      await request(proxied.getHttpServer())
        .post('/api/auth/login')
        .set('X-Forwarded-For', '203.0.113.7')
        .send({ email: user.email, password: GOOD_PASSWORD })
        .expect(200);
      expect((await oneEvent()).ip).toBe('203.0.113.7');
      await http().post('/api/auth/login').set('X-Forwarded-For', '203.0.113.7').send({ email: user.email, password: GOOD_PASSWORD });
      expect((await oneEvent()).ip).not.toBe('203.0.113.7');
    } finally {
      await proxied.close();
    }
  });
});

describe('the audit log at 300,000 events reads every filter from an index', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  const actorId = '0c9f4f5e-1f7a-4c55-9a51-3d2b8f6a7e01';
  const targetId = '9d3c1b2a-5e4f-4a8b-9c7d-6e5f4a3b2c1d';

  beforeAll(async () => {
    ({ db, orm } = await createMigratedDatabase());
    // 300 actors and 1,000 targets over a year; one statement, about two seconds.
    await db.query(`
      insert into audit_events (at, action, actor_type, actor_id, actor_email, target_type, target_id, target_label, details)
      select now() - g * interval '100 seconds',
             (array['auth.login', 'user.updated', 'user.created', 'auth.login_failed'])[1 + g % 4],
             'user', md5('a' || g % 300)::uuid, 'actor' || g % 300 || '@bulk.example',
             'user', md5('t' || g % 1000)::uuid, 'target' || g % 1000 || '@bulk.example', '{}'
        from generate_series(1, 300000) as g`);
    await db.query(
      `insert into audit_events (action, actor_type, actor_id, target_type, target_id) values ('user.deleted', 'user', $1, 'user', $2)`,
      [actorId, targetId],
    );
    await db.query('vacuum analyze audit_events');
  });

  afterAll(async () => {
    await orm.close();
    await db.drop();
  });

  const query = (values: Partial<ListAuditQueryDto>) => Object.assign(new ListAuditQueryDto(), values);
  const dayAgo = () => new Date(Date.now() - 86_400_000).toISOString();

  it.each([
    ['no filter', {}, 'audit_events_at_id'],
    ['a deep page', { page: 200 }, 'audit_events_at_id'],
    ['a date range', { from: dayAgo() }, 'audit_events_at_id'],
    ['the actor', { actorId }, 'audit_events_actor_at_id'],
    ['the target', { targetId }, 'audit_events_target_at_id'],
    ['the action', { action: 'user.deleted' as const }, 'audit_events_action_at_id'],
  ])('pages by %s on %s, never a sequential scan', async (_, values, index) => {
    const { rows } = buildListAuditSql(query(values));
    expect(await planOf(orm, rows)).toEqual({ indexes: [index], seqScan: false });
  });

  it('finds the one event of an actor among them, with its total', async () => {
    const page = await new AuditService(orm.em.fork()).list(query({ actorId }));
    expect(page.total).toBe(1);
    expect(page.items.map((e) => [e.action, e.target?.id])).toEqual([['user.deleted', targetId]]);
  });
});
