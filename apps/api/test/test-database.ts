import { randomBytes } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { withDatabase } from '../src/database/database-url';
import { runMigrations } from '../src/database/migrate';
import { createOrmConfig } from '../src/database/mikro-orm.config';

export interface TestDatabase {
  url: string;
  name: string;
  /** Runs SQL on the test database through its own connection. */
  query<T extends object = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

function serverUrl(): string {
  const url = process.env['TEST_DATABASE_URL'];
  if (!url) throw new Error('TEST_DATABASE_URL is not set: the jest globalSetup starts the test PostgreSQL');
  return url;
}

async function onServer<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: withDatabase(serverUrl(), 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database on the test server, for one spec file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `interakt_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  await onServer((c) => c.query(`create database "${name}"`));
  const url = withDatabase(serverUrl(), name);
  return {
    url,
    name,
    async query<T extends object>(sql: string, params: unknown[] = []) {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows as T[];
      } finally {
        await client.end();
      }
    },
    async drop() {
      await onServer((c) => c.query(`drop database if exists "${name}" with (force)`));
    },
  };
}

/** A fresh database with every migration applied, and an ORM on it. */
/** MikroORM's migrator messages would only clutter the test output. */
export const quiet = (): void => undefined;

export async function createMigratedDatabase(): Promise<{ db: TestDatabase; orm: MikroORM }> {
  const db = await createTestDatabase();
  const orm = await MikroORM.init(createOrmConfig({ clientUrl: db.url, poolMax: 4, logger: quiet }));
  await runMigrations(orm);
  return { db, orm };
}

/** Index names, and whether a sequential scan appears, in the EXPLAIN (FORMAT JSON) plan of a statement. */
export async function planOf(
  orm: MikroORM,
  { sql, params }: { sql: string; params: unknown[] },
): Promise<{ indexes: string[]; seqScan: boolean }> {
  const [row] = await orm.em.getConnection().execute<{ 'QUERY PLAN': unknown }[]>(`explain (format json) ${sql}`, params);
  const plan = JSON.stringify(row['QUERY PLAN']);
  const indexes = [...new Set([...plan.matchAll(/"Index Name":"([^"]+)"/g)].map((m) => m[1]))].sort();
  return { indexes, seqScan: plan.includes('"Node Type":"Seq Scan"') };
}
