import type { INestApplication } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import request from 'supertest';
import { createOrmConfig } from '../src/database/mikro-orm.config';
import { DEMO_EXPERIENCES, DEMO_PROVIDERS } from '../src/setup/demo-content';
import { auditEvents, countAuditEvents } from './audit-helpers';
import { bearer, createLoginUser, loginToken } from './auth-helpers';
import { createTestApp } from './http-app';
import { createTestDatabase, quiet, type TestDatabase } from './test-database';

describe('POST /api/setup/reset-demo (SPEC §4) on a real database', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let orm: MikroORM;
  let admin: { id: string; token: string };
  let moderatorToken: string;

  const http = () => request(app.getHttpServer());
  const reset = () => http().post('/api/setup/reset-demo').set(bearer(admin.token));
  const snapshot = async () => ({
    users: await db.query('select * from users order by id'),
    audit: await db.query('select * from audit_events order by id'),
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    orm = await MikroORM.init(createOrmConfig({ clientUrl: db.url, poolMax: 2, logger: quiet }));
    const user = await createLoginUser(orm, { role: 'admin', email: 'setup@example.com', firstName: 'Set', lastName: 'Up' });
    admin = { id: user.id, token: await loginToken(app, user.email) };
    moderatorToken = await loginToken(app, (await createLoginUser(orm, { role: 'moderator' })).email);
  });

  afterAll(async () => {
    await orm.close();
    await app.close();
    await db.drop();
  });

  it('replaces every experience and provider with the demo set, in one event, and leaves users and the audit log alone', async () => {
    // Content of our own, including a provider with an API key.
    await http()
      .post('/api/providers')
      .set(bearer(admin.token))
      .send({ name: 'Mine', kind: 'openai', apiKey: 'sk-mine-0123456789abcdefghij' })
      .expect(201);
    for (const name of ['Mine 1', 'Mine 2', 'Mine 3']) {
      await http().post('/api/experiences').set(bearer(admin.token)).send({ name }).expect(201);
    }
    const before = await snapshot();

    const res = await reset().expect(200);
    expect(res.body.deleted).toEqual({ experiences: 3, providers: 1 });
    expect(res.body.experiences.map((e: { name: string; status: string }) => [e.name, e.status])).toEqual(
      DEMO_EXPERIENCES.map((e) => [e.name, e.status]),
    );
    expect(
      res.body.providers.map((p: { name: string; kind: string; baseUrl: string | null; apiKey: string | null }) => [
        p.name,
        p.kind,
        p.baseUrl,
        p.apiKey,
      ]),
    ).toEqual(DEMO_PROVIDERS.map((p) => [p.name, p.kind, p.baseUrl, null]));

    // The API now serves exactly the demo set, newest first as listed.
    const experiences = (await http().get('/api/experiences').set(bearer(moderatorToken)).expect(200)).body;
    expect(experiences.total).toBe(DEMO_EXPERIENCES.length);
    expect(experiences.items.map((e: { name: string }) => e.name)).toEqual(DEMO_EXPERIENCES.map((e) => e.name));
    const providers = await db.query<{ name: string; api_key_encrypted: string | null }>(
      'select name, api_key_encrypted from providers order by name',
    );
    expect(providers).toEqual(
      DEMO_PROVIDERS.map((p) => ({ name: p.name, api_key_encrypted: null })).sort((a, b) => a.name.localeCompare(b.name)),
    );

    const after = await snapshot();
    expect(after.users).toEqual(before.users);
    // The old events are untouched; exactly one was added.
    expect(after.audit.slice(0, before.audit.length)).toEqual(before.audit);
    expect(after.audit).toHaveLength(before.audit.length + 1);
    const [event] = await auditEvents(db, 'action = $1', ['setup.demo_reset']);
    expect(event).toMatchObject({
      actor_type: 'user',
      actor_id: admin.id,
      actor_email: 'setup@example.com',
      actor_name: 'Set Up',
      target_type: null,
      details: { deleted: { experiences: 3, providers: 1 }, created: { experiences: 5, providers: 2 } },
    });
  });

  it('is repeatable: a second reset gives the same set again', async () => {
    const res = await reset().expect(200);
    expect(res.body.deleted).toEqual({ experiences: DEMO_EXPERIENCES.length, providers: DEMO_PROVIDERS.length });
    const [{ n }] = await db.query<{ n: string }>('select count(*)::text as n from experiences');
    expect(Number(n)).toBe(DEMO_EXPERIENCES.length);
  });

  it('concurrent resets queue on the table lock: always one demo set, one event each', async () => {
    for (let round = 0; round < 5; round++) {
      const events = await countAuditEvents(db);
      const results = await Promise.all([reset(), reset(), reset()]);
      expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
      const counts = await db.query<{ e: string; p: string }>(
        'select (select count(*) from experiences)::text as e, (select count(*) from providers)::text as p',
      );
      expect(counts[0]).toEqual({ e: String(DEMO_EXPERIENCES.length), p: String(DEMO_PROVIDERS.length) });
      expect(await countAuditEvents(db)).toBe(events + 3);
    }
  });

  it('a reset that fails part-way changes nothing and records nothing', async () => {
    await http().post('/api/experiences').set(bearer(admin.token)).send({ name: 'Kept on failure' }).expect(201);
    const before = await db.query('select * from experiences order by id');
    const events = await countAuditEvents(db);
    await db.query(`create function fail_demo_provider() returns trigger language plpgsql as $$
                      begin raise exception 'forced failure'; end; $$`);
    await db.query(`create trigger providers_forced_failure before insert on providers
                      for each row when (new.name = '${DEMO_PROVIDERS[1].name}') execute function fail_demo_provider()`);
    try {
      const res = await reset();
      expect(res.status).toBe(500);
      expect(await db.query('select * from experiences order by id')).toEqual(before);
      expect(await countAuditEvents(db)).toBe(events);
    } finally {
      await db.query('drop trigger providers_forced_failure on providers');
      await db.query('drop function fail_demo_provider()');
    }
  });

  it('needs setup.reset: a moderator gets 403 and nothing changes', async () => {
    const before = await db.query('select id from experiences order by id');
    const res = await http().post('/api/setup/reset-demo').set(bearer(moderatorToken)).expect(403);
    expect(res.body).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      code: 'PERMISSION_DENIED',
      message: 'Missing permission: setup.reset',
    });
    expect(await db.query('select id from experiences order by id')).toEqual(before);
  });
});
