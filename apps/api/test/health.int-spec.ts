import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestApp } from './http-app';
import { createTestDatabase, type TestDatabase } from './test-database';

describe('the API over HTTP on a real database', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let adminDir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    adminDir = await mkdtemp(join(tmpdir(), 'interakt-admin-'));
    await writeFile(join(adminDir, 'index.html'), '<!doctype html><title>Interakt Admin</title><adm-root></adm-root>');
    // MIGRATE_ON_START is on by default: the empty database gets its schema at start.
    app = await createTestApp(db.url, {}, adminDir);
  });

  afterAll(async () => {
    await app?.close();
    await db.drop();
    await rm(adminDir, { recursive: true, force: true });
  });

  it('migrated the empty database at start', async () => {
    const rows = await db.query<{ name: string }>('select name from mikro_orm_migrations');
    expect(rows.length).toBeGreaterThan(0);
  });

  it('GET /api/health answers 200 {status:"ok", db:"up"}', async () => {
    const res = await request(app.getHttpServer()).get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', db: 'up' });
  });

  it('serves the admin app at / and leaves /api to the API', async () => {
    const page = await request(app.getHttpServer()).get('/').expect(200);
    expect(page.text).toContain('<adm-root>');
    const deepLink = await request(app.getHttpServer()).get('/admin/users').expect(200);
    expect(deepLink.text).toContain('<adm-root>');
    const missing = await request(app.getHttpServer()).get('/api/no-such-route').expect(404);
    expect(missing.body).toEqual({ statusCode: 404, error: 'Not Found', code: 'NOT_FOUND', message: 'Cannot GET /api/no-such-route' });
  });

  it('answers malformed JSON with 400 VALIDATION_FAILED and no stack', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/health')
      .set('content-type', 'application/json')
      .send('{"email": ')
      .expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'VALIDATION_FAILED' });
    expect(JSON.stringify(res.body)).not.toMatch(/\bat \w+ \(|node_modules/);
  });

  it('answers 503 {status:"error", db:"down"} when the database is gone', async () => {
    await db.drop();
    const res = await request(app.getHttpServer()).get('/api/health').expect(503);
    expect(res.body).toEqual({ status: 'error', db: 'down' });
  });
});
