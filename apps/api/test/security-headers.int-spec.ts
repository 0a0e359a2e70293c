import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestApp } from './http-app';
import { createTestDatabase, type TestDatabase } from './test-database';

describe('security headers, caching and CORS', () => {
  let db: TestDatabase;
  let adminDir: string;
  let app: INestApplication;
  let corsApp: INestApplication;
  const ORIGIN = 'https://admin.example.com';

  beforeAll(async () => {
    db = await createTestDatabase();
    adminDir = await mkdtemp(join(tmpdir(), 'interakt-admin-'));
    await writeFile(join(adminDir, 'index.html'), '<!doctype html><title>Interakt Admin</title><adm-root></adm-root>');
    app = await createTestApp(db.url, {}, adminDir);
    corsApp = await createTestApp(db.url, { corsOrigins: [ORIGIN, 'http://localhost:4200'] });
  });

  afterAll(async () => {
    await corsApp.close();
    await app.close();
    await db.drop();
    await rm(adminDir, { recursive: true, force: true });
  });

  it('serves the admin app with a strict Content-Security-Policy and helmet headers, cacheable', async () => {
    const res = await request(app.getHttpServer()).get('/').expect(200);
    expect(res.text).toContain('<adm-root>');
    const csp = Object.fromEntries(
      String(res.headers['content-security-policy'])
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values.join(' ')]),
    );
    expect(csp).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data:",
      'font-src': "'self' data:",
      'connect-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'self'",
      'form-action': "'self'",
      'frame-ancestors': "'none'",
    });
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
    });
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['cache-control']).not.toContain('no-store');
    // A deep link of the Angular router gets the app too.
    await request(app.getHttpServer()).get('/admin/users').expect(200);
  });

  it('marks every API answer Cache-Control: no-store, errors included, and gives it a request id', async () => {
    for (const path of ['/api/health', '/api/users', '/api/nothing-here']) {
      const res = await request(app.getHttpServer()).get(path);
      expect([path, res.headers['cache-control']]).toEqual([path, 'no-store']);
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
    const traced = await request(app.getHttpServer()).get('/api/health').set('X-Request-Id', 'lb-trace.42');
    expect(traced.headers['x-request-id']).toBe('lb-trace.42');
    const forged = await request(app.getHttpServer()).get('/api/health').set('X-Request-Id', 'bad id\twith spaces');
    expect(forged.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers CORS only for the exact origins in CORS_ORIGINS, without credentials', async () => {
    const preflight = await request(corsApp.getHttpServer())
      .options('/api/auth/login')
      .set('Origin', ORIGIN)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type,authorization');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();

    for (const origin of ['https://evil.example.com', 'https://admin.example.com.evil.com', 'http://admin.example.com']) {
      const res = await request(corsApp.getHttpServer()).get('/api/health').set('Origin', origin);
      expect([origin, res.headers['access-control-allow-origin']]).toEqual([origin, undefined]);
    }
    // Without CORS_ORIGINS: same origin only, no CORS headers for anyone.
    const none = await request(app.getHttpServer()).get('/api/health').set('Origin', ORIGIN);
    expect(none.headers['access-control-allow-origin']).toBeUndefined();
  });
});
