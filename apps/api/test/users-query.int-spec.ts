import { MikroORM } from '@mikro-orm/postgresql';
import { plainToInstance } from 'class-transformer';
import { EXACT_TOTAL_LIMIT, type UserSortField } from '@interakt/shared/api-contracts';
import { ListUsersQueryDto } from '../src/users/dto/list-users.query';
import { buildAnchoredListSql, buildListUsersSql, type SearchMatch, UsersQueryService } from '../src/users/users-query.service';
import { readPrepared } from '../src/database/prepared-read';
import type { User } from '../src/users/user.entity';
import { createUser, type UserOverrides } from './factories';
import { createOrmConfig } from '../src/database/mikro-orm.config';
import { createMigratedDatabase, planOf, quiet, type TestDatabase } from './test-database';

/** A query as the ValidationPipe hands it over: converted, with the DTO's defaults. */
function query(values: Record<string, unknown> = {}): ListUsersQueryDto {
  return plainToInstance(ListUsersQueryDto, values);
}

describe('UsersQueryService.list on PostgreSQL', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let sut: UsersQueryService;
  /** The seeded users with the created_at each was given. */
  const seeded: { user: User; createdAt: Date }[] = [];

  const SEED: (UserOverrides & { createdAt: string })[] = [
    { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@analytical.example', role: 'admin', createdAt: '2026-01-01T10:00:00Z' },
    { firstName: 'Grace', lastName: 'Hopper', email: 'grace.hopper@navy.example', role: 'moderator', createdAt: '2026-01-02T10:00:00Z' },
    {
      firstName: 'Alan',
      lastName: 'Turing',
      email: 'alan@bletchley.example',
      role: 'user',
      status: 'inactive',
      createdAt: '2026-01-03T10:00:00Z',
    },
    { firstName: 'Linus', lastName: 'Torvalds', email: 'LINUS@Kernel.example', role: 'user', createdAt: '2026-01-04T10:00:00Z' },
    // The LIKE wildcards and escape character, each in exactly one user.
    {
      firstName: '50%',
      lastName: 'Discount',
      email: 'promo@shop.example',
      role: 'moderator',
      status: 'inactive',
      createdAt: '2026-01-05T10:00:00Z',
    },
    { firstName: 'Una', lastName: 'Score', email: 'under_score@example.test', role: 'user', createdAt: '2026-01-06T10:00:00Z' },
    {
      firstName: 'Back\\slash',
      lastName: 'Person',
      email: 'bs@example.test',
      role: 'admin',
      status: 'inactive',
      createdAt: '2026-01-07T10:00:00Z',
    },
    // Three users created in the same instant: only the id can order them.
    { firstName: 'Tie', lastName: 'One', email: 'tie1@example.test', role: 'user', createdAt: '2026-01-08T10:00:00Z' },
    { firstName: 'Tie', lastName: 'Two', email: 'tie2@example.test', role: 'user', createdAt: '2026-01-08T10:00:00Z' },
    { firstName: 'Tie', lastName: 'Three', email: 'tie3@example.test', role: 'user', createdAt: '2026-01-08T10:00:00Z' },
  ];

  async function emails(values: Record<string, unknown>): Promise<string[]> {
    return (await sut.list(query({ pageSize: 100, ...values }))).items.map((u) => u.email);
  }

  beforeAll(async () => {
    ({ db, orm } = await createMigratedDatabase());
    for (const { createdAt, ...overrides } of SEED) {
      const user = await createUser(orm.em.fork(), overrides);
      await db.query('update users set created_at = $2 where id = $1', [user.id, createdAt]);
      seeded.push({ user, createdAt: new Date(createdAt) });
    }
    sut = new UsersQueryService(orm.em.fork());
  });

  afterAll(async () => {
    await orm.close();
    await db.drop();
  });

  describe('search', () => {
    it.each([
      ['first name', 'ada', ['ada@analytical.example']],
      ['last name', 'lovelace', ['ada@analytical.example']],
      ['full name "first last"', 'ada love', ['ada@analytical.example']],
      ['full name in another case', 'ADA LOVE', ['ada@analytical.example']],
      ['inner part of a name', 'opp', ['grace.hopper@navy.example']],
      ['email fragment', 'hopper@navy', ['grace.hopper@navy.example']],
      ['email stored in capitals', 'kernel.EX', ['LINUS@Kernel.example']],
      ['surrounding spaces ignored', '  turing ', ['alan@bletchley.example']],
      ['"last first" is not the full name', 'lovelace ada', []],
      ['no match across the name and the email', 'lovelace\x1fada', []],
      ['nor across them without the separator', 'lovelaceada', []],
      ['nothing', 'nobody-at-all', []],
    ])('matches by %s (%j)', async (_what, search, expected) => {
      expect((await emails({ search })).sort()).toEqual([...expected].sort());
    });

    it('takes % literally: it matches the one user with % in the name, not everyone', async () => {
      const page = await sut.list(query({ search: '%' }));
      expect(page.items.map((u) => u.firstName)).toEqual(['50%']);
      expect(page.total).toBe(1);
      expect(await emails({ search: '50% d' })).toEqual(['promo@shop.example']);
      expect(await emails({ search: '5%' })).toEqual([]);
    });

    it('takes _ literally: it matches the email with an underscore, not any single character', async () => {
      expect(await emails({ search: '_' })).toEqual(['under_score@example.test']);
      expect(await emails({ search: 'r_s' })).toEqual(['under_score@example.test']);
      // "a_a" would match "ada" if _ were a wildcard.
      expect(await emails({ search: 'a_a' })).toEqual([]);
    });

    it('takes \\ literally', async () => {
      expect(await emails({ search: '\\' })).toEqual(['bs@example.test']);
      expect(await emails({ search: 'back\\slash' })).toEqual(['bs@example.test']);
      expect(await emails({ search: 'k\\s' })).toEqual(['bs@example.test']);
    });

    it('matches a term by strpos (SearchMatch "common") exactly as by LIKE, wildcards and all', async () => {
      const read = (values: Record<string, unknown>, match: SearchMatch) => {
        const { rows } = buildListUsersSql(query({ pageSize: 100, ...values }), match);
        return readPrepared<{ email: string }>(orm.em.fork(), rows.sql, rows.params).then((found) => found.map((r) => r.email));
      };
      let compared = 0;
      for (const search of ['%', '_', '\\', 'k\\s', 'a_a', '5%', 'ADA LOVE', 'lovelace\x1fada', 'example', 'an', 'tie']) {
        for (const values of [{ search }, { search, status: 'inactive' }, { search, role: 'user', sort: 'name', page: 2, pageSize: 1 }]) {
          const planned = await read(values, 'planned');
          expect(await read(values, 'common')).toEqual(planned);
          compared += planned.length;
        }
      }
      expect(compared).toBeGreaterThan(10);
    });

    it('reads a repeated search by its kept count only while its list is unchanged', async () => {
      const found = async (values: Record<string, unknown>) => {
        const page = await sut.list(query(values));
        return { total: page.total, emails: page.items.map((u) => u.email).sort() };
      };
      const grace = 'grace.hopper@navy.example';
      expect(await found({ search: 'one' })).toEqual({ total: 1, emails: ['tie1@example.test'] });
      expect(await found({ search: 'one' })).toEqual({ total: 1, emails: ['tie1@example.test'] });
      expect(await found({ search: 'one', role: 'moderator' })).toEqual({ total: 0, emails: [] });
      try {
        // A new name alone changes no count, yet what the search finds.
        await db.query(`update users set first_name = 'Someone' where email = $1`, [grace]);
        expect(await found({ search: 'one' })).toEqual({ total: 2, emails: [grace, 'tie1@example.test'] });
        expect(await found({ search: 'one', role: 'moderator' })).toEqual({ total: 1, emails: [grace] });
        // Moved out of the filtered role.
        await db.query(`update users set role = 'user' where email = $1`, [grace]);
        expect(await found({ search: 'one', role: 'moderator' })).toEqual({ total: 0, emails: [] });
        // Added and removed.
        const ozone = await createUser(orm.em.fork(), { firstName: 'Ozone', lastName: 'Layer', email: 'oz@sky.example' });
        expect(await found({ search: 'one' })).toEqual({ total: 3, emails: [grace, 'oz@sky.example', 'tie1@example.test'] });
        await db.query('delete from users where id = $1', [ozone.id]);
        expect(await found({ search: 'one' })).toEqual({ total: 2, emails: [grace, 'tie1@example.test'] });
      } finally {
        await db.query(`update users set first_name = 'Grace', role = 'moderator' where email = $1`, [grace]);
      }
      expect(await found({ search: 'one' })).toEqual({ total: 1, emails: ['tie1@example.test'] });
    });

    it('combines search with the filters', async () => {
      expect(await emails({ search: 'example.test', role: 'admin' })).toEqual(['bs@example.test']);
      expect((await emails({ search: 'an' })).sort()).toEqual(['ada@analytical.example', 'alan@bletchley.example']);
      expect(await emails({ search: 'an', status: 'inactive' })).toEqual(['alan@bletchley.example']);
    });

    it('treats quotes and SQL in the search as text', async () => {
      for (const search of ["x' or '1'='1", "\\' or 1=1 --", 'ada"; drop table users; --']) {
        expect(await sut.list(query({ search }))).toEqual({ items: [], total: 0, totalExact: true, page: 1, pageSize: 20 });
      }
      expect((await sut.list(query())).total).toBe(10);
    });
  });

  describe('filters', () => {
    it('filters by role and status together', async () => {
      const page = await sut.list(query({ role: 'user', status: 'active', sort: 'email', order: 'asc' }));
      expect(page.items.map((u) => u.email)).toEqual([
        'LINUS@Kernel.example',
        'tie1@example.test',
        'tie2@example.test',
        'tie3@example.test',
        'under_score@example.test',
      ]);
      expect(page.total).toBe(5);
      expect(await emails({ role: 'admin', status: 'inactive' })).toEqual(['bs@example.test']);
      expect((await emails({ role: 'moderator' })).sort()).toEqual(['grace.hopper@navy.example', 'promo@shop.example']);
      expect((await sut.list(query({ status: 'inactive' }))).total).toBe(3);
    });

    it('returns users as the API shows them, without secrets', async () => {
      const [ada] = (await sut.list(query({ search: 'lovelace' }))).items;
      const created = seeded[0].user;
      expect(ada).toEqual({
        id: created.id,
        firstName: 'Ada',
        lastName: 'Lovelace',
        email: 'ada@analytical.example',
        role: 'admin',
        status: 'active',
        createdAt: '2026-01-01T10:00:00.000Z',
        updatedAt: created.updatedAt.toISOString(),
        lastLoginAt: null,
      });
    });
  });

  describe('sort', () => {
    const KEYS: Record<UserSortField, (u: User, createdAt: Date) => string | number> = {
      name: (u) => `${u.firstName} ${u.lastName}`.toLowerCase(),
      email: (u) => u.email.toLowerCase(),
      role: (u) => u.role,
      status: (u) => u.status,
      createdAt: (_u, createdAt) => createdAt.getTime(),
    };

    /** The seeded users ordered by (key, id), the way the list promises. */
    function expectedIds(sort: UserSortField, order: 'asc' | 'desc'): string[] {
      const sign = order === 'asc' ? 1 : -1;
      const keyed = seeded.map(({ user, createdAt }) => ({ id: user.id, key: KEYS[sort](user, createdAt) }));
      keyed.sort((a, b) => sign * (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return keyed.map((k) => k.id);
    }

    it.each(['name', 'email', 'role', 'status', 'createdAt'] as const)('sorts by %s, both ways, ties broken by id', async (sort) => {
      for (const order of ['asc', 'desc'] as const) {
        const page = await sut.list(query({ sort, order, pageSize: 100 }));
        expect(page.items.map((u) => u.id)).toEqual(expectedIds(sort, order));
      }
    });

    it('orders names as people read them: "first last", case-insensitively', async () => {
      const page = await sut.list(query({ sort: 'name', order: 'asc', pageSize: 100 }));
      expect(page.items.map((u) => `${u.firstName} ${u.lastName}`)).toEqual([
        '50% Discount',
        'Ada Lovelace',
        'Alan Turing',
        'Back\\slash Person',
        'Grace Hopper',
        'Linus Torvalds',
        'Tie One',
        'Tie Three',
        'Tie Two',
        'Una Score',
      ]);
    });

    it('defaults to newest first, and to A→Z when only the field is given', async () => {
      expect((await sut.list(query())).items.map((u) => u.id)).toEqual(expectedIds('createdAt', 'desc'));
      expect((await sut.list(query({ sort: 'email' }))).items.map((u) => u.id)).toEqual(expectedIds('email', 'asc'));
    });
  });

  describe('pages', () => {
    it('reports total, page and pageSize, and walks every user exactly once', async () => {
      const seen: string[] = [];
      for (let page = 1; page <= 4; page++) {
        const result = await sut.list(query({ page, pageSize: 3 }));
        expect(result).toMatchObject({ total: 10, page, pageSize: 3 });
        expect(result.items).toHaveLength(page < 4 ? 3 : 1);
        seen.push(...result.items.map((u) => u.id));
      }
      expect(seen).toEqual(expectedIdsByCreatedDesc());
    });

    it('keeps the order of users created in the same instant stable across pages and calls', async () => {
      // Newest first: the three ties fill page 1 and spill onto page 2 at pageSize 2.
      const read = async () => [
        ...(await sut.list(query({ page: 1, pageSize: 2 }))).items.map((u) => u.id),
        ...(await sut.list(query({ page: 2, pageSize: 2 }))).items.map((u) => u.id),
      ];
      const first = await read();
      const ties = seeded.filter((s) => s.user.firstName === 'Tie').map((s) => s.user.id);
      expect(first.slice(0, 3).sort()).toEqual([...ties].sort());
      expect(first.slice(0, 3)).toEqual([...ties].sort().reverse());
      expect(new Set(first).size).toBe(4);
      for (let i = 0; i < 5; i++) expect(await read()).toEqual(first);
    });

    it('reads anchored pages (by keyset) exactly as offsets would, and stops trusting an anchor once the list changes', async () => {
      const walk = async (values: Record<string, unknown>) => {
        const ids: string[] = [];
        for (let page = 1; page <= 4; page++) ids.push(...(await sut.list(query({ ...values, page, pageSize: 3 }))).items.map((u) => u.id));
        return ids;
      };
      // First walk: page 1 anchors page 2, and so on; the second walk reads pages 2–4 by keyset.
      expect(await walk({})).toEqual(expectedIdsByCreatedDesc());
      expect(await walk({})).toEqual(expectedIdsByCreatedDesc());
      const byRole = await walk({ sort: 'role', order: 'desc' });
      expect(await walk({ sort: 'role', order: 'desc' })).toEqual(byRole);
      expect(new Set(byRole).size).toBe(10);

      // A new newest user shifts every page by one; page 3 must show it, not the anchored rows.
      const newest = await createUser(orm.em.fork(), { firstName: 'Newest', lastName: 'Person', email: 'newest@anchors.example' });
      try {
        const page3 = (await sut.list(query({ page: 3, pageSize: 3 }))).items.map((u) => u.id);
        expect(page3).toEqual([newest.id, ...expectedIdsByCreatedDesc()].slice(6, 9));
      } finally {
        await db.query('delete from users where id = $1', [newest.id]);
      }
      expect(await walk({})).toEqual(expectedIdsByCreatedDesc());
    });

    it('answers a page past the end with no items and the real total', async () => {
      expect(await sut.list(query({ page: 5, pageSize: 3 }))).toEqual({ items: [], total: 10, totalExact: true, page: 5, pageSize: 3 });
      expect(await sut.list(query({ search: 'ada', page: 2 }))).toEqual({ items: [], total: 1, totalExact: true, page: 2, pageSize: 20 });
    });

    it('serves the smallest and the largest page size', async () => {
      const one = await sut.list(query({ pageSize: 1 }));
      expect(one.items).toHaveLength(1);
      expect(one.total).toBe(10);
      const hundred = await sut.list(query({ pageSize: 100 }));
      expect(hundred.items).toHaveLength(10);
      expect(hundred.items.map((u) => u.id)).toEqual(expectedIdsByCreatedDesc());
    });

    function expectedIdsByCreatedDesc(): string[] {
      return [...seeded]
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.user.id < b.user.id ? 1 : -1))
        .map((s) => s.user.id);
    }
  });
});

describe('UsersQueryService.stats on PostgreSQL', () => {
  let db: TestDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    ({ db, orm } = await createMigratedDatabase());
  });

  afterAll(async () => {
    await orm.close();
    await db.drop();
  });

  it('is all zeros without users', async () => {
    const sut = new UsersQueryService(orm.em.fork());
    expect(await sut.stats()).toEqual({ total: 0, active: 0, inactive: 0, activePercent: 0, admins: 0 });
  });

  it('counts a known mix; admins whatever their status; the percentage to one decimal', async () => {
    const mix: UserOverrides[] = [
      { role: 'admin', status: 'active' },
      { role: 'admin', status: 'active' },
      { role: 'admin', status: 'inactive' },
      { role: 'moderator', status: 'active' },
      { role: 'user', status: 'active' },
      { role: 'user', status: 'active' },
      { role: 'user', status: 'inactive' },
    ];
    for (const overrides of mix) await createUser(orm.em.fork(), overrides);
    const sut = new UsersQueryService(orm.em.fork());
    // 5 of 7 = 71.428…%
    expect(await sut.stats()).toEqual({ total: 7, active: 5, inactive: 2, activePercent: 71.4, admins: 3 });

    await createUser(orm.em.fork(), { status: 'inactive' });
    await createUser(orm.em.fork(), { status: 'inactive' });
    // 5 of 9 = 55.555…%: rounds up
    expect(await sut.stats()).toEqual({ total: 9, active: 5, inactive: 4, activePercent: 55.6, admins: 3 });
  });

  it('keeps the user_counts counters equal to a real count through bulk inserts, updates, deletes and truncate', async () => {
    const counted = () =>
      db.query<{ role: string; status: string; n: number }>(
        `select r.role, s.status, (select count(*)::int from users u where u.role = r.role and u.status = s.status) as n
           from unnest(array['admin', 'moderator', 'user']) as r(role) cross join unnest(array['active', 'inactive']) as s(status)
          order by 1, 2`,
      );
    const kept = () =>
      db.query<{ role: string; status: string; n: number }>('select role, status, users::int as n from user_counts order by 1, 2');
    await db.query(`
      insert into users (id, email, first_name, last_name, role, status, password_hash, token_version, created_at, updated_at)
      select gen_random_uuid(), 'count' || g || '@counters.example', 'F', 'L',
             (array['admin', 'moderator', 'user'])[1 + g % 3], (array['active', 'inactive'])[1 + g % 2], 'x', 0, now(), now()
        from generate_series(1, 300) as g`);
    expect(await kept()).toEqual(await counted());
    await db.query(`update users set role = 'user', status = 'active' where email like 'count1%'`);
    // An update that changes neither role nor status leaves the counters (and their row locks) alone.
    await db.query(`update users set last_login_at = now() where email like '%@counters.example'`);
    expect(await kept()).toEqual(await counted());
    await db.query(`delete from users where email like 'count2%'`);
    expect(await kept()).toEqual(await counted());

    // `changes`, the version of the lists of each (role, status): what moves it and what does not.
    const versions = async () =>
      Object.fromEntries(
        (await db.query<{ key: string; changes: number }>(`select role || '/' || status as key, changes::int from user_counts`)).map(
          (r) => [r.key, r.changes],
        ),
      );
    const moved = async (write: () => Promise<unknown>) => {
      const before = await versions();
      await write();
      const after = await versions();
      return Object.keys(after)
        .filter((key) => after[key] !== before[key])
        .sort();
    };
    // count3 is admin/inactive, count7 moderator/inactive (role 1 + g % 3, status 1 + g % 2).
    expect(await moved(() => db.query(`update users set last_login_at = now(), token_version = token_version + 1`))).toEqual([]);
    expect(await moved(() => db.query(`update users set first_name = 'Renamed' where email = 'count3@counters.example'`))).toEqual([
      'admin/inactive',
    ]);
    expect(
      await moved(() => db.query(`update users set email = 'count3b@counters.example' where email = 'count3@counters.example'`)),
    ).toEqual(['admin/inactive']);
    // Two users trading places in one statement leave every count as it was, yet both lists changed.
    expect(
      await moved(() =>
        db.query(`update users set role = case role when 'admin' then 'moderator' else 'admin' end
                   where email in ('count3b@counters.example', 'count7@counters.example')`),
      ),
    ).toEqual(['admin/inactive', 'moderator/inactive']);
    expect(await kept()).toEqual(await counted());
    await db.query('truncate users cascade');
    expect((await kept()).every((row) => row.n === 0)).toBe(true);
  });
});

describe('user search at 20,000 users uses the trigram index', () => {
  let db: TestDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    ({ db, orm } = await createMigratedDatabase());
    // One statement, well under a second: names and emails unlike the one we look for.
    await db.query(`
      insert into users (id, email, first_name, last_name, role, status, password_hash, token_version, created_at, updated_at)
      select gen_random_uuid(), 'person' || g || '@bulk.example', 'First' || g, 'Last' || md5(g::text),
             case when g % 50 = 0 then 'admin' when g % 5 = 0 then 'moderator' else 'user' end,
             case when g % 10 = 0 then 'inactive' else 'active' end,
             'not-a-hash', 0, now() - g * interval '1 minute', now()
        from generate_series(1, 20000) as g`);
    await createUser(orm.em.fork(), { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@analytical.example' });
    // Rows inserted after the GIN indexes were built wait in their pending lists until a vacuum
    // (autovacuum, in production) merges them; a plain ANALYZE leaves the planner costing those
    // lists, and at this size it then prefers a sequential scan.
    await db.query('vacuum analyze users');
  });

  afterAll(async () => {
    await orm.close();
    await db.drop();
  });

  it('finds the one match among them', async () => {
    const sut = new UsersQueryService(orm.em.fork());
    const page = await sut.list(query({ search: 'ada love' }));
    expect(page.total).toBe(1);
    expect(page.items.map((u) => u.email)).toEqual(['ada@analytical.example']);
    // 20,000 matches: more than EXACT_TOTAL_LIMIT, so the total is PostgreSQL's estimate, flagged as such.
    const many = await sut.list(query({ search: 'bulk.example', pageSize: 5 }));
    expect(many.totalExact).toBe(false);
    expect(many.total).toBeGreaterThan(EXACT_TOTAL_LIMIT);
    expect(many.total).toBeLessThan(40_000);
    expect(many.items).toHaveLength(5);
    // Without a search the total stays exact at any size: it comes from the counters.
    expect(await sut.list(query({ pageSize: 1 }))).toMatchObject({ total: 20_001, totalExact: true });
    expect(await sut.list(query({ role: 'admin', status: 'inactive', pageSize: 1 }))).toMatchObject({ total: 400, totalExact: true });
  });

  it('plans every LIKE with its own pattern; a term known to be common keeps one generic plan on the sort index', async () => {
    // One connection, so pg_prepared_statements (per session) shows everything the service prepared.
    const single = await MikroORM.init(createOrmConfig({ clientUrl: db.url, poolMax: 1, logger: quiet }));
    try {
      const sut = new UsersQueryService(single.em.fork());
      // More than PostgreSQL's five custom plans of a common term, then a rare one and a later page.
      const first = await sut.list(query({ search: 'bulk.example' }));
      for (let i = 0; i < 8; i++) expect(await sut.list(query({ search: 'bulk.example' }))).toEqual(first);
      expect(first.totalExact).toBe(false);
      expect(first.items).toHaveLength(20);
      for (let i = 0; i < 3; i++) expect((await sut.list(query({ search: 'ada love' }))).total).toBe(1);
      expect((await sut.list(query({ search: 'bulk.example', page: 3 }))).items).toHaveLength(20);
      // And an unsearched page 1, more than five times: its limit is statement text (literalLimit), so it settles on one plan.
      for (let i = 0; i < 8; i++) await sut.list(query({ role: 'moderator' }));
      await sut.stats();
      const prepared = await single.em
        .getConnection()
        .execute<{ name: string; statement: string; generic_plans: number }[]>(
          `select name, statement, generic_plans::int from pg_prepared_statements where name like 'r\\_%'`,
        );
      const searches = prepared.filter((p) => p.statement.includes('search_text'));
      // A LIKE pattern is never a named statement that could fall back to a generic plan (a seq scan for a rare term)…
      expect(searches.filter((p) => p.statement.includes('like'))).toEqual([]);
      // …while the common term's page is read by the strpos statement, on its generic plan: the sort index.
      const common = searches.find((p) => p.statement.includes('strpos') && !p.statement.includes('offset'));
      expect(common?.generic_plans).toBeGreaterThan(0);
      const [plan] = await single.em
        .getConnection()
        .execute<{ 'QUERY PLAN': unknown }[]>(`explain (format json) execute "${common?.name}"('bulk.example')`);
      const text = JSON.stringify(plan['QUERY PLAN']);
      expect([...text.matchAll(/"Index Name":"([^"]+)"/g)].map((m) => m[1])).toEqual(['users_created_at_id']);
      // The one sequential scan is of user_counts (six rows), for the version.
      expect([...text.matchAll(/"Node Type":"Seq Scan"[^}]*?"Relation Name":"([^"]+)"/g)].map((m) => m[1])).toEqual(['user_counts']);
      // The other hot reads stay named (planned once per connection), and a page of users keeps its generic plan.
      expect(prepared.some((p) => p.statement.includes('from user_counts'))).toBe(true);
      const moderators = prepared.filter((p) => p.statement.includes('role = $1') && p.statement.includes('left join lateral'));
      expect(moderators.map((p) => p.generic_plans > 0)).toEqual([true]);
    } finally {
      await single.close();
    }
  });

  it.each(['lovelace', 'ada love', 'analytical.ex'])(
    'plans the page and the count of a search for %j on the trigram index of search_text',
    async (search) => {
      // No enable_seqscan push: after the vacuum the planner prefers the index on its own.
      const { rows, count } = buildListUsersSql(query({ search }));
      for (const statement of [rows, count]) {
        expect(await planOf(orm, statement)).toEqual({ indexes: ['users_search_text_trgm'], seqScan: false });
      }
    },
  );

  it.each([
    [{}, ['users_created_at_id']],
    [{ sort: 'createdAt', order: 'asc' }, ['users_created_at_id']],
    [{ sort: 'name' }, ['users_full_name_sort']],
    [{ sort: 'email' }, ['users_email_lower_unique']],
    [{ sort: 'role', order: 'desc' }, ['users_role_id']],
    [{ sort: 'status' }, ['users_status_id']],
    // Past page 1: the page's ids from the sort index, then those rows by primary key (a deferred join).
    [{ sort: 'name', order: 'desc', page: 3 }, ['users_full_name_sort', 'users_pkey']],
    [{ page: 500 }, ['users_created_at_id', 'users_pkey']],
  ])('reads an unfiltered page sorted by %j in index order (%s)', async (values, indexes) => {
    const { rows } = buildListUsersSql(query(values));
    expect(await planOf(orm, rows)).toEqual({ indexes, seqScan: false });
  });

  it('reads an anchored page 500 by keyset on the sort index, and page 500 without an anchor by a deferred join', async () => {
    const [{ created_at: key, id }] = await db.query<{ created_at: string; id: string }>(
      'select created_at::text, id from users order by created_at desc, id desc offset 9980 limit 1',
    );
    // user_counts (six rows) is read whole; users only through the index.
    const anchored = await planOf(orm, buildAnchoredListSql(query({ page: 500 }), { key, id }));
    expect(anchored.indexes).toEqual(['users_created_at_id']);
    const deferred = await planOf(orm, buildAnchoredListSql(query({ page: 500 })));
    expect(deferred.indexes).toEqual(['users_created_at_id', 'users_pkey']);
  });
});
