import type { INestApplication } from '@nestjs/common';
import type { MikroORM } from '@mikro-orm/postgresql';
import * as bcrypt from 'bcrypt';
import request from 'supertest';
import { createUser, type UserOverrides } from './factories';
import type { User } from '../src/users/user.entity';

/**
 * A password that passes the policy, shared by test users. Not the OpenAPI example of the login
 * body ('correct horse battery staple'), or the no-secrets check would find it in /api/docs-json.
 */
export const GOOD_PASSWORD = 'integration test passphrase 7491';
const GOOD_HASH = bcrypt.hashSync(GOOD_PASSWORD, 4);

/** A persisted user who can sign in with GOOD_PASSWORD. */
export function createLoginUser(orm: MikroORM, overrides: UserOverrides = {}): Promise<User> {
  return createUser(orm.em.fork(), { passwordHash: GOOD_HASH, ...overrides });
}

export async function loginToken(app: INestApplication, email: string, password = GOOD_PASSWORD): Promise<string> {
  const res = await request(app.getHttpServer()).post('/api/auth/login').send({ email, password });
  if (res.status !== 200) throw new Error(`login of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken as string;
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
