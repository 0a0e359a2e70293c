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

  /**
   * Endpoint → what it needs, as the document states it: the reviewed snapshot of the permission
   * matrix (a change here is a permission change). `public`: no token; `signed-in`: any token.
   */
  it('describes every route with the permission it needs', () => {
    const needs = (op: Operation) => {
      if (!op.security) return 'public';
      const permission = /Requires the `([a-z.]+)` permission/.exec(op.description ?? '');
      return permission ? permission[1] : 'signed-in';
    };
    const operations = Object.fromEntries(
      Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([m, op]) => [`${m.toUpperCase()} ${path}`, needs(op)])),
    );
    expect(operations).toEqual({
      'GET /api/health': 'public',
      'POST /api/auth/login': 'public',
      'POST /api/auth/logout': 'signed-in',
      'GET /api/auth/me': 'signed-in',
      'POST /api/auth/change-password': 'signed-in',
      'GET /api/users': 'users.manage',
      'POST /api/users': 'users.manage',
      'GET /api/users/stats': 'users.manage',
      'GET /api/users/{id}': 'users.manage',
      'PATCH /api/users/{id}': 'users.manage',
      'DELETE /api/users/{id}': 'users.manage',
      'POST /api/users/{id}/password': 'users.manage',
      'POST /api/users/{id}/deactivate': 'users.manage',
      'POST /api/users/{id}/activate': 'users.manage',
      'GET /api/audit': 'audit.view',
      'POST /api/access-tokens': 'tokens.manage',
      'GET /api/access-tokens': 'tokens.manage',
      'DELETE /api/access-tokens/{id}': 'tokens.manage',
      'GET /api/providers': 'providers.manage',
      'POST /api/providers': 'providers.manage',
      'GET /api/providers/{id}': 'providers.manage',
      'PATCH /api/providers/{id}': 'providers.manage',
      'DELETE /api/providers/{id}': 'providers.manage',
      'GET /api/experiences': 'content.read',
      'POST /api/experiences': 'content.write',
      'GET /api/experiences/{id}': 'content.read',
      'PATCH /api/experiences/{id}': 'content.write',
      'DELETE /api/experiences/{id}': 'content.write',
      'GET /api/analytics/summary': 'analytics.view',
      'POST /api/setup/reset-demo': 'setup.reset',
      'POST /api/playground/render': 'playground.use',
    });
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
      ['/api/playground/render', 'post', 'playground.use'],
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
