import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { EmbeddedDatabase } from '../src/database/embedded-postgres';
import { API_DATA_DIR } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as { __EMBEDDED_PG__?: { embedded: EmbeddedDatabase; dataDir: string } }).__EMBEDDED_PG__;
  if (state) {
    await state.embedded.stop();
    await rm(state.dataDir, { recursive: true, force: true });
  }
  const existed = (globalThis as { __API_DATA_DIR_EXISTED__?: boolean }).__API_DATA_DIR_EXISTED__;
  if (existed === false && existsSync(API_DATA_DIR)) {
    throw new Error(
      `A test wrote ${API_DATA_DIR} (the default DATA_DIR): give the API it starts a fixed ENCRYPTION_KEY and DATABASE_URL, or a temporary DATA_DIR`,
    );
  }
}
