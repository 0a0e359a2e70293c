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

/** The whole API, as main.ts builds it, on a test database; not listening (use supertest). */
export async function createTestApp(databaseUrl: string, overrides: Partial<AppConfig> = {}, adminDir?: string): Promise<INestApplication> {
  const config: AppConfig = { ...loadAppConfig({ ...TEST_ENV }), ...overrides };
  const app = await createApp({ config, databaseUrl, adminDir: adminDir ?? '/nonexistent' });
  await app.init();
  return app;
}
