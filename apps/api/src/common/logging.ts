import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import { type AppConfig, LOG_LEVELS } from '../config/app-config';
import type { Principal } from '../auth/principal';

/** An incoming `X-Request-Id` is kept when it is a plain token (a proxy's or a client's id); else a new UUID. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/**
 * First middleware of every request, at every log level: gives it its id (`req.id`, echoed as
 * `X-Request-Id`), which the request line and the error lines carry. pino-http keeps an id it finds.
 */
export function assignRequestId(req: IncomingMessage & { id?: string }, res: ServerResponse, next: () => void): void {
  req.id = requestId(req, res);
  next();
}

/** Whether request lines are written: they are logged at info. */
export const logsRequests = (config: AppConfig) => LOG_LEVELS.indexOf(config.logLevel) <= LOG_LEVELS.indexOf('info');

/** pino-http's types ask for an object, but it tests the result for truthiness, and skips the child for none. */
const NO_PROPS = undefined as unknown as object;

type LoggedRequest = IncomingMessage & { principal?: Principal; route?: { path?: string }; baseUrl?: string };

/**
 * JSON log lines on stdout (pino). One line per request with its id, the caller (user or access
 * token id), the route pattern (never the query string), the status and the duration. Secrets never
 * reach a line: credential headers are removed, bodies and query strings are not logged, and errors
 * are logged by type only (no message, stack or SQL).
 */
export function loggerParams(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      genReqId: (req, res) => (req as { id?: string }).id ?? requestId(req, res),
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], remove: true },
      autoLogging: { ignore: (req) => req.url === '/api/health' },
      // Called when a request starts (no caller, no route yet) and again for its line. Nothing to add
      // must be undefined, not {}: pino-http makes a child logger of the child for any object.
      customProps: (req: LoggedRequest) =>
        req.principal || req.route?.path
          ? {
              ...(req.principal ? { principal: { type: req.principal.type, id: req.principal.id } } : {}),
              ...(req.route?.path ? { route: `${req.baseUrl ?? ''}${req.route.path}` } : {}),
            }
          : NO_PROPS,
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        err: (err: { type?: string; constructor?: { name?: string } }) => ({ type: err.type ?? err.constructor?.name ?? 'Error' }),
      },
    },
    // Above info no request line is ever written, yet pino-http would build one or two child loggers
    // for every request and nestjs-pino bind them to it (100–200 µs of CPU per request in issue 7's
    // benchmark, a third of the API's own): so no request logger at all then. Error lines name their
    // request by `requestId` themselves (ApiExceptionFilter).
    ...(logsRequests(config) ? {} : { forRoutes: [] }),
  };
}
