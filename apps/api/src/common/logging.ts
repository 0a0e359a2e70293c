import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { Logger as PinoInstance } from 'pino';
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
 * `X-Request-Id`), which the request line and the error lines carry.
 */
export function assignRequestId(req: IncomingMessage & { id?: string }, res: ServerResponse, next: () => void): void {
  req.id = requestId(req, res);
  next();
}

/** Whether request lines are written: they are logged at info. */
export const logsRequests = (config: AppConfig) => LOG_LEVELS.indexOf(config.logLevel) <= LOG_LEVELS.indexOf('info');

type LoggedRequest = IncomingMessage & { id?: string; principal?: Principal; route?: { path?: string }; baseUrl?: string };

/**
 * One line per request, written when its answer is done, through the root logger (so the
 * serializers and redaction below apply): its id, method and path, the caller (user or access
 * token id), the route pattern, the status and the duration in ms. `request completed` at info;
 * `request errored` (5xx) and `request aborted` (the client left first) at error. Health checks are
 * not logged.
 *
 * pino-http did this before (issue 7): it built two or three child loggers per request and
 * nestjs-pino ran the rest of the request inside an AsyncLocalStorage store holding them, about
 * 175 µs of CPU per request, more than a third of the API's own on a short route
 * (docs/benchmarks.md). One plain call per request writes the same line.
 */
export function logRequests(logger: PinoInstance) {
  return (req: LoggedRequest, res: ServerResponse, next: () => void): void => {
    if (req.url === '/api/health') return next();
    const started = Date.now();
    res.once('close', () => {
      const line = {
        req,
        ...(req.principal ? { principal: { type: req.principal.type, id: req.principal.id } } : {}),
        ...(req.route?.path ? { route: `${req.baseUrl ?? ''}${req.route.path}` } : {}),
        res,
        responseTime: Date.now() - started,
      };
      if (!res.writableFinished) logger.error(line, 'request aborted');
      else if (res.statusCode >= 500) logger.error(line, 'request errored');
      else logger.info(line, 'request completed');
    });
    next();
  };
}

/**
 * JSON log lines on stdout (pino, through nestjs-pino for Nest's own logger). Secrets never reach a
 * line: request lines hold no header, body or query string (the serializers below), credential
 * headers are redacted wherever a request is logged whole, and errors are logged by type only (no
 * message, stack or SQL).
 */
export function loggerParams(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], remove: true },
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        err: (err: { type?: string; constructor?: { name?: string } }) => ({ type: err.type ?? err.constructor?.name ?? 'Error' }),
      },
    },
    // nestjs-pino's request middleware (pino-http) is not mounted: logRequests writes the request
    // lines (see there), and error lines name their request by `requestId` (ApiExceptionFilter).
    forRoutes: [],
  };
}
