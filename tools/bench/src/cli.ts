/**
 * `npm run bench` (issue 7): seeds a dedicated database, starts the production build of the API and
 * the bare baseline side by side, loads every route of both with autocannon and writes the report.
 *
 *   npm run bench                          100,000 users, 1,000,000 events, 10 s per route → docs/benchmarks.md
 *   npm run bench -- --users 1000000       the large run (its own block in docs/benchmarks.md)
 *   npm run bench -- --smoke               1,000 users, 5,000 events, 2 s per route → tmp/bench/smoke.md;
 *                                          exits 1 unless every route answered 2xx on both servers
 *
 * Options: --users N --events N --duration S --warmup S --connections N --out FILE --routes id,id
 * --log-level L (the API's LOG_LEVEL; default info, as the image's deployments set it), --api-node-options "…" (the API's NODE_OPTIONS;
 * default: the runtime stage's NODE_OPTIONS in docker/api.Dockerfile, so the API runs as the image runs it),
 * --api-main FILE and --api-label NAME (another build of the API, e.g. on another HTTP adapter). Environment: BENCH_DATABASE_URL (a server to
 * create and drop a fresh database on; default an embedded PostgreSQL under data/bench), BCRYPT_COST.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isDeepStrictEqual } from 'node:util';
import bcrypt from 'bcrypt';
import * as prettier from 'prettier';
import { openBenchDatabase } from './database.ts';
import { compare, type LoadRequest } from './load.ts';
import { memoryOf, runNode, startServer, type ServerProcess } from './processes.ts';
import {
  checkTargets,
  mergeIntoDocument,
  renderReport,
  type RouteId,
  type RouteResult,
  type RunReport,
  writesRequestLines,
} from './report.ts';
import { imageNodeOptions } from './image.ts';
import { BENCH_ADMIN_EMAIL, BENCH_PASSWORD, seed } from './seed.ts';

const { values: args } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    users: { type: 'string' },
    events: { type: 'string' },
    duration: { type: 'string' },
    warmup: { type: 'string' },
    connections: { type: 'string' },
    out: { type: 'string' },
    routes: { type: 'string' },
    'log-level': { type: 'string', default: 'info' },
    'api-main': { type: 'string' },
    'api-label': { type: 'string', default: 'Express' },
    // e.g. a heap limit, '--max-old-space-size=160', or '' for none (docs/benchmarks.md, Memory).
    'api-node-options': { type: 'string' },
  },
});

const ROOT = resolve(import.meta.dirname, '../../..');
const API_MAIN = resolve(ROOT, args['api-main'] ?? 'dist/apps/api/main.js');
const API_MIGRATE = resolve(ROOT, 'dist/apps/api/migrate.js');
const BASELINE = resolve(import.meta.dirname, 'baseline-server.ts');

const apiNodeOptions = args['api-node-options'] ?? imageNodeOptions(readFileSync(resolve(ROOT, 'docker/api.Dockerfile'), 'utf8'));

const smoke = args.smoke;
const users = Number(args.users ?? (smoke ? 1_000 : 100_000));
const events = Number(args.events ?? (smoke ? 5_000 : 1_000_000));
const load = {
  connections: Number(args.connections ?? 32),
  duration: Number(args.duration ?? (smoke ? 2 : 10)),
  warmup: Number(args.warmup ?? (smoke ? 0.5 : 3)),
};
/** Read routes are measured in 2-second slices, alternating between the servers (see LoadOptions.slices). */
const readSlices = Math.max(1, Math.round(load.duration / 2));
const out = resolve(ROOT, args.out ?? (smoke ? 'tmp/bench/smoke.md' : 'docs/benchmarks.md'));
// The smoke only checks that login answers 2xx: a cheap cost keeps it from depending on the machine's speed.
const bcryptCost = Number(process.env['BCRYPT_COST'] ?? (smoke ? 4 : 12));
/** Whether the API writes a request line at this LOG_LEVEL; then so does the baseline. */
const logsRequests = writesRequestLines(args['log-level']);
const log = (line: string) => process.stdout.write(`bench: ${line}\n`);

interface RouteSpec {
  id: RouteId;
  label: string;
  path: (adminId: string) => string;
  tokens: ('login token' | 'access token')[];
}

/** The read routes of issue 7; `me` is about one's own account, which access tokens may not read (403). */
const READ_ROUTES: RouteSpec[] = [
  { id: 'me', label: 'GET /api/auth/me', path: () => '/api/auth/me', tokens: ['login token'] },
  { id: 'users', label: 'GET /api/users', path: () => '/api/users', tokens: ['login token', 'access token'] },
  { id: 'users-page-500', label: 'GET /api/users?page=500', path: () => '/api/users?page=500', tokens: ['login token', 'access token'] },
  { id: 'users-search', label: 'GET /api/users?search=son', path: () => '/api/users?search=son', tokens: ['login token', 'access token'] },
  {
    id: 'users-filter',
    label: 'GET /api/users?role=moderator&status=inactive',
    path: () => '/api/users?role=moderator&status=inactive',
    tokens: ['login token', 'access token'],
  },
  { id: 'users-stats', label: 'GET /api/users/stats', path: () => '/api/users/stats', tokens: ['login token', 'access token'] },
  { id: 'audit', label: 'GET /api/audit', path: () => '/api/audit', tokens: ['login token', 'access token'] },
  {
    id: 'audit-actor',
    label: 'GET /api/audit?actorId=…',
    path: (id) => `/api/audit?actorId=${id}`,
    tokens: ['login token', 'access token'],
  },
];

async function post(baseUrl: string, path: string, body: unknown, token?: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`POST ${path} answered ${res.status}: ${JSON.stringify(json)}`);
  return json;
}

/** The last request line of a server's output for `route`, as its keys and those of its objects (values differ: ids, times). */
function requestLineShape(output: string, route: string): string | undefined {
  const line = output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .findLast((l) => l['route'] === route && l['msg'] === 'request completed');
  if (!line) return undefined;
  const keys = Object.entries(line).map(([k, v]) => (typeof v === 'object' && v ? `${k}{${Object.keys(v).sort().join(',')}}` : k));
  return keys.sort().join(' ');
}

/** Asks each server for the first page of users once more and reads the line it wrote for that. */
async function requestLineShapes(servers: ServerProcess[], token: string): Promise<(string | undefined)[]> {
  for (const server of servers) await getJson(server.url, '/api/users', token);
  await new Promise((r) => setTimeout(r, 200));
  return servers.map((server) => requestLineShape(server.output(), '/api/users'));
}

async function getJson(baseUrl: string, path: string, token: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: await res.json() };
}

/** Median of `n` compares at the configured cost: the price of one login, measured here and now. */
async function timeCompare(hash: string, n = 5): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await bcrypt.compare(BENCH_PASSWORD, hash);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(n / 2)];
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function main(): Promise<number> {
  if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} is missing: build the API first (npx nx build api)`);
  const only = args.routes ? new Set(args.routes.split(',')) : null;
  const db = await openBenchDatabase({
    serverUrl: process.env['BENCH_DATABASE_URL'],
    dataDir: resolve(ROOT, 'data/bench'),
    onLog: () => undefined,
  });
  const servers: ServerProcess[] = [];
  try {
    log(`database: ${db.description}`);
    const secrets = { JWT_SECRET: randomBytes(48).toString('base64url'), ENCRYPTION_KEY: randomBytes(32).toString('hex') };
    const apiEnv = {
      NODE_ENV: 'production',
      DATABASE_URL: db.url,
      ...secrets,
      JWT_TTL: '4h',
      LOG_LEVEL: args['log-level'],
      BCRYPT_COST: String(bcryptCost),
      MIGRATE_ON_START: 'false',
      ...(apiNodeOptions ? { NODE_OPTIONS: apiNodeOptions } : {}),
      // Only successful logins are sent, and successes give their attempt back; but up to
      // `connections` attempts are in flight (counted, not yet given back) on one client address.
      LOGIN_MAX_FAILURES_PER_IP: '100000',
    };
    log((await runNode(API_MIGRATE, apiEnv)).trim());
    const hashStarted = performance.now();
    const passwordHash = await bcrypt.hash(BENCH_PASSWORD, bcryptCost);
    log(`bcrypt cost ${bcryptCost}: one hash took ${(performance.now() - hashStarted).toFixed(0)} ms`);
    const seeded = await seed(db.url, { users, events, passwordHash });
    log(`seeded ${users} users and ${events} audit events in ${seeded.seconds.toFixed(1)} s ${JSON.stringify(seeded.steps)}`);
    const compareMs = await timeCompare(passwordHash);
    const cores = availableParallelism();

    const api = await startServer('API', API_MAIN, apiEnv, '/api/health', { discardStdout: !smoke });
    servers.push(api);
    const baseline = await startServer(
      'baseline',
      BASELINE,
      {
        DATABASE_URL: db.url,
        JWT_SECRET: secrets.JWT_SECRET,
        JWT_TTL_SECONDS: String(4 * 3600),
        LOGIN_MAX_FAILURES_PER_IP: apiEnv.LOGIN_MAX_FAILURES_PER_IP,
        LOG_REQUESTS: String(logsRequests),
      },
      '/api/health',
      { discardStdout: !smoke },
    );
    servers.push(baseline);
    const peakRss = new Map<number, number>();
    const sampler = setInterval(() => {
      for (const server of servers) {
        void memoryOf(server.pid).then((m) => m && peakRss.set(server.pid, Math.max(peakRss.get(server.pid) ?? 0, m.peakMiB, m.rssMiB)));
      }
    }, 250);

    // Both kinds of bearer token, made through the API as a client would.
    const signedIn = await post(api.url, '/api/auth/login', { email: BENCH_ADMIN_EMAIL, password: BENCH_PASSWORD });
    const loginToken = String(signedIn['accessToken']);
    const created = await post(api.url, '/api/access-tokens', { name: 'bench', role: 'admin', expiresInDays: 1 }, loginToken);
    const tokens = { 'login token': loginToken, 'access token': String(created['token']) };

    // The baseline must answer what the API answers, or its numbers mean nothing.
    // Twice: the second pass reads searches by their kept counts (and page anchors), as the load will.
    const mismatches: string[] = [];
    for (const route of [...READ_ROUTES, ...READ_ROUTES]) {
      for (const auth of route.tokens) {
        const path = route.path(seeded.adminId);
        const [fromApi, fromBaseline] = [await getJson(api.url, path, tokens[auth]), await getJson(baseline.url, path, tokens[auth])];
        if (fromApi.status !== 200 || fromBaseline.status !== 200 || !isDeepStrictEqual(fromApi.body, fromBaseline.body)) {
          mismatches.push(
            `${path} (${auth}): API ${fromApi.status}, baseline ${fromBaseline.status}${fromApi.status === 200 ? ', bodies differ' : ''}`,
          );
          if (fromApi.status === 200 && fromBaseline.status === 200) {
            log(`  API: ${JSON.stringify(fromApi.body).slice(0, 600)}\n  baseline: ${JSON.stringify(fromBaseline.body).slice(0, 600)}`);
          }
        }
      }
    }
    log(mismatches.length ? `answers differ:\n  ${mismatches.join('\n  ')}` : 'the baseline answers every read route exactly as the API');

    const routes: RouteResult[] = [];
    const bench = async (id: RouteId, label: string, auth: RouteResult['auth'], request: LoadRequest, kind: RouteResult['kind']) => {
      if (only && !only.has(id)) return;
      // A login left in flight when its run ends still costs a compare: let it finish before the other server's run.
      const settle = kind === 'login' ? () => sleep((load.connections * compareMs) / cores + 500) : undefined;
      // Login: one continuous run each, measured once the bcrypt queue is full (32 requests on `cores` cores).
      const options =
        kind === 'login'
          ? { ...load, slices: 0, warmup: Math.max(load.warmup, (1.5 * load.connections * compareMs) / cores / 1000) }
          : { ...load, slices: readSlices };
      const [fromApi, fromBaseline] = await compare([api.url, baseline.url], request, options, settle);
      routes.push({ id, label, auth, kind, api: fromApi, baseline: fromBaseline });
      const show = (r: typeof fromApi) => `${r.requestsPerSecond.toFixed(1)} req/s p50 ${r.p50} p99 ${r.p99} errors ${r.errors}`;
      const memory = await memoryOf(api.pid);
      const rss = memory ? ` | API RSS ${memory.rssMiB.toFixed(0)} MB, peak so far ${memory.peakMiB.toFixed(0)} MB` : '';
      log(`${label} (${auth}): API ${show(fromApi)} | baseline ${show(fromBaseline)}${rss}`);
    };
    for (const route of READ_ROUTES) {
      for (const auth of route.tokens) {
        const request = { method: 'GET' as const, path: route.path(seeded.adminId), headers: { authorization: `Bearer ${tokens[auth]}` } };
        await bench(route.id, route.label, auth, request, 'read');
      }
    }
    let next = 0;
    const loginBody = () => JSON.stringify({ email: seeded.loginEmails[next++ % seeded.loginEmails.length], password: BENCH_PASSWORD });
    await bench(
      'login',
      'POST /api/auth/login',
      'none',
      { method: 'POST', path: '/api/auth/login', headers: { 'content-type': 'application/json' }, body: loginBody },
      'login',
    );

    clearInterval(sampler);
    const apiMemory = await memoryOf(api.pid);
    const baselineMemory = await memoryOf(baseline.pid);
    const report: RunReport = {
      date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
      users,
      events,
      seedSeconds: seeded.seconds,
      seedSteps: seeded.steps,
      database: db.description,
      machine: { cores, cpu: cpus()[0]?.model.trim() ?? 'unknown', node: process.version },
      load,
      api: {
        adapter: `${args['api-label']}, NODE_OPTIONS=${apiNodeOptions ? `\`${apiNodeOptions}\`` : 'none'}`,
        logLevel: args['log-level'] ?? 'info',
        peakRssMiB: Math.max(apiMemory?.peakMiB ?? 0, peakRss.get(api.pid) ?? 0),
      },
      baselinePeakRssMiB: Math.max(baselineMemory?.peakMiB ?? 0, peakRss.get(baseline.pid) ?? 0),
      bcrypt: { cost: bcryptCost, compareMs, loginLimit: cores / (compareMs / 1000) },
      routes,
    };
    const rendered = renderReport(report);
    process.stdout.write(`\n${rendered}\n\n`);
    await mkdir(dirname(out), { recursive: true });
    const existing = existsSync(out) ? await readFile(out, 'utf8') : '';
    const document = mergeIntoDocument(existing, report, rendered);
    const prettierConfig = (await prettier.resolveConfig(out)) ?? {};
    await writeFile(out, await prettier.format(document, { ...prettierConfig, filepath: out }));
    const json = resolve(ROOT, 'tmp/bench', `${smoke ? 'smoke' : 'run'}-${users}-${Date.now()}.json`);
    await mkdir(dirname(json), { recursive: true });
    await writeFile(json, JSON.stringify({ ...report, targets: checkTargets(report) }, null, 2));
    log(`report written to ${out} (raw numbers: ${json})`);

    // What the smoke asserts: every route answered, only with 2xx, on both servers; same bodies; the
    // same request line when the API writes one; a report. No timing.
    const lineShapes = smoke && logsRequests ? await requestLineShapes(servers, loginToken) : [];
    const failures = [
      ...mismatches,
      ...(lineShapes.length && (!lineShapes[0] || lineShapes[0] !== lineShapes[1])
        ? [`request lines differ: API ${lineShapes[0] ?? 'none'}; baseline ${lineShapes[1] ?? 'none'}`]
        : []),
      ...routes.filter((r) => r.api.errors > 0 || r.baseline.errors > 0).map((r) => `${r.label} (${r.auth}) had non-2xx responses`),
      ...routes.filter((r) => r.api.total === 0 || r.baseline.total === 0).map((r) => `${r.label} (${r.auth}) got no answer`),
      ...(existsSync(out) ? [] : [`no report at ${out}`]),
    ];
    const expected = only ? null : READ_ROUTES.reduce((n, r) => n + r.tokens.length, 1);
    if (expected !== null && routes.length !== expected) failures.push(`measured ${routes.length} routes, expected ${expected}`);
    if (failures.length) {
      log(`FAILED:\n  ${failures.join('\n  ')}`);
      if (smoke) for (const server of servers) log(`${server.name} output:\n${server.output().slice(-4000)}`);
      return 1;
    }
    return 0;
  } finally {
    for (const server of servers) await server.stop();
    await db.drop();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
