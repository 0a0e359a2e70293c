import type { INestApplication } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import request from 'supertest';
import { createOrmConfig } from '../src/database/mikro-orm.config';
import { countAuditEvents } from './audit-helpers';
import { bearer, createLoginUser, loginToken } from './auth-helpers';
import { createTestApp } from './http-app';
import { createTestDatabase, quiet, type TestDatabase } from './test-database';

describe('POST /api/playground/render (playground.use) on a real database', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let orm: MikroORM;
  let userToken = '';
  let appToken = '';

  const render = (body: unknown, token = userToken) =>
    request(app.getHttpServer())
      .post('/api/playground/render')
      .set(bearer(token))
      .send(body as object);

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    orm = await MikroORM.init(createOrmConfig({ clientUrl: db.url, poolMax: 2, logger: quiet }));
    userToken = await loginToken(app, (await createLoginUser(orm, { role: 'user' })).email);
    const admin = await loginToken(app, (await createLoginUser(orm, { role: 'admin', email: 'root@example.com' })).email);
    const created = await request(app.getHttpServer())
      .post('/api/access-tokens')
      .set(bearer(admin))
      .send({ name: 'playground bot', role: 'user' })
      .expect(201);
    appToken = created.body.token;
  });

  afterAll(async () => {
    await orm.close();
    await app.close();
    await db.drop();
  });

  it('renders a template for a User, and for an access token of the user role', async () => {
    const body = {
      template: 'Summarise {{topic}} for {{ audience }}; ask about {{topic}} and {{tone}}.',
      variables: { topic: 'engines', audience: 'Ada' },
    };
    const expected = {
      prompt: 'Summarise engines for Ada; ask about engines and {{tone}}.',
      placeholders: ['topic', 'audience', 'tone'],
      missing: ['tone'],
    };
    expect((await render(body).expect(200)).body).toEqual(expected);
    expect((await render(body, appToken).expect(200)).body).toEqual(expected);
    expect((await render({ template: 'No placeholders.' }).expect(200)).body).toEqual({
      prompt: 'No placeholders.',
      placeholders: [],
      missing: [],
    });
  });

  it.each([
    [{}, 'template must be a string'],
    [{ template: '' }, 'template should not be empty'],
    [{ template: 'x'.repeat(20_001) }, 'template must be shorter than or equal to 20000 characters'],
    [{ template: 'x', variables: null }, 'variables must be an object'],
    [{ template: 'x', variables: ['a'] }, 'variables must be an object'],
    [{ template: 'x', variables: { a: 1 } }, 'variables must map at most 100 placeholder names'],
    [{ template: 'x', variables: { '1a': 'x' } }, 'variables must map at most 100 placeholder names'],
    [{ template: 'x', variables: { a: 'x'.repeat(10_001) } }, 'variables must map at most 100 placeholder names'],
    [{ template: 'x', extra: true }, 'property extra should not exist'],
  ])('refuses %j with 400 VALIDATION_FAILED', async (body, message) => {
    const res = await render(body).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(JSON.stringify(res.body.message)).toContain(message);
  });

  it('stores and audits nothing, and needs a token', async () => {
    const before = await countAuditEvents(db);
    await render({ template: 'Hi {{name}}', variables: { name: 'Ada' } }).expect(200);
    expect(await countAuditEvents(db)).toBe(before);
    const res = await request(app.getHttpServer()).post('/api/playground/render').send({ template: 'x' }).expect(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });
});
