import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import * as bcrypt from 'bcrypt';
import { findFreePort, startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { createOrmConfig } from '../src/database/mikro-orm.config';
import { MIGRATIONS } from '../src/database/migrations';
import { createUser } from './factories';
import { createTestDatabase, quiet, type TestDatabase } from './test-database';

/** The built CLI, as `npm run cli` runs it (the api:test target builds it first). */
const CLI = resolve(__dirname, '../../../dist/apps/api/cli.js');

/** Nothing of the test process's environment leaks in (no DATABASE_URL, no INTERAKT_CLI_PASSWORD). */
const BASE_ENV = {
  PATH: process.env['PATH'] ?? '',
  HOME: process.env['HOME'] ?? '/tmp',
  NODE_ENV: 'test',
  BCRYPT_COST: '4',
  LOG_LEVEL: 'silent',
  // The API's first-admin bootstrap would create this account on an empty database; the CLI must not.
  ADMIN_EMAIL: 'grace.hopper@example.com',
};

interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/apps/api/cli.js …` to its end. */
function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...BASE_ENV, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolveRun({ status, stdout, stderr });
    });
  });
}

/** Exit 1, nothing on stdout, exactly one line on stderr. */
function expectOneErrorLine(result: CliResult, message: string): void {
  expect(result).toEqual({ status: 1, stdout: '', stderr: `interakt-cli: ${message}\n` });
}

/** No stack trace, SQL or bcrypt hash ever reaches the operator. */
function expectNothingLeaked(result: CliResult): void {
  const text = result.stdout + result.stderr;
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+|\$2[aby]\$\d\d\$|\b(select|insert into|update \S+ set)\b/i);
}

// Each run starts a Node process with Nest and a database connection: seconds on a busy machine.
jest.setTimeout(90_000);

const GENERATED = /^Generated password \(shown only this once\): (\S{20})$/m;

function generatedPasswordOf(result: CliResult): string {
  const match = GENERATED.exec(result.stdout);
  if (!match) throw new Error(`no generated password in ${JSON.stringify(result.stdout)}`);
  return match[1];
}

interface UserRow {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  role: string;
  status: string;
  password_hash: string;
  token_version: number;
}

describe('recovery CLI (dist/apps/api/cli.js, SPEC §6) on a real database', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let firstRun: CliResult;

  const cli = (args: string[], env: Record<string, string> = {}) => runCli(args, { DATABASE_URL: db.url, ...env });
  const userByEmail = async (email: string): Promise<UserRow | undefined> =>
    (await db.query<UserRow>('select * from users where lower(email) = lower($1)', [email]))[0];
  const userCount = async () => Number((await db.query<{ n: string }>('select count(*) as n from users'))[0].n);

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npx nx build api" (the api:test target does)`);
    db = await createTestDatabase();
    // An empty database: the CLI migrates it on start (MIGRATE_ON_START defaults to true).
    firstRun = await cli(['list-admins']);
    orm = await MikroORM.init(createOrmConfig({ clientUrl: db.url, poolMax: 2, logger: quiet }));
  }, 120_000);

  afterAll(async () => {
    await orm?.close();
    await db?.drop();
  });

  it('migrated the empty database on start, created no user, and listed no admins', async () => {
    expect(firstRun).toEqual({ status: 0, stdout: 'No admin accounts.\n', stderr: '' });
    const applied = await db.query<{ name: string }>('select name from mikro_orm_migrations order by id');
    expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => m.name));
    expect(await userCount()).toBe(0);
  });

  describe('create-admin', () => {
    it('creates an active admin with a generated password, printed once, that verifies against the stored hash', async () => {
      // The address is ADMIN_EMAIL: the first-admin bootstrap of the API does not run here.
      const res = await cli([
        'create-admin',
        '--email',
        'Grace.Hopper@Example.com',
        '--first-name',
        'Grace',
        '--last-name',
        'Hopper',
        '--generate-password',
      ]);
      expect(res.status).toBe(0);
      expect(res.stderr).toBe('');
      const password = generatedPasswordOf(res);
      expect(res.stdout).toBe(
        `Created Grace.Hopper@Example.com (admin, active).\nGenerated password (shown only this once): ${password}\n`,
      );
      expectNothingLeaked(res);

      const row = await userByEmail('grace.hopper@example.com');
      expect(row).toMatchObject({
        email: 'Grace.Hopper@Example.com',
        first_name: 'Grace',
        last_name: 'Hopper',
        role: 'admin',
        status: 'active',
      });
      expect(row?.password_hash).toMatch(/^\$2b\$04\$/);
      expect(await bcrypt.compare(password, row?.password_hash ?? '')).toBe(true);
      expect(await userCount()).toBe(1);
    });

    it('takes a chosen password from INTERAKT_CLI_PASSWORD and never prints it', async () => {
      const password = 'an operator chose this one';
      const res = await cli(['create-admin', '--email', 'linus@example.com', '--first-name', 'Linus', '--last-name', 'T'], {
        INTERAKT_CLI_PASSWORD: password,
      });
      expect(res).toEqual({ status: 0, stdout: 'Created linus@example.com (admin, active).\n', stderr: '' });
      const row = await userByEmail('linus@example.com');
      expect(row).toMatchObject({ role: 'admin', status: 'active' });
      expect(await bcrypt.compare(password, row?.password_hash ?? '')).toBe(true);
    });

    it('refuses a weak password (WEAK_PASSWORD), a taken email in any case and a malformed email, and creates nothing', async () => {
      const before = await userCount();
      const [short, ownName, taken, malformed] = await Promise.all([
        cli(['create-admin', '--email', 'weak@example.com', '--first-name', 'W', '--last-name', 'P', '--password', 'short']),
        cli([
          'create-admin',
          '--email',
          'ada.lovelace@example.com',
          '--first-name',
          'Ada',
          '--last-name',
          'Lovelace',
          '--password',
          'Ada.Lovelace@example.com',
        ]),
        cli(['create-admin', '--email', 'LINUS@example.COM', '--first-name', 'L', '--last-name', 'T', '--generate-password']),
        cli(['create-admin', '--email', 'not-an-email', '--first-name', 'N', '--last-name', 'E', '--generate-password']),
      ]);
      expectOneErrorLine(short, 'Password must be at least 15 characters long');
      expectOneErrorLine(ownName, 'Password must not be your email address or name');
      expectOneErrorLine(taken, 'Another account already uses this email address');
      expectOneErrorLine(malformed, 'email must be an email address');
      expect(await userCount()).toBe(before);
      expect(await userByEmail('weak@example.com')).toBeUndefined();
    });

    it('wants exactly one password source', async () => {
      const args = ['create-admin', '--email', 'two@example.com', '--first-name', 'T', '--last-name', 'S'];
      const [none, both, flagAndEnv] = await Promise.all([
        cli(args),
        cli([...args, '--generate-password', '--password', 'a long enough password']),
        cli([...args, '--generate-password'], { INTERAKT_CLI_PASSWORD: 'a long enough password' }),
      ]);
      expectOneErrorLine(none, 'a password is needed: --generate-password (preferred), INTERAKT_CLI_PASSWORD=… or --password …');
      expectOneErrorLine(both, 'give only one of --generate-password, INTERAKT_CLI_PASSWORD or --password');
      expectOneErrorLine(flagAndEnv, 'give only one of --generate-password, INTERAKT_CLI_PASSWORD or --password');
      expect(await userByEmail('two@example.com')).toBeUndefined();
    });
  });

  describe('reset-password', () => {
    it('sets a generated password, found by email in any case, and bumps token_version', async () => {
      const user = await createUser(orm.em.fork(), { email: 'Locked.Out@Example.com', firstName: 'Locked', lastName: 'Out' });
      const before = await userByEmail(user.email);
      const res = await cli(['reset-password', '--email', 'locked.out@EXAMPLE.com', '--generate-password']);
      expect(res.status).toBe(0);
      expect(res.stderr).toBe('');
      const password = generatedPasswordOf(res);
      expect(res.stdout).toBe(
        `Password of Locked.Out@Example.com (user, active) set; every session of the user has ended.\nGenerated password (shown only this once): ${password}\n`,
      );
      const after = await userByEmail(user.email);
      expect(after?.password_hash).not.toBe(before?.password_hash);
      expect(await bcrypt.compare(password, after?.password_hash ?? '')).toBe(true);
      expect(after?.token_version).toBe((before?.token_version ?? 0) + 1);
    });

    it('sets a password from INTERAKT_CLI_PASSWORD', async () => {
      const user = await createUser(orm.em.fork());
      const res = await cli(['reset-password', '--email', user.email], { INTERAKT_CLI_PASSWORD: 'the new password of the user' });
      expect(res.status).toBe(0);
      expect(res.stdout).not.toContain('the new password of the user');
      expect(await bcrypt.compare('the new password of the user', (await userByEmail(user.email))?.password_hash ?? '')).toBe(true);
    });

    it('refuses a weak password with WEAK_PASSWORD and changes nothing', async () => {
      const user = await createUser(orm.em.fork());
      const before = await userByEmail(user.email);
      const res = await cli(['reset-password', '--email', user.email, '--password', 'too short']);
      expectOneErrorLine(res, 'Password must be at least 15 characters long');
      const after = await userByEmail(user.email);
      expect(after?.password_hash).toBe(before?.password_hash);
      expect(after?.token_version).toBe(before?.token_version);
    });
  });

  describe('activate and promote', () => {
    it('activate turns an inactive user active, and says so when they already were', async () => {
      const user = await createUser(orm.em.fork(), { email: 'dormant@example.com', status: 'inactive' });
      const res = await cli(['activate', '--email', 'DORMANT@example.com']);
      expect(res).toEqual({ status: 0, stdout: 'Activated dormant@example.com (user, active).\n', stderr: '' });
      expect(await userByEmail(user.email)).toMatchObject({ status: 'active', role: 'user' });
      const again = await cli(['activate', '--email', user.email]);
      expect(again).toEqual({ status: 0, stdout: 'dormant@example.com (user, active) was already active.\n', stderr: '' });
    });

    it('promote makes a user an admin, and an inactive one active too', async () => {
      const moderator = await createUser(orm.em.fork(), { role: 'moderator' });
      const inactive = await createUser(orm.em.fork(), { role: 'user', status: 'inactive' });
      const [m, i] = await Promise.all([cli(['promote', '--email', moderator.email]), cli(['promote', '--email', inactive.email])]);
      expect(m).toEqual({ status: 0, stdout: `Promoted ${moderator.email} (admin, active).\n`, stderr: '' });
      expect(i).toEqual({ status: 0, stdout: `Promoted ${inactive.email} (admin, active).\n`, stderr: '' });
      expect(await userByEmail(moderator.email)).toMatchObject({ role: 'admin', status: 'active' });
      expect(await userByEmail(inactive.email)).toMatchObject({ role: 'admin', status: 'active' });
      // Audited as the system, through the CLI: the role change and the activation, one event each.
      const events = await db.query<{ action: string; actor_type: string; actor_name: string }>(
        `select action, actor_type, actor_name from audit_events where target_id = $1 order by id`,
        [inactive.id],
      );
      expect(events).toEqual([
        { action: 'user.role_changed', actor_type: 'system', actor_name: 'recovery CLI' },
        { action: 'user.activated', actor_type: 'system', actor_name: 'recovery CLI' },
      ]);
    });
  });

  it('answers an unknown email with USER_NOT_FOUND: exit 1 and one line on stderr', async () => {
    const results = await Promise.all([
      cli(['activate', '--email', 'nobody@example.test']),
      cli(['promote', '--email', 'nobody@example.test']),
      cli(['reset-password', '--email', 'nobody@example.test', '--generate-password']),
    ]);
    for (const res of results) expectOneErrorLine(res, 'No user with the email nobody@example.test');
    expect(await userByEmail('nobody@example.test')).toBeUndefined();
  });

  it('list-admins prints every admin with their status, and no one else', async () => {
    const inactiveAdmin = await createUser(orm.em.fork(), { email: 'retired.admin@example.com', role: 'admin', status: 'inactive' });
    const plain = await createUser(orm.em.fork(), { email: 'plain.user@example.com', role: 'user' });
    const res = await cli(['list-admins']);
    expect(res.status).toBe(0);
    expect(res.stderr).toBe('');
    expectNothingLeaked(res);
    const rows = await db.query<{ email: string; status: string }>(`select email, status from users where role = 'admin' order by email`);
    expect(rows.map((r) => r.email)).toContain(inactiveAdmin.email);
    const width = Math.max(...rows.map((r) => r.email.length));
    expect(res.stdout).toBe(rows.map((r) => `${r.email.padEnd(width)}  ${r.status}\n`).join(''));
    expect(res.stdout).not.toContain(plain.email);
  });

  describe('usage and failures', () => {
    it('shows help without a database, and refuses a missing option with one line', async () => {
      const closed = `postgres://interakt:never-shown-pw@127.0.0.1:${await findFreePort()}/interakt`;
      const [help, missing, unknown] = await Promise.all([
        runCli(['--help'], { DATABASE_URL: closed }),
        runCli(['activate'], { DATABASE_URL: closed }),
        runCli(['frobnicate'], { DATABASE_URL: closed }),
      ]);
      expect(help.status).toBe(0);
      for (const command of ['create-admin', 'reset-password', 'activate', 'promote', 'list-admins', 'INTERAKT_CLI_PASSWORD']) {
        expect(help.stdout).toContain(command);
      }
      expectOneErrorLine(missing, "required option '--email <email>' not specified");
      expectOneErrorLine(unknown, "unknown command 'frobnicate'");
    });

    it('says the database cannot be reached, without the password of DATABASE_URL', async () => {
      const closed = `postgres://interakt:never-shown-pw@127.0.0.1:${await findFreePort()}/interakt`;
      const res = await runCli(['list-admins'], { DATABASE_URL: closed });
      expectOneErrorLine(res, 'cannot reach the database (ECONNREFUSED)');
    });
  });
});

describe('recovery CLI on the embedded database under DATA_DIR', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'interakt-cli-'));
    // Run as root, the embedded server runs as the postgres system user, which must reach the folder.
    await chmod(dataDir, 0o755);
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('creates, migrates, uses and stops the embedded database, then is refused while another process (the API) holds it', async () => {
    const alone = await runCli(['list-admins'], { DATA_DIR: dataDir });
    expect(alone).toEqual({ status: 0, stdout: 'No admin accounts.\n', stderr: '' });
    // Stopped at the end: PostgreSQL removes its lock file on shutdown.
    expect(existsSync(join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);

    // What `npm start` does on the same folder.
    const api = await startEmbeddedPostgres({ dataDir, database: 'interakt' });
    try {
      const res = await runCli(['list-admins'], { DATA_DIR: dataDir });
      expectOneErrorLine(
        res,
        `the embedded database under ${dataDir} is in use by another process (is the API running?): stop the API first or set DATABASE_URL`,
      );
    } finally {
      await api.stop();
    }
  }, 120_000);
});
