import { rm } from 'node:fs/promises';
import type { EmbeddedDatabase } from '../src/database/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as { __EMBEDDED_PG__?: { embedded: EmbeddedDatabase; dataDir: string } }).__EMBEDDED_PG__;
  if (!state) return;
  await state.embedded.stop();
  await rm(state.dataDir, { recursive: true, force: true });
}
