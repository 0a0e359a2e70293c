import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
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

function captureResponses(req: Request, res: Response, next: NextFunction): void {
  const send = res.send.bind(res);
  res.send = (body?: unknown) => {
    const text = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : JSON.stringify(body ?? '');
    CAPTURED_RESPONSES.push({ method: req.method, url: req.originalUrl, status: res.statusCode, body: text });
    return send(body);
  };
  next();
}

/** The whole API, as main.ts builds it, on a test database; not listening (use supertest). */
export async function createTestApp(databaseUrl: string, overrides: Partial<AppConfig> = {}, adminDir?: string): Promise<INestApplication> {
  const config: AppConfig = { ...loadAppConfig({ ...TEST_ENV }), ...overrides };
  const app = await createApp({ config, databaseUrl, adminDir: adminDir ?? '/nonexistent' });
  app.use(captureResponses);
  await app.init();
  return app;
}
