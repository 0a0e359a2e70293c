import pg from 'pg';

/** The admin the load signs in as; every seeded user shares its password (one bcrypt hash, made once). */
export const BENCH_ADMIN_EMAIL = 'bench.admin@interakt.bench';
export const BENCH_PASSWORD = 'bench password: correct horse battery staple';

const FIRST_NAMES = (
  'Ada, Alan, Grace, Linus, Margaret, Dennis, Barbara, Ken, Frances, Edsger, Radia, Tim, Hedy, John, ' +
  'Katherine, Donald, Mary, James, Sophie, Ivan, Anita, Vint, Karen, Guido, Joan, Bjarne, Lynn, ' +
  'Niklaus, Shafi, Leslie, Yukihiro, Elena, Lucas, Amara, Mateo, Priya, Chen, Fatima, Olga, Kwame, ' +
  'Ingrid, Diego, Aisha, Noah, Emma, Liam, Olivia, Hiroshi, Zanele, Anders, Camille, Rafael, Mei, ' +
  'Tomasz, Leila, Sean, Nadia, Pedro, Hannah, Omar'
).split(', ');
const LAST_NAMES = (
  'Lovelace, Turing, Hopper, Torvalds, Hamilton, Ritchie, Liskov, Thompson, Allen, Dijkstra, Perlman, ' +
  'Berners-Lee, Lamarr, McCarthy, Johnson, Knuth, Jackson, Gosling, Wilson, Sutherland, Borg, Cerf, ' +
  'Sparck-Jones, van Rossum, Clarke, Stroustrup, Conway, Wirth, Goldwasser, Lamport, Matsumoto, ' +
  'Petrova, Silva, Okafor, Garcia, Patel, Wang, Haddad, Ivanova, Mensah, Andersson, Fernandez, Khan, ' +
  'Smith, Brown, Martin, Robinson, Tanaka, Dlamini, Nielsen, Dubois, Santos, Li, Kowalski, Nasser, ' +
  'Murphy, Novak, Pereira, Schmidt, Anderson'
).split(', ');
const DOMAINS = ['example.com', 'acme.test', 'mail.example.org', 'corp.example.net'];
const USER_AGENTS = [
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15',
  'curl/8.5.0',
];

export interface SeedOptions {
  users: number;
  events: number;
  passwordHash: string;
}

export interface SeedResult {
  seconds: number;
  /** Seconds per step, for the report. */
  steps: Record<string, number>;
  adminId: string;
  /** Active users (the admin first) whose password is BENCH_PASSWORD: the login load rotates over them. */
  loginEmails: string[];
}

/**
 * 100,000 users and 1,000,000 audit events in well under a minute: `insert … select` from
 * `generate_series` in one transaction, with the secondary indexes of the migrations dropped first
 * and re-created (from their own `pg_get_indexdef`) once the rows are in, then VACUUM ANALYZE so
 * the planner and index-only scans see what production would after autovacuum.
 *
 * Users: names from two lists of 60, e-mails `first.last<n>@domain`, 1 % admins, 9 % moderators,
 * 12 % inactive, created over three years. Events: one per ~31 s over the last year, in time order;
 * every 50th by the bench admin, 30 % by some admin, the rest by random users; actions weighted
 * like a live system (logins first).
 */
export async function seed(url: string, options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const steps: Record<string, number> = {};
  let last = started;
  const step = (name: string) => {
    const now = performance.now();
    steps[name] = Math.round(now - last) / 1000;
    last = now;
  };
  // Two sessions: the machine has two cores, and the big insert, the index builds and VACUUM split well.
  const sessions = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
  await Promise.all(sessions.map((s) => s.connect()));
  const [client] = sessions;
  try {
    for (const session of sessions) {
      await session.query(`set synchronous_commit = off`);
      await session.query(`set maintenance_work_mem = '256MB'`);
    }
    const { rows: indexes } = await client.query<{ name: string; definition: string }>(
      `select i.relname as name, pg_get_indexdef(i.oid) as definition
         from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
        where t.relname in ('users', 'audit_events') and not x.indisprimary
        order by pg_relation_size(t.oid) desc, i.relname`,
    );
    for (const index of indexes) await client.query(`drop index "${index.name}"`);
    await client.query('select setseed(0.42)');
    step('prepare');

    await client.query(USERS_SQL, [options.users, options.passwordHash, BENCH_ADMIN_EMAIL, FIRST_NAMES, LAST_NAMES, DOMAINS]);
    step('users');

    // Actors numbered 1..n: the bench admin first, then the other admins, then everyone else.
    await client.query(
      `create unlogged table bench_actors as
       select row_number() over (order by email = $1 desc, role = 'admin' desc, id)::int as n,
              id, email, first_name || ' ' || last_name as name, role = 'admin' as admin
         from users`,
      [BENCH_ADMIN_EMAIL],
    );
    await client.query('create unique index on bench_actors (n)');
    await client.query('analyze bench_actors');
    const {
      rows: [counts],
    } = await client.query<{ admins: number; users: number }>(
      'select count(*) filter (where admin)::int as admins, count(*)::int as users from bench_actors',
    );
    const half = Math.floor(options.events / 2);
    const ranges = [
      [1, half],
      [half + 1, options.events],
    ];
    await Promise.all(
      sessions.map(async (session, k) => {
        await session.query(`select setseed(${k === 0 ? 0.17 : 0.71})`);
        await session.query(AUDIT_SQL, [ranges[k][0], ranges[k][1], options.events, counts.admins, counts.users, USER_AGENTS]);
      }),
    );
    await client.query('drop table bench_actors');
    step('audit events');

    // Largest first, each session taking the next: the 1M-row btrees spread over both.
    const queue = [...indexes];
    await Promise.all(
      sessions.map(async (session) => {
        for (let index = queue.shift(); index; index = queue.shift()) await session.query(index.definition);
      }),
    );
    step('indexes');
    await Promise.all([sessions[0].query('vacuum (analyze) audit_events'), sessions[1].query('vacuum (analyze) users')]);
    step('vacuum analyze');

    const {
      rows: [admin],
    } = await client.query<{ id: string }>('select id from users where email = $1', [BENCH_ADMIN_EMAIL]);
    const { rows: logins } = await client.query<{ email: string }>(
      `select email from users where status = 'active' order by email = $1 desc, created_at limit 256`,
      [BENCH_ADMIN_EMAIL],
    );
    return { seconds: (performance.now() - started) / 1000, steps, adminId: admin.id, loginEmails: logins.map((r) => r.email) };
  } finally {
    await Promise.all(sessions.map((s) => s.end()));
  }
}

const USERS_SQL = `
  insert into users (id, email, first_name, last_name, role, status, password_hash, token_version, created_at, updated_at, last_login_at)
  select gen_random_uuid(),
         case when i = 1 then $3
              else lower(replace(first_name || '.' || last_name, ' ', '')) || i || '@' || ($6::text[])[1 + (i % cardinality($6::text[]))] end,
         first_name, last_name,
         case when i = 1 or r_role < 0.01 then 'admin' when r_role < 0.10 then 'moderator' else 'user' end,
         case when i > 1 and r_status < 0.12 then 'inactive' else 'active' end,
         $2, 0, created_at, created_at + interval '30 days' * r_update,
         case when r_login < 0.7 then created_at + interval '60 days' * r_login end
    from (select i,
                 case when i = 1 then 'Bench' else ($4::text[])[1 + floor(random() * cardinality($4::text[]))::int] end as first_name,
                 case when i = 1 then 'Admin' else ($5::text[])[1 + floor(random() * cardinality($5::text[]))::int] end as last_name,
                 random() as r_role, random() as r_status, random() as r_update, random() as r_login,
                 now() - interval '3 years' * random() as created_at
            from generate_series(1, $1::int) as i) as s`;

/** Events $1..$2 of $3, in time order over the last year; $4 admins and $5 users among the actors. */
const AUDIT_SQL = `
  insert into audit_events (at, action, actor_type, actor_id, actor_email, actor_name, target_type, target_id, target_label, details, ip, user_agent)
  select e.at, e.action, 'user', a.id, a.email, a.name, 'user', t.id, t.email,
         case e.action
           when 'auth.login_failed' then jsonb_build_object('email', a.email, 'reason', 'wrong_password')
           when 'user.role_changed' then '{"before":{"role":"user"},"after":{"role":"moderator"}}'::jsonb
           when 'user.updated' then jsonb_build_object('before', jsonb_build_object('lastName', 'Smith'), 'after', jsonb_build_object('lastName', t.name))
           when 'user.password_reset' then '{"generated":true,"tokensRevoked":true}'::jsonb
           else '{}'::jsonb
         end,
         '10.' || (e.i % 200) || '.' || (e.i % 7) || '.' || (e.i % 250 + 1), ($6::text[])[1 + e.i % cardinality($6::text[])]
    from (select i, now() - interval '365 days' * (1 - i::float8 / $3) as at,
                 case when r_action < 0.55 then 'auth.login' when r_action < 0.62 then 'auth.logout'
                      when r_action < 0.67 then 'auth.login_failed' when r_action < 0.80 then 'user.updated'
                      when r_action < 0.86 then 'user.created' when r_action < 0.90 then 'user.role_changed'
                      when r_action < 0.93 then 'user.deactivated' when r_action < 0.95 then 'user.activated'
                      when r_action < 0.98 then 'user.password_reset' else 'user.deleted' end as action,
                 actor_n, case when r_action < 0.67 then actor_n else 1 + floor(r_target * $5)::int end as target_n
            from (select i, random() as r_action, random() as r_target,
                         case when i % 50 = 0 then 1
                              when random() < 0.3 then 1 + floor(random() * $4)::int
                              else 1 + floor(random() * $5)::int end as actor_n
                    from generate_series($1::int, $2::int) as i) as r) as e
    join bench_actors a on a.n = e.actor_n
    join bench_actors t on t.n = e.target_n`;
