import type { INestApplication } from '@nestjs/common';
import { createApp } from '../src/bootstrap';
import { loadAppConfig, type AppConfig } from '../src/config/app-config';

/** The whole API, as main.ts builds it, on a test database; not listening (use supertest). */
export async function createTestApp(databaseUrl: string, overrides: Partial<AppConfig> = {}, adminDir?: string): Promise<INestApplication> {
  const config: AppConfig = { ...loadAppConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', BCRYPT_COST: '4' }), ...overrides };
  const app = await createApp({ config, databaseUrl, adminDir: adminDir ?? '/nonexistent' });
  await app.init();
  return app;
}
