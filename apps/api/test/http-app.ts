import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { createApp } from '../src/bootstrap';
import { loadAppConfig, type AppConfig } from '../src/config/app-config';

/** The environment of API tests: quiet logs, cheap bcrypt, a known first admin. */
export const TEST_ENV = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  BCRYPT_COST: '4',
  ADMIN_EMAIL: 'first.admin@interakt.test',
  ADMIN_PASSWORD: 'first admin password for tests',
  // A fixed key, so that no test writes a development key file into ./data.
  ENCRYPTION_KEY: '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff',
};

/** One response the API sent during this spec file, for the no-secrets check (test/no-secrets.setup.ts). */
export interface CapturedResponse {
  method: string;
  url: string;
  status: number;
  body: string;
}

/** Every body sent by every app of this spec file (jest gives each file its own module registry). */
export const CAPTURED_RESPONSES: CapturedResponse[] = [];

/**
 * Requests the HTTP servers of this file's apps received, counted apart from the capture, so the
 * no-secrets check can tell "nothing was sent" from "the capture saw nothing".
 */
export const HTTP_TRAFFIC = { requests: 0 };

type Chunk = string | Buffer | Uint8Array;
const toBuffer = (chunk: Chunk, encoding: unknown): Buffer =>
  Buffer.isBuffer(chunk)
    ? chunk
    : typeof chunk === 'string'
      ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
      : Buffer.from(chunk);

/**
 * Records every body at the Node level (res.write/res.end), before Express: also what answers
 * ahead of the Nest routes (Swagger's JSON, the security-header middleware, static files).
 */
function captureResponses(req: IncomingMessage, res: ServerResponse): void {
  const { method = '', url = '' } = req;
  const chunks: Buffer[] = [];
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.write = ((chunk: Chunk, ...rest: unknown[]) => {
    if (chunk != null) chunks.push(toBuffer(chunk, rest[0]));
    return write(chunk, ...rest);
  }) as ServerResponse['write'];
  res.end = ((...args: unknown[]) => {
    if (args[0] != null && typeof args[0] !== 'function') chunks.push(toBuffer(args[0] as Chunk, args[1]));
    CAPTURED_RESPONSES.push({ method, url, status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') });
    return end(...args);
  }) as ServerResponse['end'];
}

/** The whole API, as main.ts builds it, on a test database; not listening (use supertest). */
export async function createTestApp(databaseUrl: string, overrides: Partial<AppConfig> = {}, adminDir?: string): Promise<INestApplication> {
  const config: AppConfig = { ...loadAppConfig({ ...TEST_ENV }), ...overrides };
  const app = await createApp({ config, databaseUrl, adminDir: adminDir ?? '/nonexistent' });
  const server = app.getHttpServer() as Server;
  server.prependListener('request', captureResponses);
  server.on('request', () => (HTTP_TRAFFIC.requests += 1));
  await app.init();
  return app;
}
