import { Client } from 'pg';
import { isoTimestamp } from '../src/database/pg-timestamp';
import { createTestDatabase, type TestDatabase } from './test-database';

/** Timestamps as PostgreSQL prints them in `zone` (text), next to the instant pg's own parser makes of them. */
async function printed(db: TestDatabase, zone: string): Promise<{ text: string; instant: Date }[]> {
  const client = new Client({ connectionString: db.url, options: `-c TimeZone=${zone}` });
  await client.connect();
  try {
    const { rows } = await client.query<{ text: string; instant: Date }>(`
      with t(v) as (
        select timestamptz '2019-06-30 22:00:00+00' + random() * interval '3000 days' from generate_series(1, 1500)
        union all select date_trunc('second', timestamptz '2019-01-01 00:00:00+00' + random() * interval '3000 days') from generate_series(1, 100)
        union all select date_trunc('milliseconds', timestamptz '2019-01-01 00:00:00+00' + random() * interval '3000 days') from generate_series(1, 100)
        union all select v::timestamptz from (values ('2026-12-04 11:28:05.4+00'), ('2026-12-04 11:28:05.12+00'), ('2026-12-31 23:59:59.999999+00'),
          ('0999-01-01 00:00:00+00'), ('2024-02-29 12:00:00.000001+00'), ('1970-01-01 00:00:00+00')) as fixed(v)
      )
      select v::text as text, v as instant from t`);
    return rows;
  } finally {
    await client.end();
  }
}

describe('isoTimestamp: PostgreSQL timestamptz text to the API’s ISO 8601', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db.drop();
  });

  it('rewrites a UTC session’s text exactly as Date would read it', async () => {
    const rows = await printed(db, 'UTC');
    expect(rows.length).toBe(1706);
    // Every fractional length PostgreSQL prints (it trims trailing zeros), and none.
    const fractions = new Set(rows.map((r) => /\.(\d+)\+00$/.exec(r.text)?.[1].length ?? 0));
    expect([...fractions].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const wrong = rows.filter(
      (r) => isoTimestamp(r.text) !== new Date(r.text).toISOString() || isoTimestamp(r.text) !== r.instant.toISOString(),
    );
    expect(wrong).toEqual([]);
    expect(isoTimestamp('2026-12-04 11:28:05.4+00')).toBe('2026-12-04T11:28:05.400Z');
    expect(isoTimestamp('2026-12-31 23:59:59.999999+00')).toBe('2026-12-31T23:59:59.999Z');
    expect(isoTimestamp('0999-01-01 00:00:00+00')).toBe('0999-01-01T00:00:00.000Z');
  });

  it.each(['Asia/Kolkata', 'America/St_Johns', 'Europe/Amsterdam'])(
    'reads other offsets (%s) with postgres-date, to the same instant',
    async (zone) => {
      const rows = await printed(db, zone);
      expect(rows.some((r) => !r.text.endsWith('+00'))).toBe(true);
      expect(rows.filter((r) => isoTimestamp(r.text) !== r.instant.toISOString())).toEqual([]);
    },
  );

  it('reads an offset with seconds, which Date cannot, and takes a Date as it is', () => {
    expect(() => new Date('0999-01-01 05:53:28+05:53:28').toISOString()).toThrow(RangeError);
    expect(isoTimestamp('0999-01-01 05:53:28+05:53:28')).toBe('0999-01-01T00:00:00.000Z');
    expect(isoTimestamp(new Date(Date.UTC(2026, 11, 4, 11, 28, 5, 7)))).toBe('2026-12-04T11:28:05.007Z');
  });
});
