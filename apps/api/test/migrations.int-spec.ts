import { MikroORM } from '@mikro-orm/postgresql';
import { runMigrations } from '../src/database/migrate';
import { MIGRATIONS } from '../src/database/migrations';
import { createOrmConfig } from '../src/database/mikro-orm.config';
import { createTestDatabase, quiet, type TestDatabase } from './test-database';

describe('migrations on an empty database', () => {
  let db: TestDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init(createOrmConfig({ clientUrl: db.url, poolMax: 4, logger: quiet }));
  });

  afterAll(async () => {
    await orm.close();
    await db.drop();
  });

  it('applies every migration, in order, exactly once', async () => {
    const applied = await runMigrations(orm);
    expect(applied).toEqual(MIGRATIONS.map((m) => m.name));
    const rows = await db.query<{ name: string }>('select name from mikro_orm_migrations order by id');
    expect(rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
    expect(await runMigrations(orm)).toEqual([]);
  });

  it('creates the users table with the columns of SPEC §4', async () => {
    const columns = await db.query<{ column_name: string; data_type: string; is_nullable: string }>(
      `select column_name, data_type, is_nullable from information_schema.columns
        where table_name = 'users' order by ordinal_position`,
    );
    expect(columns.map((c) => [c.column_name, c.data_type, c.is_nullable])).toEqual([
      ['id', 'uuid', 'NO'],
      ['email', 'character varying', 'NO'],
      ['first_name', 'character varying', 'NO'],
      ['last_name', 'character varying', 'NO'],
      ['role', 'text', 'NO'],
      ['status', 'text', 'NO'],
      ['password_hash', 'character varying', 'NO'],
      ['token_version', 'integer', 'NO'],
      ['created_at', 'timestamp with time zone', 'NO'],
      ['updated_at', 'timestamp with time zone', 'NO'],
      ['last_login_at', 'timestamp with time zone', 'YES'],
      ['search_text', 'text', 'YES'],
    ]);
    const indexes = await db.query<{ indexdef: string }>(`select indexdef from pg_indexes where tablename = 'users' order by indexname`);
    expect(indexes.map((i) => i.indexdef)).toEqual([
      'CREATE INDEX users_created_at_id ON public.users USING btree (created_at, id)',
      'CREATE UNIQUE INDEX users_email_lower_unique ON public.users USING btree (lower((email)::text))',
      "CREATE INDEX users_full_name_sort ON public.users USING btree (lower((((first_name)::text || ' '::text) || (last_name)::text)), id)",
      'CREATE UNIQUE INDEX users_pkey ON public.users USING btree (id)',
      'CREATE INDEX users_role_id ON public.users USING btree (role, id)',
      'CREATE INDEX users_role_status_created_at_id ON public.users USING btree (role, status, created_at, id)',
      'CREATE INDEX users_search_text_trgm ON public.users USING gin (search_text gin_trgm_ops)',
      'CREATE INDEX users_status_id ON public.users USING btree (status, id)',
    ]);
    // The search column is computed by PostgreSQL from the names and the email, lower-cased.
    await db.query(`insert into users (id, email, first_name, last_name, password_hash, created_at, updated_at)
                    values (gen_random_uuid(), 'Ada@Analytical.Example', 'Ada', 'Lovelace', 'h', now(), now())`);
    const [row] = await db.query<{ search_text: string }>(`select search_text from users where email = 'Ada@Analytical.Example'`);
    expect(row.search_text).toBe('ada lovelace\x1fada@analytical.example');
    await db.query(`update users set last_name = 'Byron' where email = 'Ada@Analytical.Example'`);
    const [renamed] = await db.query<{ search_text: string }>(`select search_text from users where email = 'Ada@Analytical.Example'`);
    expect(renamed.search_text).toBe('ada byron\x1fada@analytical.example');
    await db.query(`delete from users where email = 'Ada@Analytical.Example'`);
  });

  it('refuses roles and statuses outside the SPEC at the database', async () => {
    await expect(
      db.query(`insert into users (id, email, first_name, last_name, role, password_hash, created_at, updated_at)
                values (gen_random_uuid(), 'x@y.z', 'a', 'b', 'superuser', 'h', now(), now())`),
    ).rejects.toThrow(/users_role_check/);
    await expect(
      db.query(`insert into users (id, email, first_name, last_name, status, password_hash, created_at, updated_at)
                values (gen_random_uuid(), 'x@y.z', 'a', 'b', 'deleted', 'h', now(), now())`),
    ).rejects.toThrow(/users_status_check/);
  });

  it('leaves nothing for the ORM to change: entities and migrations agree', async () => {
    const diff = await orm.schema.getUpdateSchemaSQL({ wrap: false, safe: false });
    const statements = diff
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
    expect(statements).toEqual([]);
  });

  it('lets two processes migrate at once: one applies, the other waits and finds nothing', async () => {
    const fresh = await createTestDatabase();
    const a = await MikroORM.init(createOrmConfig({ clientUrl: fresh.url, poolMax: 2, logger: quiet }));
    const b = await MikroORM.init(createOrmConfig({ clientUrl: fresh.url, poolMax: 2, logger: quiet }));
    try {
      const [ra, rb] = await Promise.all([runMigrations(a), runMigrations(b)]);
      expect([...ra, ...rb]).toEqual(MIGRATIONS.map((m) => m.name));
      const rows = await fresh.query<{ n: string }>('select count(*)::text as n from mikro_orm_migrations');
      expect(rows[0].n).toBe(String(MIGRATIONS.length));
    } finally {
      await a.close();
      await b.close();
      await fresh.drop();
    }
  });

  it('rolls every migration back down to an empty schema', async () => {
    const fresh = await createTestDatabase();
    const sut = await MikroORM.init(createOrmConfig({ clientUrl: fresh.url, poolMax: 2, logger: quiet }));
    try {
      await runMigrations(sut);
      await sut.migrator.down({ to: 0 });
      const tables = await fresh.query<{ table_name: string }>(
        `select table_name from information_schema.tables where table_schema = 'public' and table_name <> 'mikro_orm_migrations'`,
      );
      expect(tables).toEqual([]);
    } finally {
      await sut.close();
      await fresh.drop();
    }
  });
});
