import type { INestApplication } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import request from 'supertest';
import { createOrmConfig } from '../src/database/mikro-orm.config';
import { auditEvents, countAuditEvents } from './audit-helpers';
import { bearer, createLoginUser, loginToken } from './auth-helpers';
import { createTestApp } from './http-app';
import { createTestDatabase, quiet, type TestDatabase } from './test-database';

const UNKNOWN_ID = '6f1c2a9e-8d4b-4c1e-9f3a-2b7d5e6a8c90';

describe('experiences routes (SPEC §4 Resources) on a real database', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let orm: MikroORM;
  const tokens = { admin: '', moderator: '', user: '' };
  let moderator: { id: string; email: string };

  const http = () => request(app.getHttpServer());
  const as = (role: keyof typeof tokens) => bearer(tokens[role]);
  const countExperiences = async () => Number((await db.query<{ n: string }>('select count(*)::text as n from experiences'))[0].n);
  const create = (body: object, role: keyof typeof tokens = 'moderator') => http().post('/api/experiences').set(as(role)).send(body);

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    orm = await MikroORM.init(createOrmConfig({ clientUrl: db.url, poolMax: 2, logger: quiet }));
    for (const role of ['admin', 'user'] as const) tokens[role] = await loginToken(app, (await createLoginUser(orm, { role })).email);
    const mod = await createLoginUser(orm, { role: 'moderator', email: 'mo@example.com', firstName: 'Mo', lastName: 'Derator' });
    moderator = { id: mod.id, email: mod.email };
    tokens.moderator = await loginToken(app, mod.email);
  });

  afterAll(async () => {
    await orm.close();
    await app.close();
    await db.drop();
  });

  describe('writes', () => {
    it('a moderator creates an experience (201): trimmed, draft and empty description by default', async () => {
      const res = await create({ name: '  Support bot  ' }).expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        name: 'Support bot',
        description: '',
        status: 'draft',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const full = await create({ name: 'FAQ', description: 'Answers questions', status: 'published' }, 'admin').expect(201);
      expect(full.body).toMatchObject({ name: 'FAQ', description: 'Answers questions', status: 'published' });
    });

    it.each([
      [{}, 'name must be a string'],
      [{ name: '  ' }, 'name should not be empty'],
      [{ name: null }, 'name must be a string'],
      [{ name: 'x'.repeat(201) }, 'name must be shorter than or equal to 200 characters'],
      [{ name: 'A', description: 'd'.repeat(2001) }, 'description must be shorter than or equal to 2000 characters'],
      [{ name: 'A', description: null }, 'description must be a string'],
      [{ name: 'A', status: 'live' }, 'status must be one of draft, published, archived'],
      [{ name: 'A', status: null }, 'status must be one of draft, published, archived'],
      [{ name: 'A', id: UNKNOWN_ID }, 'property id should not exist'],
      [{ name: 'A', createdAt: '2020-01-01T00:00:00Z' }, 'property createdAt should not exist'],
    ])('refuses %j with 400 VALIDATION_FAILED (%s) and writes nothing', async (body, message) => {
      const [experiences, events] = [await countExperiences(), await countAuditEvents(db)];
      const res = await create(body).expect(400);
      expect(res.body).toEqual({ statusCode: 400, error: 'Bad Request', code: 'VALIDATION_FAILED', message: [message] });
      expect(await countExperiences()).toBe(experiences);
      expect(await countAuditEvents(db)).toBe(events);
    });

    it('accepts the longest name and description', async () => {
      await create({ name: 'n'.repeat(200), description: 'd'.repeat(2000) }).expect(201);
    });

    it('PATCH changes what it names; DELETE removes (204, then 404)', async () => {
      const { id } = (await create({ name: 'Draft one', description: 'first' })).body;
      const res = await http()
        .patch(`/api/experiences/${id}`)
        .set(as('moderator'))
        .send({ status: 'published', description: '' })
        .expect(200);
      expect(res.body).toMatchObject({ id, name: 'Draft one', description: '', status: 'published' });
      const refused = await http().patch(`/api/experiences/${id}`).set(as('moderator')).send({ name: null }).expect(400);
      expect(refused.body.message).toEqual(['name must be a string']);
      await http().patch(`/api/experiences/${id}`).set(as('moderator')).send({ owner: 'x' }).expect(400);
      await http().delete(`/api/experiences/${id}`).set(as('moderator')).expect(204);
      expect((await http().delete(`/api/experiences/${id}`).set(as('moderator')).expect(404)).body).toEqual({
        statusCode: 404,
        error: 'Not Found',
        code: 'NOT_FOUND',
        message: 'No experience with this id',
      });
    });

    it('404 NOT_FOUND for unknown ids, 400 for malformed ones', async () => {
      for (const [method, body] of [
        ['get', undefined],
        ['patch', { name: 'X' }],
        ['delete', undefined],
      ] as const) {
        const unknown = await http()[method](`/api/experiences/${UNKNOWN_ID}`).set(as('admin')).send(body);
        expect([method, unknown.status, unknown.body.code]).toEqual([method, 404, 'NOT_FOUND']);
        const malformed = await http()[method]('/api/experiences/42').set(as('admin')).send(body);
        expect([method, malformed.status, malformed.body.code]).toEqual([method, 400, 'VALIDATION_FAILED']);
      }
    });
  });

  describe('permissions', () => {
    it('a user reads but cannot write (403 naming content.write)', async () => {
      const { id } = (await create({ name: 'Readable' })).body;
      await http().get('/api/experiences').set(as('user')).expect(200);
      expect((await http().get(`/api/experiences/${id}`).set(as('user')).expect(200)).body.name).toBe('Readable');
      const before = await countExperiences();
      for (const res of [
        await http().post('/api/experiences').set(as('user')).send({ name: 'Nope' }),
        await http().patch(`/api/experiences/${id}`).set(as('user')).send({ name: 'Nope' }),
        await http().delete(`/api/experiences/${id}`).set(as('user')),
      ]) {
        expect(res.status).toBe(403);
        expect(res.body).toEqual({
          statusCode: 403,
          error: 'Forbidden',
          code: 'PERMISSION_DENIED',
          message: 'Missing permission: content.write',
        });
      }
      expect(await countExperiences()).toBe(before);
      expect((await http().get(`/api/experiences/${id}`).set(as('user')).expect(200)).body.name).toBe('Readable');
    });
  });

  describe('GET /api/experiences', () => {
    let ids: string[];

    beforeAll(async () => {
      await db.query('delete from experiences');
      // Known creation times, a minute apart: index 0 is the oldest.
      const rows = [
        ['Alpha support', 'Handles 100% of tickets', 'published'],
        ['Beta onboarding', 'New hires', 'draft'],
        ['Gamma search', 'Wiki search for support_team', 'draft'],
        ['Delta campaign', 'Seasonal', 'archived'],
        ['Epsilon SUPPORT', 'Escalations', 'published'],
      ];
      ids = [];
      for (const [i, [name, description, status]] of rows.entries()) {
        const [{ id }] = await db.query<{ id: string }>(
          `insert into experiences (id, name, description, status, created_at, updated_at)
           values (gen_random_uuid(), $1, $2, $3, timestamptz '2026-01-01T00:00:00Z' + make_interval(mins => $4), now())
           returning id`,
          [name, description, status, i],
        );
        ids.push(id);
      }
    });

    const list = async (query: Record<string, string | number>) =>
      (await http().get('/api/experiences').query(query).set(as('user')).expect(200)).body;

    it('lists newest first with total, page and pageSize (default 20)', async () => {
      const body = await list({});
      expect(body).toMatchObject({ total: 5, page: 1, pageSize: 20 });
      expect(body.items.map((e: { id: string }) => e.id)).toEqual([...ids].reverse());
    });

    it('paginates', async () => {
      const page2 = await list({ page: 2, pageSize: 2 });
      expect(page2).toMatchObject({ total: 5, page: 2, pageSize: 2 });
      expect(page2.items.map((e: { name: string }) => e.name)).toEqual(['Gamma search', 'Beta onboarding']);
      expect((await list({ page: 4, pageSize: 2 })).items).toEqual([]);
    });

    it('filters by status and searches name and description case-insensitively, % and _ literal', async () => {
      const names = async (query: Record<string, string>) => (await list(query)).items.map((e: { name: string }) => e.name);
      expect(await names({ status: 'draft' })).toEqual(['Gamma search', 'Beta onboarding']);
      expect(await names({ search: 'support' })).toEqual(['Epsilon SUPPORT', 'Gamma search', 'Alpha support']);
      expect(await names({ search: 'SUPPORT', status: 'published' })).toEqual(['Epsilon SUPPORT', 'Alpha support']);
      expect(await names({ search: '100%' })).toEqual(['Alpha support']);
      expect(await names({ search: '%' })).toEqual(['Alpha support']);
      expect(await names({ search: 'support_' })).toEqual(['Gamma search']);
      expect(await names({ search: '  hires ' })).toEqual(['Beta onboarding']);
      expect((await list({ search: 'nothing like this' })).total).toBe(0);
    });

    it.each([{ status: 'live' }, { page: '0' }, { pageSize: '101' }, { pageSize: 'x' }, { search: 's'.repeat(201) }, { sort: 'name' }])(
      'refuses %j with 400',
      async (query) => {
        const res = await http().get('/api/experiences').query(query).set(as('user')).expect(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
      },
    );
  });

  describe('audit', () => {
    it('records exactly one event per write with actor, target and the changed fields; a no-op writes none', async () => {
      const { id } = (await create({ name: 'Audited', description: 'v1' })).body;
      const patch = (body: object) => http().patch(`/api/experiences/${id}`).set(as('moderator')).send(body).expect(200);
      await patch({ name: 'Audited 2', status: 'published' });
      await patch({ name: 'Audited 2', description: 'v1' }); // nothing changes
      await patch({});
      await patch({ description: 'v2' });
      await http().delete(`/api/experiences/${id}`).set(as('moderator')).expect(204);

      const actor = { actor_type: 'user', actor_id: moderator.id, actor_email: 'mo@example.com', actor_name: 'Mo Derator' };
      const events = await auditEvents(db, 'target_id = $1', [id]);
      expect(events.map(({ id: _id, ...event }) => event)).toEqual(
        [
          ['experience.created', 'Audited', { after: { name: 'Audited', description: 'v1', status: 'draft' } }],
          [
            'experience.updated',
            'Audited 2',
            { before: { name: 'Audited', status: 'draft' }, after: { name: 'Audited 2', status: 'published' } },
          ],
          ['experience.updated', 'Audited 2', { before: { description: 'v1' }, after: { description: 'v2' } }],
          ['experience.deleted', 'Audited 2', { before: { name: 'Audited 2', description: 'v2', status: 'published' } }],
        ].map(([action, label, details]) => ({ action, ...actor, target_type: 'experience', target_id: id, target_label: label, details })),
      );
    });

    it('a write that fails in the database leaves neither the change nor an event', async () => {
      await db.query(`create function fail_experience_write() returns trigger language plpgsql as $$
                        begin raise exception 'forced failure'; end; $$`);
      await db.query(`create trigger experiences_forced_failure before insert or update on experiences
                        for each row when (new.name = 'Boom') execute function fail_experience_write()`);
      try {
        const { id } = (await create({ name: 'Survivor' }).expect(201)).body;
        const [experiences, events] = [await countExperiences(), await countAuditEvents(db)];
        const created = await create({ name: 'Boom' });
        expect(created.status).toBe(500);
        expect(created.body.code).toBe('INTERNAL_ERROR');
        await http().patch(`/api/experiences/${id}`).set(as('moderator')).send({ name: 'Boom' }).expect(500);
        expect(await countExperiences()).toBe(experiences);
        expect(await countAuditEvents(db)).toBe(events);
        expect((await http().get(`/api/experiences/${id}`).set(as('user')).expect(200)).body.name).toBe('Survivor');
      } finally {
        await db.query('drop trigger experiences_forced_failure on experiences');
        await db.query('drop function fail_experience_write()');
      }
    });
  });
});
