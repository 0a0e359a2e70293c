import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestApp } from './http-app';
import { createTestDatabase, type TestDatabase } from './test-database';

interface Operation {
  security?: unknown[];
  description?: string;
  responses: Record<string, unknown>;
}

describe('the OpenAPI document at /api/docs-json', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let doc: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    doc = (await request(app.getHttpServer()).get('/api/docs-json').expect(200)).body;
  });

  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it('describes every route of the users and auth modules', () => {
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(operations.sort()).toEqual(
      [
        'GET /api/health',
        'POST /api/auth/login',
        'POST /api/auth/logout',
        'GET /api/auth/me',
        'POST /api/auth/change-password',
        'GET /api/users',
        'POST /api/users',
        'GET /api/users/stats',
        'GET /api/users/{id}',
        'PATCH /api/users/{id}',
        'DELETE /api/users/{id}',
        'POST /api/users/{id}/password',
        'POST /api/users/{id}/deactivate',
        'POST /api/users/{id}/activate',
        'GET /api/audit',
        'GET /api/providers',
        'POST /api/providers',
        'GET /api/providers/{id}',
        'PATCH /api/providers/{id}',
        'DELETE /api/providers/{id}',
        'GET /api/experiences',
        'POST /api/experiences',
        'GET /api/experiences/{id}',
        'PATCH /api/experiences/{id}',
        'DELETE /api/experiences/{id}',
        'GET /api/analytics/summary',
        'POST /api/setup/reset-demo',
      ].sort(),
    );
  });

  it('names the permission and the bearer auth of each protected route, and its error responses', () => {
    const list = doc.paths['/api/users'].get;
    expect(list.security).toEqual([{ bearer: [] }]);
    expect(list.description).toContain('users.manage');
    expect(Object.keys(list.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403']));
    const del = doc.paths['/api/users/{id}'].delete;
    expect(Object.keys(del.responses)).toEqual(expect.arrayContaining(['204', '401', '403', '404', '409']));
    expect(doc.paths['/api/auth/login'].post.security).toBeUndefined();
  });

  it('has the DTO and error schemas, and no secret field in the user', () => {
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['UserResponse', 'CreateUserDto', 'UpdateUserDto', 'LoginDto', 'LoginResponseDto', 'ApiErrorResponse']),
    );
    expect(JSON.stringify(doc.components.schemas['UserResponse'])).not.toMatch(/passwordHash|tokenVersion/);
  });

  it('documents the resource routes with their permission, and no sealed key in the provider', () => {
    for (const [path, method, permission] of [
      ['/api/providers', 'post', 'providers.manage'],
      ['/api/experiences', 'get', 'content.read'],
      ['/api/experiences/{id}', 'patch', 'content.write'],
      ['/api/analytics/summary', 'get', 'analytics.view'],
      ['/api/setup/reset-demo', 'post', 'setup.reset'],
    ]) {
      const op = doc.paths[path][method];
      expect([path, method, op.security, op.description]).toEqual([
        path,
        method,
        [{ bearer: [] }],
        `Requires the \`${permission}\` permission.`,
      ]);
    }
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining([
        'ProviderResponse',
        'CreateProviderDto',
        'ExperienceResponse',
        'AnalyticsSummaryResponse',
        'ResetDemoResponseDto',
      ]),
    );
    expect(JSON.stringify(doc.components.schemas['ProviderResponse'])).not.toMatch(/apiKeyEncrypted|apiKeyHint/);
  });

  it('serves Swagger UI at /api/docs', async () => {
    const res = await request(app.getHttpServer()).get('/api/docs').redirects(1).expect(200);
    expect(res.text).toContain('swagger-ui');
  });
});
