import type { LoadResult } from './load.ts';

export type RouteKind = 'read' | 'login';

/** The benchmarked routes; `id` ties a result to the targets (page 1 vs page 500, search, stats). */
export type RouteId =
  'me' | 'users' | 'users-page-500' | 'users-search' | 'users-filter' | 'users-stats' | 'audit' | 'audit-actor' | 'login';

export interface RouteResult {
  id: RouteId;
  label: string;
  auth: 'login token' | 'access token' | 'none';
  kind: RouteKind;
  api: LoadResult;
  baseline: LoadResult;
}

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

export interface RunReport {
  date: string;
  users: number;
  events: number;
  seedSeconds: number;
  seedSteps: Record<string, number>;
  database: string;
  machine: { cores: number; cpu: string; node: string };
  load: { connections: number; duration: number; warmup: number };
  api: { adapter: string; logLevel: string; peakRssMiB: number };
  baselinePeakRssMiB: number;
  bcrypt: { cost: number; compareMs: number; loginLimit: number };
  routes: RouteResult[];
}

/** The thresholds of issue 7. */
export const TARGETS = {
  readRatio: 0.6,
  readP99Ms: 50,
  deepPageFactor: 2,
  loginShareOfLimit: 0.8,
  peakRssMiB: 250,
};

const fixed = (n: number, digits = 0) => n.toFixed(digits);
export const ratio = (r: RouteResult) => (r.baseline.requestsPerSecond > 0 ? r.api.requestsPerSecond / r.baseline.requestsPerSecond : 0);

/** Every target of issue 7 against one run's numbers (for the report; never asserted by a test). */
export function checkTargets(report: RunReport): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const reads = report.routes.filter((r) => r.kind === 'read');
  for (const r of reads) {
    const name = `${r.label} (${r.auth})`;
    checks.push({
      target: `${name}: ≥ ${TARGETS.readRatio}× baseline req/s, p99 < ${TARGETS.readP99Ms} ms`,
      measured: `${fixed(ratio(r), 2)}×, p99 ${r.api.p99} ms`,
      met: ratio(r) >= TARGETS.readRatio && r.api.p99 < TARGETS.readP99Ms,
    });
  }
  for (const auth of ['login token', 'access token'] as const) {
    const first = reads.find((r) => r.id === 'users' && r.auth === auth);
    const deep = reads.find((r) => r.id === 'users-page-500' && r.auth === auth);
    if (!first || !deep) continue;
    checks.push({
      target: `users page 500 no slower than ${TARGETS.deepPageFactor}× page 1 (${auth})`,
      measured: `${fixed(deep.api.requestsPerSecond)} vs ${fixed(first.api.requestsPerSecond)} req/s, p50 ${deep.api.p50} vs ${first.api.p50} ms`,
      met:
        deep.api.requestsPerSecond * TARGETS.deepPageFactor >= first.api.requestsPerSecond &&
        deep.api.p50 <= Math.max(1, first.api.p50) * TARGETS.deepPageFactor,
    });
  }
  const login = report.routes.find((r) => r.id === 'login');
  if (login) {
    const limit = report.bcrypt.loginLimit;
    checks.push({
      target: `login ≥ ${TARGETS.loginShareOfLimit}× the bcrypt-bound limit (${fixed(limit, 1)}/s)`,
      measured: `${fixed(login.api.requestsPerSecond, 1)}/s = ${fixed(login.api.requestsPerSecond / limit, 2)}×`,
      met: login.api.requestsPerSecond >= TARGETS.loginShareOfLimit * limit,
    });
  }
  checks.push({
    target: `API peak RSS < ${TARGETS.peakRssMiB} MB`,
    measured: `${fixed(report.api.peakRssMiB)} MB`,
    met: report.api.peakRssMiB < TARGETS.peakRssMiB,
  });
  const failed = report.routes.filter((r) => r.api.errors > 0 || r.baseline.errors > 0);
  checks.push({
    target: 'no non-2xx responses (nor socket errors, timeouts)',
    measured: failed.length ? failed.map((r) => `${r.label} (${r.auth}): ${describeErrors(r)}`).join('; ') : 'none',
    met: failed.length === 0,
  });
  return checks;
}

function describeErrors(r: RouteResult): string {
  const codes = (l: LoadResult) =>
    Object.entries(l.statusCodes)
      .filter(([c]) => !c.startsWith('2'))
      .map(([c, n]) => `${n}×${c}`)
      .join(' ');
  return `API ${r.api.errors} ${codes(r.api)}, baseline ${r.baseline.errors} ${codes(r.baseline)}`.trim();
}

/** A Markdown table; the first `textColumns` columns are left-aligned, the numbers after them right-aligned. */
function table(header: string[], rows: string[][], textColumns: number): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (i < textColumns ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

/** Whether the API writes a request line per answer at this LOG_LEVEL (at info and below). */
export const writesRequestLines = (logLevel: string) => ['trace', 'debug', 'info'].includes(logLevel);

/** The Markdown of one run: conditions, the per-route table, memory, bcrypt and the targets. */
export function renderReport(report: RunReport): string {
  const rows = report.routes.map((r) => [
    r.label,
    r.auth,
    fixed(r.api.requestsPerSecond, r.kind === 'login' ? 1 : 0),
    String(r.api.p50),
    String(r.api.p99),
    String(r.api.errors),
    fixed(r.baseline.requestsPerSecond, r.kind === 'login' ? 1 : 0),
    String(r.baseline.p50),
    String(r.baseline.p99),
    String(r.baseline.errors),
    `${fixed(ratio(r), 2)}×`,
  ]);
  const checks = checkTargets(report);
  const steps = Object.entries(report.seedSteps)
    .map(([k, v]) => `${k} ${v} s`)
    .join(', ');
  return [
    `Run of ${report.date}: ${report.users.toLocaleString('en')} users, ${report.events.toLocaleString('en')} audit events ` +
      `(seeded in ${fixed(report.seedSeconds, 1)} s: ${steps}), ${report.database}. ` +
      `${report.machine.cores} cores (${report.machine.cpu}), Node ${report.machine.node}. ` +
      `Load: autocannon, ${report.load.connections} connections, per route and server ${report.load.warmup} s warm-up then ${report.load.duration} s measured ` +
      `(read routes in 2 s slices alternating between the API and the baseline; login in one run each). ` +
      `API: ${report.api.adapter}, LOG_LEVEL=${report.api.logLevel}` +
      `${writesRequestLines(report.api.logLevel) ? ' (a request line per answer, to /dev/null; the baseline writes the same line)' : ''}. ` +
      `Latencies in ms, errors = non-2xx responses + socket errors + timeouts.`,
    '',
    table(
      [
        'route',
        'auth',
        'API req/s',
        'API p50 ms',
        'API p99 ms',
        'API errors',
        'base req/s',
        'base p50 ms',
        'base p99 ms',
        'base errors',
        'API/base',
      ],
      rows,
      2,
    ),
    '',
    `- API peak RSS (VmHWM of \`node dist/apps/api/main.js\` over the whole run): **${fixed(report.api.peakRssMiB)} MB**; baseline: ${fixed(report.baselinePeakRssMiB)} MB.`,
    `- bcrypt cost ${report.bcrypt.cost}: one compare took ${fixed(report.bcrypt.compareMs)} ms here, so ${report.machine.cores} cores allow at most ` +
      `${report.machine.cores} ÷ ${fixed(report.bcrypt.compareMs / 1000, 3)} s = **${fixed(report.bcrypt.loginLimit, 1)} logins/s**.`,
    '',
    table(
      ['target', 'measured', 'met'],
      checks.map((c) => [c.target, c.measured, c.met ? 'yes' : '**no**']),
      3,
    ),
  ].join('\n');
}

/**
 * Replaces the block of this run size in `existing` (between its markers) or appends one, so a
 * 100k and a 1M run can live in one document beside hand-written text.
 */
export function mergeIntoDocument(existing: string, report: RunReport, rendered: string): string {
  const start = `<!-- bench:users=${report.users} start -->`;
  const end = `<!-- bench:users=${report.users} end -->`;
  const block = `${start}\n\n${rendered}\n\n${end}`;
  const from = existing.indexOf(start);
  const to = existing.indexOf(end);
  if (from >= 0 && to > from) return `${existing.slice(0, from)}${block}${existing.slice(to + end.length)}`;
  const heading = `## Results: ${report.users.toLocaleString('en')} users`;
  return `${existing.trimEnd()}${existing.trim() ? '\n\n' : '# Benchmarks\n\n'}${heading}\n\n${block}\n`;
}
