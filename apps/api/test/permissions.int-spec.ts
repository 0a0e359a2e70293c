import type { INestApplication } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import request from 'supertest';
import { PERMISSIONS, ROLES, type Permission, type Role, hasPermission } from '@interakt/shared/auth-model';
import { createOrmConfig } from '../src/database/mikro-orm.config';
import { bearer, createLoginUser, loginToken } from './auth-helpers';
import { createTestApp } from './http-app';
import { createTestDatabase, quiet, type TestDatabase } from './test-database';

interface Route {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  permission: Permission | null;
  body?: object;
  /** About one's own account: a signed-in user only, never an application access token. */
  userOnly?: true;
}

const SOME_ID = '6f1c2a9e-8d4b-4c1e-9f3a-2b7d5e6a8c90';

/** Every protected route and what it needs (SPEC §2, §4); logout is left out as it ends the token. */
const ROUTES: Route[] = [
  { method: 'get', path: '/api/auth/me', permission: null, userOnly: true },
  { method: 'post', path: '/api/auth/change-password', permission: null, userOnly: true, body: {} },
  { method: 'get', path: '/api/users', permission: 'users.manage' },
  { method: 'get', path: '/api/users/stats', permission: 'users.manage' },
  { method: 'post', path: '/api/users', permission: 'users.manage', body: {} },
  { method: 'get', path: `/api/users/${SOME_ID}`, permission: 'users.manage' },
  { method: 'patch', path: `/api/users/${SOME_ID}`, permission: 'users.manage', body: { firstName: 'X' } },
  { method: 'post', path: `/api/users/${SOME_ID}/password`, permission: 'users.manage', body: { generatePassword: true } },
  { method: 'post', path: `/api/users/${SOME_ID}/deactivate`, permission: 'users.manage' },
  { method: 'post', path: `/api/users/${SOME_ID}/activate`, permission: 'users.manage' },
  { method: 'delete', path: `/api/users/${SOME_ID}`, permission: 'users.manage' },
  { method: 'get', path: '/api/audit', permission: 'audit.view' },
  { method: 'get', path: '/api/access-tokens', permission: 'tokens.manage' },
  { method: 'post', path: '/api/access-tokens', permission: 'tokens.manage', body: {} },
  { method: 'delete', path: `/api/access-tokens/${SOME_ID}`, permission: 'tokens.manage' },
  { method: 'get', path: '/api/providers', permission: 'providers.manage' },
  { method: 'post', path: '/api/providers', permission: 'providers.manage', body: {} },
  { method: 'get', path: `/api/providers/${SOME_ID}`, permission: 'providers.manage' },
  { method: 'patch', path: `/api/providers/${SOME_ID}`, permission: 'providers.manage', body: { name: 'X' } },
  { method: 'delete', path: `/api/providers/${SOME_ID}`, permission: 'providers.manage' },
  { method: 'get', path: '/api/experiences', permission: 'content.read' },
  { method: 'post', path: '/api/experiences', permission: 'content.write', body: {} },
  { method: 'get', path: `/api/experiences/${SOME_ID}`, permission: 'content.read' },
  { method: 'patch', path: `/api/experiences/${SOME_ID}`, permission: 'content.write', body: { name: 'X' } },
  { method: 'delete', path: `/api/experiences/${SOME_ID}`, permission: 'content.write' },
  { method: 'get', path: '/api/analytics/summary', permission: 'analytics.view' },
  { method: 'post', path: '/api/setup/reset-demo', permission: 'setup.reset' },
  { method: 'post', path: '/api/playground/render', permission: 'playground.use', body: { template: 'Hi {{name}}' } },
];

/** Who calls: a user's login token or an application access token, of each role. */
type Caller = `${Role} ${'user' | 'token'}`;

describe('the permission matrix over HTTP, for every role', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let orm: MikroORM;
  const tokens = {} as Record<Role, string>;
  const callers = {} as Record<Caller, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    orm = await MikroORM.init(createOrmConfig({ clientUrl: db.url, poolMax: 2, logger: quiet }));
    for (const role of ROLES) {
      const user = await createLoginUser(orm, { role, email: `${role}@matrix.test` });
      tokens[role] = await loginToken(app, user.email);
      callers[`${role} user`] = tokens[role];
    }
    for (const role of ROLES) {
      const created = await request(app.getHttpServer())
        .post('/api/access-tokens')
        .set(bearer(tokens.admin))
        .send({ name: `${role} bot`, role })
        .expect(201);
      callers[`${role} token`] = created.body.token;
    }
  });

  afterAll(async () => {
    await orm.close();
    await app.close();
    await db.drop();
  });

  const cases = ROUTES.flatMap((route) =>
    ROLES.flatMap((role) =>
      (['user', 'token'] as const).map(
        (kind) => [`${route.method.toUpperCase()} ${route.path}`, `${role} ${kind}` as Caller, route] as const,
      ),
    ),
  );

  it.each(cases)('%s as %s', async (_, caller, route) => {
    const [role, kind] = caller.split(' ') as [Role, 'user' | 'token'];
    const req = request(app.getHttpServer())[route.method](route.path).set(bearer(callers[caller]));
    const res = await (route.body ? req.send(route.body) : req);
    const allowed = route.userOnly ? kind === 'user' : route.permission === null || hasPermission(role, route.permission);
    if (route.userOnly && !allowed) {
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: 'PERMISSION_DENIED', message: expect.stringContaining('access tokens cannot') });
    } else if (allowed) {
      // Past the guards: whatever the route then says (200, 400 for the empty body, 404 for the unknown id),
      // but never a crash.
      expect(res.status).not.toBe(401);
      expect(res.status).not.toBe(403);
      expect(res.status).toBeLessThan(500);
    } else {
      expect(res.status).toBe(403);
      expect(res.body).toEqual({
        statusCode: 403,
        error: 'Forbidden',
        code: 'PERMISSION_DENIED',
        message: `Missing permission: ${route.permission}`,
      });
    }
  });

  it('guards something real with every permission of SPEC §2', () => {
    expect([...new Set(ROUTES.map((r) => r.permission).filter((p) => p !== null))].sort()).toEqual([...PERMISSIONS].sort());
  });

  it.each(ROUTES.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))('%s without a token is 401', async (_, route) => {
    const res = await request(app.getHttpServer())[route.method](route.path);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('a refused request changes nothing', async () => {
    const before = await db.query('select id, role, status from users order by id');
    await request(app.getHttpServer())
      .post('/api/users')
      .set(bearer(tokens.moderator))
      .send({ firstName: 'M', lastName: 'X', email: 'sneaky@example.com', role: 'admin', password: 'a long enough password' })
      .expect(403);
    await request(app.getHttpServer()).patch(`/api/users/${SOME_ID}`).set(bearer(tokens.user)).send({ role: 'admin' }).expect(403);
    expect(await db.query('select id, role, status from users order by id')).toEqual(before);
  });
});
