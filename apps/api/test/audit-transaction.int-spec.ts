import type { INestApplication } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import request from 'supertest';
import { createOrmConfig } from '../src/database/mikro-orm.config';
import { bearer, createLoginUser, loginToken } from './auth-helpers';
import { auditEvents, countAuditEvents } from './audit-helpers';
import { createTestApp } from './http-app';
import { createTestDatabase, quiet, type TestDatabase } from './test-database';

/** What one case changes: the request, and the rows it would change as the database holds them. */
interface Prepared {
  send(): request.Test;
  state(): Promise<unknown>;
}

/**
 * The change and its audit event share one transaction (docs/architecture.md, Audit log): when the
 * audit insert itself fails, the change is rolled back too. A temporary BEFORE INSERT trigger on
 * audit_events raises for one action only; everything else (the sign-in, the setup) still records.
 */
describe('a change whose audit insert fails is rolled back with it', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let orm: MikroORM;
  let adminToken: string;
  const http = () => request(app.getHttpServer());
  const asAdmin = () => bearer(adminToken);

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    orm = await MikroORM.init(createOrmConfig({ clientUrl: db.url, poolMax: 2, logger: quiet }));
    const admin = await createLoginUser(orm, { email: 'rollback.admin@example.com', role: 'admin' });
    adminToken = await loginToken(app, admin.email);
    await db.query(`create function fail_audit_insert() returns trigger language plpgsql as $$
      begin raise exception 'forced audit failure for %', new.action; end; $$`);
  });

  afterEach(async () => {
    await db.query('drop trigger if exists audit_insert_fails on audit_events');
  });

  afterAll(async () => {
    await db.query('drop function if exists fail_audit_insert()');
    await orm.close();
    await app.close();
    await db.drop();
  });

  async function failAuditInsertOf(action: string): Promise<void> {
    await db.query(`create trigger audit_insert_fails before insert on audit_events
      for each row when (new.action = '${action}') execute function fail_audit_insert()`);
  }

  const cases: [string, string, number, () => Promise<Prepared>][] = [
    [
      'a user role change (with a rename in the same PATCH)',
      'user.role_changed',
      200,
      async () => {
        const user = await createLoginUser(orm, { email: 'rollback.role@example.com', role: 'user', firstName: 'Before' });
        return {
          send: () => http().patch(`/api/users/${user.id}`).set(asAdmin()).send({ role: 'moderator', firstName: 'After' }),
          state: () => db.query('select role, first_name, token_version, updated_at from users where id = $1', [user.id]),
        };
      },
    ],
    [
      'a provider create',
      'provider.created',
      201,
      async () => ({
        send: () =>
          http()
            .post('/api/providers')
            .set(asAdmin())
            .send({ name: 'Rollback AI', kind: 'openai', apiKey: 'sk-rollback-0123456789abcdefgh' }),
        state: () => db.query(`select id, name from providers where lower(name) = 'rollback ai'`),
      }),
    ],
    [
      'an experience update',
      'experience.updated',
      200,
      async () => {
        const { id } = (await http().post('/api/experiences').set(asAdmin()).send({ name: 'Before', description: 'v1' }).expect(201)).body;
        return {
          send: () => http().patch(`/api/experiences/${id}`).set(asAdmin()).send({ name: 'After', status: 'published' }),
          state: () => db.query('select name, description, status, updated_at from experiences where id = $1', [id]),
        };
      },
    ],
    [
      'an access-token create',
      'token.created',
      201,
      async () => ({
        send: () => http().post('/api/access-tokens').set(asAdmin()).send({ name: 'Rollback bot', role: 'user' }),
        state: () => db.query(`select id, name from access_tokens where name = 'Rollback bot'`),
      }),
    ],
  ];

  it.each(cases)('%s (%s): 500, no change, no event; without the trigger it succeeds', async (_, action, okStatus, prepare) => {
    const { send, state } = await prepare();
    const before = await state();
    const events = await countAuditEvents(db);

    await failAuditInsertOf(action);
    const failed = await send();
    expect([failed.status, failed.body]).toEqual([
      500,
      { statusCode: 500, error: 'Internal Server Error', code: 'INTERNAL_ERROR', message: expect.any(String) },
    ]);
    expect(failed.text).not.toMatch(/forced audit failure|trigger|audit_events/);
    expect(await state()).toEqual(before);
    expect(await countAuditEvents(db)).toBe(events);

    // The same request, once the audit insert works again: the change and its event are written.
    await db.query('drop trigger audit_insert_fails on audit_events');
    const [{ mark }] = await db.query<{ mark: string }>('select coalesce(max(id), 0)::text as mark from audit_events');
    expect((await send()).status).toBe(okStatus);
    expect(await state()).not.toEqual(before);
    expect((await auditEvents(db, 'id > $1', [mark])).map((e) => e.action)).toContain(action);
  });

  it('left only the append-only triggers on audit_events', async () => {
    const rows = await db.query<{ tgname: string }>(
      `select tgname from pg_trigger where tgrelid = 'audit_events'::regclass and not tgisinternal order by tgname`,
    );
    expect(rows.map((r) => r.tgname)).toEqual(['audit_events_no_delete', 'audit_events_no_truncate', 'audit_events_no_update']);
  });
});
