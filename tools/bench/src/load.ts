import autocannon from 'autocannon';

/** One benchmarked request: what the load generator sends, on either server. */
export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  /** A fresh body per request (the login load rotates over accounts). */
  body?: () => string;
}

export interface LoadOptions {
  connections: number;
  /** Seconds measured per server. */
  duration: number;
  /** Seconds of the same load first, per server, not measured (JIT, pools, caches). */
  warmup: number;
  /**
   * The measured seconds are cut into this many slices, taken from the two servers in turn (ABBA…),
   * so that other work on a shared machine weighs on both alike. 0: one continuous run per server,
   * warm-up included, counting only the answers after the warm-up — for routes whose requests outlive
   * a slice (login: 32 requests queue for seconds on bcrypt, and a request left in flight by one run
   * would still burn its compare in the next).
   */
  slices: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Responses that were not 2xx, plus socket errors and timeouts. */
  errors: number;
  total: number;
  statusCodes: Record<string, number>;
}

interface Tally {
  seconds: number;
  latencies: number[];
  errors: number;
  statusCodes: Record<string, number>;
}

/** Runs `duration` seconds of load; answers that arrive after `measureFrom` seconds are added to `tally`. */
function run(url: string, request: LoadRequest, connections: number, duration: number, tally?: Tally, measureFrom = 0): Promise<void> {
  const started = performance.now();
  const { body } = request;
  return new Promise((resolveRun, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration,
        timeout: 30,
        requests: [
          {
            method: request.method,
            path: request.path,
            headers: request.headers,
            ...(body ? { setupRequest: (req: autocannon.Request) => ({ ...req, body: body() }) } : {}),
          },
        ],
      },
      (err, result) => {
        if (err) return reject(err);
        if (tally) {
          tally.seconds += result.duration - measureFrom;
          if (measureFrom === 0) tally.errors += result.errors + result.timeouts;
        }
        resolveRun();
      },
    );
    if (tally) {
      instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
        if (measureFrom > 0 && performance.now() - started < measureFrom * 1000) return;
        tally.latencies.push(responseTime);
        tally.statusCodes[statusCode] = (tally.statusCodes[statusCode] ?? 0) + 1;
        if (statusCode < 200 || statusCode > 299) tally.errors += 1;
      });
    }
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0;

function summarise(tally: Tally): LoadResult {
  const sorted = [...tally.latencies].sort((a, b) => a - b);
  return {
    requestsPerSecond: tally.seconds > 0 ? sorted.length / tally.seconds : 0,
    p50: Math.round(percentile(sorted, 50) * 10) / 10,
    p99: Math.round(percentile(sorted, 99) * 10) / 10,
    errors: tally.errors,
    total: sorted.length,
    statusCodes: tally.statusCodes,
  };
}

/** The same load on two servers, measured in alternating slices after a warm-up of each. */
export async function compare(
  urls: [string, string],
  request: LoadRequest,
  options: LoadOptions,
  settle?: () => Promise<void>,
): Promise<[LoadResult, LoadResult]> {
  const tallies: [Tally, Tally] = [
    { seconds: 0, latencies: [], errors: 0, statusCodes: {} },
    { seconds: 0, latencies: [], errors: 0, statusCodes: {} },
  ];
  if (options.slices === 0) {
    for (const i of [0, 1]) {
      await run(urls[i], request, options.connections, options.warmup + options.duration, tallies[i], options.warmup);
      await settle?.();
    }
    return [summarise(tallies[0]), summarise(tallies[1])];
  }
  const slice = options.duration / options.slices;
  for (let s = 0; s < options.slices; s++) {
    const order = s % 2 === 0 ? [0, 1] : [1, 0];
    for (const i of order) {
      if (s === 0 && options.warmup > 0) await run(urls[i], request, options.connections, options.warmup);
      await run(urls[i], request, options.connections, slice, tallies[i]);
      await settle?.();
    }
  }
  return [summarise(tallies[0]), summarise(tallies[1])];
}
