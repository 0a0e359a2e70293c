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
      genReqId: requestId,
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], remove: true },
      // Request lines are written at info. Above it they are never written, but pino-http would still
      // build each line's bindings and a child logger per request (~3 % of the API's CPU in issue 7's
      // benchmark): so no request logging at all then.
      autoLogging:
        LOG_LEVELS.indexOf(config.logLevel) <= LOG_LEVELS.indexOf('info') ? { ignore: (req) => req.url === '/api/health' } : false,
      customProps: (req: LoggedRequest) => ({
        ...(req.principal ? { principal: { type: req.principal.type, id: req.principal.id } } : {}),
        ...(req.route?.path ? { route: `${req.baseUrl ?? ''}${req.route.path}` } : {}),
      }),
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        err: (err: { type?: string; constructor?: { name?: string } }) => ({ type: err.type ?? err.constructor?.name ?? 'Error' }),
      },
    },
  };
}
