import type { INestApplication } from '@nestjs/common';
import * as bcrypt from 'bcrypt';
import { FirstAdminService } from '../src/users/first-admin.service';
import { createTestApp, TEST_ENV } from './http-app';
import { createTestDatabase, type TestDatabase } from './test-database';

describe('first admin on an empty database (SPEC §6)', () => {
  let db: TestDatabase;
  let app: INestApplication;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
  });

  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it('was created at start from ADMIN_EMAIL / ADMIN_PASSWORD, active, with a bcrypt hash', async () => {
    const rows = await db.query<{ email: string; role: string; status: string; password_hash: string }>(
      'select email, role, status, password_hash from users',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ email: TEST_ENV.ADMIN_EMAIL, role: 'admin', status: 'active' });
    expect(await bcrypt.compare(TEST_ENV.ADMIN_PASSWORD, rows[0].password_hash)).toBe(true);
  });

  it('is never created again once a user exists', async () => {
    expect(await app.get(FirstAdminService).ensureFirstAdmin()).toBeNull();
    const rows = await db.query('select id from users');
    expect(rows).toHaveLength(1);
  });

  it('generates a 20-character password when none is configured, and several replicas create one admin', async () => {
    const empty = await createTestDatabase();
    const replicas = await Promise.all([
      createTestApp(empty.url, { admin: { email: 'gen@interakt.test' } }),
      createTestApp(empty.url, { admin: { email: 'gen@interakt.test' } }),
    ]);
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await empty.query('delete from users');
      const results = await Promise.all(replicas.map((r) => r.get(FirstAdminService).ensureFirstAdmin()));
      const created = results.filter((r) => r !== null);
      expect(created).toHaveLength(1);
      const password = created[0]?.generatedPassword as string;
      expect(password).toHaveLength(20);
      const rows = await empty.query<{ password_hash: string }>('select password_hash from users');
      expect(rows).toHaveLength(1);
      expect(await bcrypt.compare(password, rows[0].password_hash)).toBe(true);
      const printed = write.mock.calls.map((c) => String(c[0])).join('');
      expect(printed.split(password).length - 1).toBe(1);
    } finally {
      write.mockRestore();
      await Promise.all(replicas.map((r) => r.close()));
      await empty.drop();
    }
  });
});
