import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config';

/**
 * JSON log lines on stdout (pino). Secrets never reach a line: credentials headers are removed
 * and request bodies are not logged at all.
 */
export function loggerParams(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], remove: true },
      autoLogging: { ignore: (req) => req.url === '/api/health' },
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url.split('?')[0] }),
      },
    },
  };
}
