import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LoadResult } from './load.ts';
import { checkTargets, mergeIntoDocument, renderReport, type RouteResult, type RunReport } from './report.ts';

const result = (requestsPerSecond: number, p50: number, p99: number, errors = 0): LoadResult => ({
  requestsPerSecond,
  p50,
  p99,
  errors,
  total: Math.round(requestsPerSecond * 10),
  statusCodes: { 200: Math.round(requestsPerSecond * 10), ...(errors ? { 500: errors } : {}) },
});

const route = (id: RouteResult['id'], api: LoadResult, baseline: LoadResult, kind: RouteResult['kind'] = 'read'): RouteResult => ({
  id,
  label: id,
  auth: kind === 'login' ? 'none' : 'login token',
  kind,
  api,
  baseline,
});

const report = (routes: RouteResult[], peakRssMiB = 180): RunReport => ({
  date: '2026-12-03 12:00 UTC',
  users: 100_000,
  events: 1_000_000,
  seedSeconds: 30,
  seedSteps: { users: 1 },
  database: 'PostgreSQL',
  machine: { cores: 2, cpu: 'cpu', node: 'v24' },
  load: { connections: 32, duration: 10, warmup: 3 },
  api: { adapter: 'Express', logLevel: 'warn', peakRssMiB },
  baselinePeakRssMiB: 100,
  bcrypt: { cost: 12, compareMs: 250, loginLimit: 8 },
  routes,
});

describe('checkTargets', () => {
  it('meets every target when the API is close to the baseline', () => {
    const sut = checkTargets(
      report([
        route('users', result(900, 20, 40), result(1000, 18, 35)),
        route('users-page-500', result(800, 22, 45), result(900, 20, 40)),
        route('login', result(7, 3000, 4000), result(7.5, 3000, 4000), 'login'),
      ]),
    );
    assert.deepEqual(
      sut.filter((c) => !c.met),
      [],
    );
    assert.equal(sut.length, 6);
  });

  it('flags a slow ratio, a slow p99, a deep page, a slow login, memory and non-2xx answers', () => {
    const sut = checkTargets(
      report(
        [
          route('users', result(500, 20, 60, 3), result(1000, 18, 35)),
          route('users-page-500', result(200, 80, 120), result(900, 20, 40)),
          route('login', result(5, 3000, 4000), result(7.5, 3000, 4000), 'login'),
        ],
        300,
      ),
    );
    assert.deepEqual(
      sut.map((c) => c.met),
      [false, false, false, false, false, false],
    );
    assert.match(sut[5].measured, /users \(login token\): API 3 3×500/);
  });
});

describe('mergeIntoDocument', () => {
  const run = report([route('users', result(900, 20, 40), result(1000, 18, 35))]);

  it('appends a block for a run size the document does not have yet, then replaces only that block', () => {
    const first = mergeIntoDocument('# Benchmarks\n\nHand-written text.\n', run, 'numbers one');
    assert.match(first, /Hand-written text\.\n\n## Results: 100,000 users\n\n<!-- bench:users=100000 start -->\n\nnumbers one/);
    const second = mergeIntoDocument(`${first}\nMore text after.\n`, run, 'numbers two');
    assert.doesNotMatch(second, /numbers one/);
    assert.match(second, /numbers two\n\n<!-- bench:users=100000 end -->\n\nMore text after\./);
    const other = mergeIntoDocument(second, { ...run, users: 1_000_000 }, 'large');
    assert.match(other, /numbers two[\s\S]*## Results: 1,000,000 users[\s\S]*large/);
  });

  it('renders the table with the API/baseline ratio of every route', () => {
    assert.match(renderReport(run), /\| users \| login token \| 900 \| 20 \| 40 \| 0 \| 1000 \| 18 \| 35 \| 0 \| 0\.90× \|/);
  });
});
