import type { INestApplication } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import request from 'supertest';
import { createOrmConfig } from '../src/database/mikro-orm.config';
import { bearer, createLoginUser, loginToken } from './auth-helpers';
import { createTestApp } from './http-app';
import { createTestDatabase, quiet, type TestDatabase } from './test-database';

const ROUNDS = 50;

/**
 * SPEC §3.1 under real concurrency: two API instances (two Nest apps, two connection pools, as
 * two replicas would be) share one PostgreSQL; in each round the two active admins remove each
 * other at the same moment. Without the lock in LastAdminGuardService both requests win and no
 * admin is left (measured: see docs/architecture.md); with it, exactly one wins every round.
 */
describe('the last-admin race across two API instances', () => {
  let db: TestDatabase;
  let replicas: INestApplication[];
  let orm: MikroORM;
  let a: { id: string; token: string };
  let b: { id: string; token: string };

  beforeAll(async () => {
    db = await createTestDatabase();
    replicas = [await createTestApp(db.url), await createTestApp(db.url)];
    orm = await MikroORM.init(createOrmConfig({ clientUrl: db.url, poolMax: 2, logger: quiet }));
    await db.query('delete from users');
    const userA = await createLoginUser(orm, { role: 'admin', email: 'race.a@example.com' });
    const userB = await createLoginUser(orm, { role: 'admin', email: 'race.b@example.com' });
    a = { id: userA.id, token: await loginToken(replicas[0], userA.email) };
    b = { id: userB.id, token: await loginToken(replicas[1], userB.email) };
  });

  afterAll(async () => {
    await orm.close();
    await Promise.all(replicas.map((r) => r.close()));
    await db.drop();
  });

  /** Both admins back, active, with the token version their tokens carry. */
  async function reset(): Promise<void> {
    await db.query(
      `insert into users (id, email, first_name, last_name, role, status, password_hash, token_version, created_at, updated_at)
       select id, email, first_name, last_name, 'admin', 'active', password_hash, 0, created_at, now() from (values
         ($1::uuid, 'race.a@example.com', 'Race', 'A', '$2b$04$C6UzMDM.H6dfI/f/IKcEe.7kPzGgq5mG1cXWgNw9t0dTz/0NmOwG.', now()),
         ($2::uuid, 'race.b@example.com', 'Race', 'B', '$2b$04$C6UzMDM.H6dfI/f/IKcEe.7kPzGgq5mG1cXWgNw9t0dTz/0NmOwG.', now())
       ) as v(id, email, first_name, last_name, password_hash, created_at)
       on conflict (id) do update set role = 'admin', status = 'active', token_version = 0`,
      [a.id, b.id],
    );
  }

  async function activeAdmins(): Promise<number> {
    const [row] = await db.query<{ n: string }>(`select count(*)::text as n from users where role = 'admin' and status = 'active'`);
    return Number(row.n);
  }

  const removals: [string, (server: ReturnType<INestApplication['getHttpServer']>, targetId: string) => request.Test][] = [
    ['demote', (server, id) => request(server).patch(`/api/users/${id}`).send({ role: 'moderator' })],
    ['deactivate', (server, id) => request(server).post(`/api/users/${id}/deactivate`)],
    ['delete', (server, id) => request(server).delete(`/api/users/${id}`)],
  ];

  it.each(removals)(`%s: ${ROUNDS} rounds, never zero active admins, exactly one request wins each round`, async (_, send) => {
    const outcomes: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await reset();
      const [ra, rb] = await Promise.all([
        send(replicas[0].getHttpServer(), b.id).set(bearer(a.token)),
        send(replicas[1].getHttpServer(), a.id).set(bearer(b.token)),
      ]);
      const statuses = [ra.status, rb.status].sort();
      outcomes.push(statuses.join('/'));
      expect(await activeAdmins()).toBe(1);
      // Exactly one wins. The other is refused by the guard (409 LAST_ADMIN), or — when the winner
      // removed the other's account before that request was even authenticated — by the token
      // check (401): a deleted or deactivated admin can no longer act; or by the permission check
      // (403): a demoted admin no longer holds users.manage.
      const winners = [ra, rb].filter((r) => r.status < 300);
      const loser = [ra, rb].find((r) => r.status >= 300);
      expect(winners).toHaveLength(1);
      expect(['409 LAST_ADMIN', '401 UNAUTHENTICATED', '403 PERMISSION_DENIED']).toContain(`${loser?.status} ${loser?.body.code}`);
    }
    expect(outcomes).toHaveLength(ROUNDS);
  });
});
