/**
 * The bare baseline of the benchmark: `node:http` and a `pg` Pool, no framework, no ORM, answering
 * the benchmarked routes of the API with the same SQL, the same authentication work and the same
 * JSON. It is the yardstick for what the framework, the ORM and the middleware cost; it is not a
 * product and skips what the benchmark does not exercise (CORS, helmet, request ids, OpenAPI). With
 * LOG_REQUESTS=true it writes the API's request line (what the API writes at LOG_LEVEL=info), so
 * that a run at the deployed log level compares like with like.
 *
 * Run as its own process, like the API: `node tools/bench/src/baseline-server.ts` with
 * DATABASE_URL, JWT_SECRET, JWT_TTL_SECONDS, HOST, PORT, LOGIN_MAX_FAILURES_PER_EMAIL / _PER_IP (as the
 * API's), POOL_MAX (default 10, the API's pool size) and LOG_REQUESTS.
 *
 * Keep it in step with the API: the bench's smoke run compares both servers' bodies route by route.
 */
import { createHash, createSecretKey, randomUUID } from 'node:crypto';
import { writeSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';
import { hostname } from 'node:os';
import bcrypt from 'bcrypt';
import jwt from 'jsonwebtoken';
import pg from 'pg';
import postgresDate from 'postgres-date';
import {
  auditListSql,
  type BoundSql,
  cappedCountSql,
  firstPageCountedSql,
  type ListedSql,
  EXACT_TOTAL_LIMIT,
  PRINCIPAL_SQL,
  STATS_SQL,
  TOKEN_SQL,
  TOKEN_TOUCH_SQL,
  USER_COLUMNS,
  userListSql,
  anchoredListSql,
  ANCHORED_SORTS,
  type UserListQuery,
} from './baseline-sql.ts';

const env = process.env;
/** A KeyObject made once, as the API does (a string secret costs jsonwebtoken two key imports per call). */
const JWT_KEY = createSecretKey(Buffer.from(env['JWT_SECRET'] ?? '', 'utf8'));
const JWT_TTL_SECONDS = Number(env['JWT_TTL_SECONDS'] ?? 900);
const ISSUER = 'interakt-admin';
const AUDIENCE = 'interakt-admin-api';
const TOKEN_PREFIX = 'iak_';
const LOGIN_WINDOW_SECONDS = 900;
const ROLES = ['admin', 'moderator', 'user'];
/** SPEC §2's matrix, as libs/shared/auth-model has it (the order is the API's). */
const PERMISSIONS: Record<string, string[]> = {
  admin: [
    'users.manage',
    'audit.view',
    'tokens.manage',
    'providers.manage',
    'setup.reset',
    'content.write',
    'content.read',
    'analytics.view',
    'playground.use',
  ],
  moderator: ['content.write', 'content.read', 'analytics.view', 'playground.use'],
  user: ['content.read', 'playground.use'],
};
const USER_STATUSES = ['active', 'inactive'];
const SORTS = ['name', 'email', 'role', 'status', 'createdAt'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CREDENTIAL_PARAMS = new Set(['access_token', 'token', 'api_key', 'apikey', 'bearer']);

// Timestamps as PostgreSQL's text, as MikroORM's pool returns them to the API: a page anchor keeps the microseconds.
pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, (value: string) => value);
pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, (value: string) => value);
const pool = new pg.Pool({ connectionString: env['DATABASE_URL'], max: Number(env['POOL_MAX'] ?? 10) });

const statementNames = new Map<string, string>();

/**
 * A named prepared statement per SQL text, as the API's readPrepared: parsed and planned once per
 * connection, its name hashed once per text; `planPerCall` statements are unnamed, as there.
 */
function read(sql: string, params: unknown[] = [], planPerCall = false) {
  if (planPerCall) return pool.query({ text: sql, values: params });
  let name = statementNames.get(sql);
  if (!name) {
    name = `b_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
    statementNames.set(sql, name);
  }
  return pool.query({ name, text: sql, values: params });
}

interface Principal {
  type: 'user' | 'token';
  id: string;
  role: string;
}

class HttpError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

type Row = Record<string, unknown>;
// A CommonJS module whose types say `export default`: under Node's ESM the default import is the function itself.
const parseDate = postgresDate as unknown as typeof postgresDate.default;

/** The API's `isoTimestamp` (apps/api/src/database/pg-timestamp.ts): a UTC session's text by slicing, else postgres-date. */
function iso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  const text = value as string;
  if (text.length >= 22 && text.length <= 29 && text[4] === '-' && text[10] === ' ' && text.endsWith('+00')) {
    const fraction = text[19] === '.' ? text.slice(20, -3) : '';
    return `${text.slice(0, 10)}T${text.slice(11, 19)}.${`${fraction}000`.slice(0, 3)}Z`;
  }
  const parsed = parseDate(text);
  return (parsed instanceof Date ? parsed : new Date(NaN)).toISOString();
}

function userDto(row: Row) {
  return {
    id: row['id'],
    firstName: row['first_name'],
    lastName: row['last_name'],
    email: row['email'],
    role: row['role'],
    status: row['status'],
    createdAt: iso(row['created_at']),
    updatedAt: iso(row['updated_at']),
    lastLoginAt: iso(row['last_login_at']),
  };
}

function auditDto(row: Row) {
  return {
    id: String(row['id']),
    at: iso(row['at']),
    action: row['action'],
    actor: { type: row['actor_type'], id: row['actor_id'], email: row['actor_email'], name: row['actor_name'] },
    target: row['target_type'] ? { type: row['target_type'], id: row['target_id'], label: row['target_label'] } : null,
    details: row['details'],
    ip: row['ip'],
    userAgent: row['user_agent'],
  };
}

/** The same work as the API's AuthenticationGuard: JWT verify + one SQL, or SHA-256 + one SQL. */
async function authenticate(req: IncomingMessage): Promise<Principal> {
  const header = req.headers['authorization'];
  const match = typeof header === 'string' ? /^Bearer ([^\s]+)$/i.exec(header.trim()) : null;
  if (!match) throw new HttpError(401, 'UNAUTHENTICATED', 'Sign in first: send Authorization: Bearer <token>');
  const token = match[1];
  if (token.startsWith(TOKEN_PREFIX)) {
    const hash = createHash('sha256').update(token).digest('hex');
    const { rows } = await read(TOKEN_SQL, [hash]);
    const row = rows[0];
    if (!row || row.expired || !ROLES.includes(row.role)) throw new HttpError(401, 'UNAUTHENTICATED', 'The token is invalid');
    if (row.stale) await pool.query(TOKEN_TOUCH_SQL, [row.id]);
    return { type: 'token', id: row.id, role: row.role };
  }
  let claims: jwt.JwtPayload;
  try {
    claims = jwt.verify(token, JWT_KEY, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE }) as jwt.JwtPayload;
  } catch {
    throw new HttpError(401, 'UNAUTHENTICATED', 'The token is invalid, expired or revoked; sign in again');
  }
  if (typeof claims.sub !== 'string' || typeof claims.jti !== 'string' || typeof claims['ver'] !== 'number') {
    throw new HttpError(401, 'UNAUTHENTICATED', 'The token is invalid');
  }
  if (!UUID.test(claims.sub) || !UUID.test(claims.jti)) throw new HttpError(401, 'UNAUTHENTICATED', 'The token is invalid');
  const { rows } = await read(PRINCIPAL_SQL, [claims.jti, claims.sub]);
  const row = rows[0];
  if (!row || row.revoked || row.status !== 'active' || row.token_version !== claims['ver'] || !ROLES.includes(row.role)) {
    throw new HttpError(401, 'UNAUTHENTICATED', 'The token is invalid, expired or revoked; sign in again');
  }
  return { type: 'user', id: row.id, role: row.role };
}

function requirePermission(principal: Principal, permission: string): void {
  if (!PERMISSIONS[principal.role]?.includes(permission)) {
    throw new HttpError(403, 'PERMISSION_DENIED', `Missing permission: ${permission}`);
  }
}

function intParam(query: URLSearchParams, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = query.get(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) throw new HttpError(400, 'VALIDATION_FAILED', `${name} is invalid`);
  return value;
}

function oneOf(query: URLSearchParams, name: string, allowed: string[]): string | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  if (!allowed.includes(raw)) throw new HttpError(400, 'VALIDATION_FAILED', `${name} must be one of ${allowed.join(', ')}`);
  return raw;
}

const estimates = new Map<string, { total: number; until: number }>();

/** The API's countCapped: exact up to EXACT_TOTAL_LIMIT, else the planner's estimate, kept 30 s per query. */
async function countCapped(matches: BoundSql): Promise<{ total: number; totalExact: boolean }> {
  const capped = cappedCountSql(matches, EXACT_TOTAL_LIMIT);
  const { rows } = await read(capped.sql, capped.params, capped.planPerCall);
  if (rows[0].total <= EXACT_TOTAL_LIMIT) return { total: rows[0].total, totalExact: true };
  return { total: await estimate(matches), totalExact: false };
}

/** The API's firstPageCounted: page 1 and its capped total in one statement. */
async function firstPageCounted(listed: ListedSql, matches: BoundSql, pageSize: number) {
  const statement = firstPageCountedSql(listed, matches, pageSize, EXACT_TOTAL_LIMIT);
  const { rows } = await read(statement.sql, statement.params, statement.planPerCall);
  const matched: number = rows[0].matched;
  const found = matched === 0 ? [] : rows;
  if (matched <= EXACT_TOTAL_LIMIT) return { rows: found, total: matched, totalExact: true };
  return { rows: found, total: await estimate(matches), totalExact: false };
}

async function estimate(matches: BoundSql): Promise<number> {
  const key = JSON.stringify([matches.sql, matches.params]);
  let kept = estimates.get(key);
  if (!kept || kept.until <= Date.now()) {
    const plan = await pool.query(`explain (format json) ${matches.sql}`, matches.params);
    kept = { total: Math.round(plan.rows[0]['QUERY PLAN'][0].Plan['Plan Rows']), until: Date.now() + 30_000 };
    if (estimates.size >= 500) estimates.delete(estimates.keys().next().value as string);
    estimates.set(key, kept);
  }
  return Math.max(EXACT_TOTAL_LIMIT + 1, kept.total);
}

async function listUsers(query: URLSearchParams) {
  const search = query.get('search')?.trim();
  if (search !== undefined && search.length > 200) throw new HttpError(400, 'VALIDATION_FAILED', 'search is too long');
  const list: UserListQuery = {
    search,
    role: oneOf(query, 'role', ROLES),
    status: oneOf(query, 'status', USER_STATUSES),
    page: intParam(query, 'page', 1),
    pageSize: intParam(query, 'pageSize', 20, 100),
    sort: oneOf(query, 'sort', SORTS) ?? 'createdAt',
    order: oneOf(query, 'order', ['asc', 'desc']) as UserListQuery['order'],
  };
  if (list.search) return searchedList(list);
  if (ANCHORED_SORTS[list.sort]) return anchoredList(list);
  const { rows, count } = userListSql(list);
  const [found, counted] = await Promise.all([read(rows.sql, rows.params), read(count.sql, count.params)]);
  return { items: found.rows.map(userDto), total: counted.rows[0].total, totalExact: true, page: list.page, pageSize: list.pageSize };
}

/** The API's known search counts: (term, role, status) → capped count at a version of the lists. */
const counts = new Map<string, { version: string; matched: number; until: number }>();

/** The API's searchedList: the page beside its version while the kept count's version holds, else beside a new count. */
async function searchedList(list: UserListQuery) {
  const key = JSON.stringify([list.search, list.role ?? null, list.status ?? null]);
  const kept = counts.get(key);
  const known = kept && kept.until > Date.now() ? kept : undefined;
  let statements = userListSql(list, known && known.matched > EXACT_TOTAL_LIMIT ? 'common' : 'planned');
  let found: pg.QueryResultRow[] = [];
  let matched = known?.matched;
  if (statements.versioned && known) {
    found = (await read(statements.versioned.sql, statements.versioned.params, statements.versioned.planPerCall)).rows;
    if (found[0].version !== known.version) matched = undefined;
  }
  if (matched === undefined) {
    statements = userListSql(list);
    if (!statements.counted) throw new Error('not a search');
    found = (await read(statements.counted.sql, statements.counted.params, true)).rows;
    matched = Number(found[0].matched);
    keep(counts, key, { version: found[0].version, matched });
  }
  const rows = found[0].id === null ? [] : found;
  const total = matched <= EXACT_TOTAL_LIMIT ? matched : await estimate(statements.count);
  return { items: rows.map(userDto), total, totalExact: matched <= EXACT_TOTAL_LIMIT, page: list.page, pageSize: list.pageSize };
}

const anchors = new Map<string, { version: string; key: string; id: string; until: number }>();

/** The API's keep: kept a minute, at most 1,000 entries, the least recently stored dropped first. */
function keep<V extends object>(map: Map<string, V & { until: number }>, key: string, value: V): void {
  map.delete(key);
  if (map.size >= 1_000) map.delete(map.keys().next().value as string);
  map.set(key, { ...value, until: Date.now() + 60_000 });
}

/** The API's anchoredList: keyset from a remembered page start while the list's version holds. */
async function anchoredList(list: UserListQuery) {
  const column = ANCHORED_SORTS[list.sort];
  const pageKey = (page: number) =>
    JSON.stringify([list.role ?? null, list.status ?? null, list.sort, list.order ?? null, list.pageSize, page]);
  const kept = list.page > 1 ? anchors.get(pageKey(list.page)) : undefined;
  const anchor = kept && kept.until > Date.now() ? kept : undefined;
  let statement = anchoredListSql(list, anchor);
  let found = (await read(statement.sql, statement.params)).rows;
  if (anchor && found[0].version !== anchor.version) {
    statement = anchoredListSql(list);
    found = (await read(statement.sql, statement.params)).rows;
  }
  const { total, version } = found[0];
  const rows = found[0].id === null ? [] : found;
  if (rows.length > 0 && list.page > 1) keep(anchors, pageKey(list.page), { version, key: String(rows[0][column]), id: rows[0].id });
  if (rows.length > list.pageSize) {
    const next = rows[list.pageSize];
    keep(anchors, pageKey(list.page + 1), { version, key: String(next[column]), id: next.id });
  }
  return { items: rows.slice(0, list.pageSize).map(userDto), total, totalExact: true, page: list.page, pageSize: list.pageSize };
}

async function stats() {
  const { rows } = await read(STATS_SQL);
  const { total, active, inactive, admins } = rows[0];
  const activePercent = total === 0 ? 0 : Math.round((active * 1000) / total) / 10;
  return { total, active, inactive, activePercent, admins };
}

async function listAudit(query: URLSearchParams) {
  const actorId = query.get('actorId') ?? undefined;
  const targetId = query.get('targetId') ?? undefined;
  for (const id of [actorId, targetId]) if (id !== undefined && !UUID.test(id)) throw new HttpError(400, 'VALIDATION_FAILED', 'not a UUID');
  const filters = {
    actorId,
    targetId,
    action: query.get('action') ?? undefined,
    from: query.get('from') ?? undefined,
    to: query.get('to') ?? undefined,
    page: intParam(query, 'page', 1),
    pageSize: intParam(query, 'pageSize', 20, 100),
  };
  const { rows, count, firstPage } = auditListSql(filters);
  if (firstPage) {
    const { rows: found, total, totalExact } = await firstPageCounted(firstPage, count, filters.pageSize);
    return { items: found.map(auditDto), total, totalExact, page: filters.page, pageSize: filters.pageSize };
  }
  const [found, { total, totalExact }] = await Promise.all([read(rows.sql, rows.params, rows.planPerCall), countCapped(count)]);
  return { items: found.rows.map(auditDto), total, totalExact, page: filters.page, pageSize: filters.pageSize };
}

async function me(principal: Principal) {
  if (principal.type !== 'user') throw new HttpError(403, 'PERMISSION_DENIED', 'Only a signed-in user can read /api/auth/me');
  const { rows } = await read(`select ${USER_COLUMNS} from users where id = $1`, [principal.id]);
  if (!rows[0]) throw new HttpError(401, 'UNAUTHENTICATED', 'The account no longer exists');
  return { user: userDto(rows[0]), permissions: [...PERMISSIONS[rows[0].role]] };
}

/** The API's login path: throttle upsert, lookup, bcrypt compare, success, last-login + audit in one transaction, sign. */
async function login(req: IncomingMessage, body: unknown) {
  const { email, password } = (body ?? {}) as { email?: unknown; password?: unknown };
  if (typeof email !== 'string' || typeof password !== 'string') throw new HttpError(400, 'VALIDATION_FAILED', 'email and password');
  const normalised = email.trim().toLowerCase();
  const ip = req.socket.remoteAddress ?? '';
  const keys = [`email:${normalised}`.slice(0, 300), `ip:${ip}`];
  const limits = new Map([
    [keys[0], Number(env['LOGIN_MAX_FAILURES_PER_EMAIL'] ?? 10)],
    [keys[1], Number(env['LOGIN_MAX_FAILURES_PER_IP'] ?? 100)],
  ]);
  const { rows: counters } = await pool.query(
    `insert into login_throttle as t (key, failures, window_started_at)
     values ($1, 1, now()), ($2, 1, now())
     on conflict (key) do update set
       failures = case when t.window_started_at + make_interval(secs => $3) <= now() then 1 else t.failures + 1 end,
       window_started_at = case when t.window_started_at + make_interval(secs => $3) <= now() then now() else t.window_started_at end
     returning key, failures,
       greatest(1, ceil(extract(epoch from (window_started_at + make_interval(secs => $3) - now()))))::int as retry_after`,
    [...keys, LOGIN_WINDOW_SECONDS],
  );
  if (counters.some((c) => c.failures > (limits.get(c.key) ?? Infinity))) throw new HttpError(429, 'TOO_MANY_ATTEMPTS', 'Too many');
  const { rows } = await pool.query('select "u0".* from "users" as "u0" where lower(email) = $1 limit 1', [normalised]);
  const user = rows[0];
  if (!user || !(await bcrypt.compare(password, user.password_hash))) throw new HttpError(401, 'INVALID_CREDENTIALS', 'Invalid');
  if (user.status !== 'active') throw new HttpError(403, 'ACCOUNT_INACTIVE', 'This account is deactivated');
  await pool.query(
    `with cleared as (delete from login_throttle where key = $1)
     update login_throttle set failures = greatest(failures - 1, 0) where key = $2`,
    keys,
  );
  const now = new Date();
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('update "users" set "last_login_at" = $1 where "id" = $2', [now, user.id]);
    await client.query(
      `insert into audit_events
         (action, actor_type, actor_id, actor_email, actor_name, target_type, target_id, target_label, details, ip, user_agent)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11)`,
      [
        'auth.login',
        'user',
        user.id,
        user.email,
        `${user.first_name} ${user.last_name}`,
        'user',
        user.id,
        user.email,
        '{}',
        ip,
        String(req.headers['user-agent'] ?? '').slice(0, 512) || null,
      ],
    );
    await client.query('commit');
  } catch (e) {
    await client.query('rollback');
    throw e;
  } finally {
    client.release();
  }
  const accessToken = jwt.sign({ sub: user.id, ver: user.token_version }, JWT_KEY, {
    algorithm: 'HS256',
    expiresIn: JWT_TTL_SECONDS,
    issuer: ISSUER,
    audience: AUDIENCE,
    jwtid: randomUUID(),
  });
  return { accessToken, tokenType: 'Bearer', expiresIn: JWT_TTL_SECONDS, user: userDto({ ...user, last_login_at: now }) };
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolveBody, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      text += chunk;
      if (text.length > 100_000) reject(new HttpError(413, 'VALIDATION_FAILED', 'too large'));
    });
    req.on('end', () => {
      try {
        resolveBody(text ? JSON.parse(text) : {});
      } catch {
        reject(new HttpError(400, 'VALIDATION_FAILED', 'The request body is not valid JSON'));
      }
    });
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

/** What the request line names besides the request: the caller and the route pattern. */
interface Handled {
  principal?: Principal;
  route?: string;
}

async function route(req: IncomingMessage, handled: Handled): Promise<[number, unknown]> {
  const url = new URL(req.url ?? '/', 'http://baseline');
  const query = url.searchParams;
  for (const [name, value] of query) {
    if (CREDENTIAL_PARAMS.has(name.toLowerCase()) || value.startsWith(TOKEN_PREFIX)) {
      throw new HttpError(401, 'UNAUTHENTICATED', 'Tokens are not accepted in the URL');
    }
  }
  const key = `${req.method} ${url.pathname}`;
  handled.route = url.pathname;
  switch (key) {
    case 'GET /api/health':
      await pool.query('select 1');
      return [200, { status: 'ok', db: 'up' }];
    case 'POST /api/auth/login':
      return [200, await login(req, await readJson(req))];
    case 'GET /api/auth/me':
      return [200, await me((handled.principal = await authenticate(req)))];
  }
  const principal = (handled.principal = await authenticate(req));
  switch (key) {
    case 'GET /api/users':
      requirePermission(principal, 'users.manage');
      return [200, await listUsers(query)];
    case 'GET /api/users/stats':
      requirePermission(principal, 'users.manage');
      return [200, await stats()];
    case 'GET /api/audit':
      requirePermission(principal, 'audit.view');
      return [200, await listAudit(query)];
  }
  handled.route = undefined;
  throw new HttpError(404, 'NOT_FOUND', `Cannot ${key}`);
}

const LOG_REQUESTS = env['LOG_REQUESTS'] === 'true';
const HOSTNAME = hostname();

/** The API's request line (apps/api/src/common/logging.ts), written as pino's default destination writes: synchronously. */
function logRequest(req: IncomingMessage, handled: Handled, status: number, started: number): void {
  const line = {
    level: status >= 500 ? 50 : 30,
    time: Date.now(),
    pid: process.pid,
    hostname: HOSTNAME,
    req: { id: randomUUID(), method: req.method, url: (req.url ?? '/').split('?')[0] },
    ...(handled.principal ? { principal: { type: handled.principal.type, id: handled.principal.id } } : {}),
    ...(handled.route ? { route: handled.route } : {}),
    res: { statusCode: status },
    responseTime: Date.now() - started,
    msg: status >= 500 ? 'request errored' : 'request completed',
  };
  writeSync(1, `${JSON.stringify(line)}\n`);
}

const server = createServer((req, res) => {
  const started = Date.now();
  const handled: Handled = {};
  const answer = (status: number, body: unknown) => {
    send(res, status, body);
    if (LOG_REQUESTS && req.url !== '/api/health') logRequest(req, handled, status, started);
  };
  route(req, handled).then(
    ([status, body]) => answer(status, body),
    (e: unknown) => {
      const status = e instanceof HttpError ? e.status : 500;
      const code = e instanceof HttpError ? e.code : 'INTERNAL_ERROR';
      const message = e instanceof HttpError ? e.message : 'Internal server error';
      if (!(e instanceof HttpError)) process.stderr.write(`baseline: ${e instanceof Error ? e.message : String(e)}\n`);
      answer(status, { statusCode: status, error: STATUS_CODES[status] ?? 'Error', code, message });
    },
  );
});
server.keepAliveTimeout = 5_000;
server.listen(Number(env['PORT'] ?? 3100), env['HOST'] ?? '127.0.0.1');
process.once('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void pool.end().finally(() => process.exit(0));
});
