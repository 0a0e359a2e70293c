import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import request from 'supertest';
import { createOrmConfig } from '../src/database/mikro-orm.config';
import { bearer, createLoginUser, loginToken } from './auth-helpers';
import { createTestApp } from './http-app';
import { createTestDatabase, quiet, type TestDatabase } from './test-database';

interface EventSpec {
  at: string;
  action: string;
  actor: { type: 'user' | 'token' | 'system'; id: string | null; email?: string | null; name: string | null };
  count?: number;
}

const JANUARY = { from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' };

/** A failed login for an email that belongs to no account, as AuthService records it: no actor id, the attempted email. */
const unknownEmail = (email: string) => ({ type: 'user' as const, id: null, email, name: null });

describe('GET /api/analytics/summary (SPEC §4) on a real database', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let orm: MikroORM;
  const tokens = { admin: '', moderator: '', user: '' };

  const http = () => request(app.getHttpServer());
  const summary = async (query: Record<string, string> = {}, role: keyof typeof tokens = 'moderator') =>
    (await http().get('/api/analytics/summary').query(query).set(bearer(tokens[role])).expect(200)).body;

  /** Events with known times, written as AuditService writes them (the table is append-only). */
  async function insert(events: EventSpec[]): Promise<void> {
    for (const e of events) {
      await db.query(
        `insert into audit_events (at, action, actor_type, actor_id, actor_email, actor_name)
         select $1::timestamptz + make_interval(secs => g), $2, $3, $4, $5, $6 from generate_series(0, $7 - 1) g`,
        [e.at, e.action, e.actor.type, e.actor.id, e.actor.email ?? null, e.actor.name, e.count ?? 1],
      );
    }
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    orm = await MikroORM.init(createOrmConfig({ clientUrl: db.url, poolMax: 2, logger: quiet }));
    for (const role of ['admin', 'moderator', 'user'] as const) {
      tokens[role] = await loginToken(app, (await createLoginUser(orm, { role })).email);
    }
  });

  afterAll(async () => {
    await orm.close();
    await app.close();
    await db.drop();
  });

  describe('over a range with known events', () => {
    const alice = randomUUID();
    const bob = randomUUID();
    const token = randomUUID();

    beforeAll(async () => {
      const aliceOld = { type: 'user' as const, id: alice, email: 'alice@old.example', name: 'Alice Old' };
      const aliceNew = { type: 'user' as const, id: alice, email: 'alice@new.example', name: 'Alice New' };
      const bobActor = { type: 'user' as const, id: bob, email: 'bob@example.com', name: 'Bob B' };
      await insert([
        // Alice: 3 logins, 1 failed login, 2 changes = 6; renamed in between (the newest snapshot wins).
        { at: JANUARY.from, action: 'auth.login', actor: aliceOld, count: 2 },
        { at: '2026-01-05T10:00:00Z', action: 'auth.login_failed', actor: aliceOld },
        { at: '2026-01-06T10:00:00Z', action: 'experience.created', actor: aliceOld },
        { at: '2026-01-20T10:00:00Z', action: 'auth.login', actor: aliceNew },
        { at: '2026-01-31T23:59:59Z', action: 'provider.updated', actor: aliceNew },
        // Bob: 1 login, 6 changes = 7.
        { at: '2026-01-10T08:00:00Z', action: 'auth.login', actor: bobActor },
        { at: '2026-01-10T09:00:00Z', action: 'experience.updated', actor: bobActor, count: 6 },
        // An access token: 4 changes; the system: first start and the CLI.
        { at: '2026-01-15T00:00:00Z', action: 'experience.created', actor: { type: 'token', id: token, name: 'CI deploy' }, count: 4 },
        { at: '2026-01-02T00:00:00Z', action: 'user.created', actor: { type: 'system', id: null, name: 'first-start' } },
        { at: '2026-01-03T00:00:00Z', action: 'user.activated', actor: { type: 'system', id: null, name: 'cli' }, count: 2 },
        // A password spray on emails without an account: 9 failures, more events than anyone, yet nobody's.
        { at: '2026-01-25T03:00:00Z', action: 'auth.login_failed', actor: unknownEmail('ghost@example.com'), count: 5 },
        { at: '2026-01-25T04:00:00Z', action: 'auth.login_failed', actor: unknownEmail('admin@example.com'), count: 4 },
        // Outside [from, to): just before, exactly at `to`, and later.
        { at: '2025-12-31T23:59:57Z', action: 'auth.login', actor: aliceOld, count: 3 }, // up to 23:59:59
        { at: JANUARY.to, action: 'auth.login', actor: bobActor, count: 5 },
        { at: '2026-03-01T00:00:00Z', action: 'experience.deleted', actor: bobActor },
      ]);
    });

    it('totals every event in [from, to): logins, failed logins and changes (not auth.*)', async () => {
      const body = await summary(JANUARY);
      expect(body.from).toBe(JANUARY.from);
      expect(body.to).toBe(JANUARY.to);
      // The 9 failures for unknown emails are events and failed logins, but no active user.
      expect(body.totals).toEqual({ events: 29, logins: 4, failedLogins: 10, changes: 15, activeUsers: 2 });
    });

    it('lists users by activity with their newest email and name snapshot', async () => {
      const body = await summary(JANUARY);
      expect(body.users).toEqual([
        {
          id: bob,
          email: 'bob@example.com',
          name: 'Bob B',
          events: 7,
          logins: 1,
          failedLogins: 0,
          changes: 6,
          lastActivityAt: '2026-01-10T09:00:05.000Z',
        },
        {
          id: alice,
          email: 'alice@new.example',
          name: 'Alice New',
          events: 6,
          logins: 3,
          failedLogins: 1,
          changes: 2,
          lastActivityAt: '2026-01-31T23:59:59.000Z',
        },
      ]);
    });

    it('ranks the top actors of every type', async () => {
      const body = await summary(JANUARY);
      expect(
        body.topActors.map((a: { type: string; id: string | null; name: string; events: number }) => [a.type, a.id, a.name, a.events]),
      ).toEqual([
        // Not the unknown-email failures (9 events): they have no actor to name.
        ['user', bob, 'Bob B', 7],
        ['user', alice, 'Alice New', 6],
        ['token', token, 'CI deploy', 4],
        ['system', null, 'cli', 2],
        ['system', null, 'first-start', 1],
      ]);
      expect(body.topActors[2]).toEqual({
        type: 'token',
        id: token,
        email: null,
        name: 'CI deploy',
        events: 4,
        logins: 0,
        failedLogins: 0,
        changes: 4,
        lastActivityAt: '2026-01-15T00:00:03.000Z',
      });
    });

    it('narrows to a smaller range (from inclusive, to exclusive)', async () => {
      const body = await summary({ from: '2026-01-01', to: '2026-01-10T08:00:00Z' });
      expect(body.totals).toEqual({ events: 7, logins: 2, failedLogins: 1, changes: 4, activeUsers: 1 });
      expect(body.users.map((u: { id: string; email: string }) => [u.id, u.email])).toEqual([[alice, 'alice@old.example']]);
    });

    it('counts failed logins for unknown emails in the totals only, also when they are all there is', async () => {
      const body = await summary({ from: '2026-01-25T00:00:00Z', to: '2026-01-26T00:00:00Z' });
      expect(body).toEqual({
        from: '2026-01-25T00:00:00.000Z',
        to: '2026-01-26T00:00:00.000Z',
        totals: { events: 9, logins: 0, failedLogins: 9, changes: 0, activeUsers: 0 },
        users: [],
        topActors: [],
      });
    });

    it('is empty for a range without events', async () => {
      expect(await summary({ from: '2024-01-01T00:00:00Z', to: '2024-02-01T00:00:00Z' })).toEqual({
        from: '2024-01-01T00:00:00.000Z',
        to: '2024-02-01T00:00:00.000Z',
        totals: { events: 0, logins: 0, failedLogins: 0, changes: 0, activeUsers: 0 },
        users: [],
        topActors: [],
      });
    });
  });

  it('caps the users at 50 and the top actors at 10, and still totals everyone', async () => {
    const range = { from: '2025-06-01T00:00:00Z', to: '2025-06-02T00:00:00Z' };
    // 60 users; user i did i + 1 changes, so the ranking is known.
    await db.query(
      `insert into audit_events (at, action, actor_type, actor_id, actor_email, actor_name)
       select '2025-06-01T12:00:00Z'::timestamptz, 'experience.updated', 'user',
              ('00000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid, 'u' || i || '@example.com', 'User ' || i
         from generate_series(1, 60) i, generate_series(1, i) n`,
    );
    // And 100 failed logins for unknown emails: more than any user, but they take no user's place.
    await insert([{ at: '2025-06-01T13:00:00Z', action: 'auth.login_failed', actor: unknownEmail('spray@example.com'), count: 100 }]);
    const body = await summary(range);
    expect(body.totals).toMatchObject({ events: (60 * 61) / 2 + 100, failedLogins: 100, activeUsers: 60 });
    expect(body.users).toHaveLength(50);
    expect(body.users[0]).toMatchObject({ email: 'u60@example.com', events: 60 });
    expect(body.users[49]).toMatchObject({ email: 'u11@example.com', events: 11 });
    expect(body.topActors.map((a: { email: string }) => a.email)).toEqual(Array.from({ length: 10 }, (_, i) => `u${60 - i}@example.com`));
  });

  it('defaults to the last 30 days, and counts changes made through the API', async () => {
    const writer = await createLoginUser(orm, { role: 'moderator', email: 'writer@example.com', firstName: 'Wri', lastName: 'Ter' });
    const writerToken = await loginToken(app, writer.email);
    for (const name of ['One', 'Two', 'Three']) {
      await http().post('/api/experiences').set(bearer(writerToken)).send({ name }).expect(201);
    }
    const before = Date.now();
    const body = await summary();
    const to = new Date(body.to).getTime();
    expect(to).toBeGreaterThanOrEqual(before - 1000);
    expect(to).toBeLessThanOrEqual(Date.now());
    expect(to - new Date(body.from).getTime()).toBe(30 * 24 * 3600 * 1000);
    expect(body.users.find((u: { id: string }) => u.id === writer.id)).toMatchObject({
      email: 'writer@example.com',
      name: 'Wri Ter',
      changes: 3,
    });
  });

  it('counts the logins the auth module records (consistent with the audit log)', async () => {
    const person = await createLoginUser(orm, { role: 'user', email: 'logins@example.com' });
    for (let i = 0; i < 3; i++) await loginToken(app, person.email);
    const [{ n }] = await db.query<{ n: string }>(
      `select count(*)::text as n from audit_events where action = 'auth.login' and at >= now() - interval '30 days'`,
    );
    expect((await summary()).totals.logins).toBe(Number(n));
  });

  it('counts a failed login for a known email on that user, and one for an unknown email on nobody', async () => {
    const person = await createLoginUser(orm, { role: 'user', email: 'typo-prone@example.com', firstName: 'Ty', lastName: 'Po' });
    const attempt = (email: string) =>
      http().post('/api/auth/login').send({ email, password: 'not the password of anybody here' }).expect(401);
    await attempt('Typo-Prone@example.com ');
    await attempt(person.email);
    for (let i = 0; i < 3; i++) await attempt(`nobody-${i}@example.com`);
    const [recorded] = await db.query<{ known: number; unknown: number; all: number; users: number }>(
      `select count(*) filter (where actor_id = $1)::int as known,
              count(*) filter (where actor_id is null and actor_email like 'nobody-%')::int as unknown,
              count(*) filter (where action = 'auth.login_failed')::int as all,
              count(distinct actor_id) filter (where actor_type = 'user')::int as users
         from audit_events where at >= now() - interval '30 days'`,
      [person.id],
    );
    expect([recorded.known, recorded.unknown]).toEqual([2, 3]);

    const body = await summary();
    expect(body.users.find((u: { id: string }) => u.id === person.id)).toMatchObject({
      email: 'typo-prone@example.com',
      name: 'Ty Po',
      events: 2,
      logins: 0,
      failedLogins: 2,
    });
    expect(body.totals.failedLogins).toBe(recorded.all);
    expect(body.totals.activeUsers).toBe(recorded.users);
    const listed = [...body.users, ...body.topActors].map((a: { id: string | null; email: string | null }) => [a.id, a.email]);
    expect(listed.filter(([, email]) => String(email).startsWith('nobody-'))).toEqual([]);
    expect(body.topActors.filter((a: { type: string; id: string | null }) => a.type !== 'system' && a.id === null)).toEqual([]);
  });

  it.each([
    [{ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, 'from must be before to'],
    [{ from: '2026-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, 'from must be before to'],
    [{ from: '2024-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, 'the range from … to must not exceed 366 days'],
    [{ from: 'yesterday' }, 'from must be a valid ISO 8601 date string'],
    [{ to: '2026-13-01' }, 'to must be a valid ISO 8601 date string'],
    [{ from: '2026-01-01', days: '3' }, 'property days should not exist'],
  ])('refuses %j with 400 (%s)', async (query, message) => {
    const res = await http().get('/api/analytics/summary').query(query).set(bearer(tokens.admin)).expect(400);
    expect(res.body).toEqual({ statusCode: 400, error: 'Bad Request', code: 'VALIDATION_FAILED', message: [message] });
  });

  it('needs analytics.view: admins and moderators read it, users get 403', async () => {
    await summary(JANUARY, 'admin');
    const res = await http().get('/api/analytics/summary').set(bearer(tokens.user)).expect(403);
    expect(res.body).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      code: 'PERMISSION_DENIED',
      message: 'Missing permission: analytics.view',
    });
  });
});
