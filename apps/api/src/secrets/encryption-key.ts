import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AppConfig, ConfigError } from '../config/app-config';

export const DEV_KEY_FILE = 'encryption.key';

export interface ResolvedKey {
  key: Buffer;
  /** Where the development key lives; undefined when ENCRYPTION_KEY was given. */
  file?: string;
  created: boolean;
}

/**
 * The key for secrets at rest: ENCRYPTION_KEY, or outside production a random key generated
 * once and kept in `DATA_DIR/encryption.key` (mode 0600), so that API keys saved during
 * development still open after a restart. Created atomically (written aside, then linked), so
 * two processes starting together end up with the same key.
 */
export function resolveEncryptionKey(config: Pick<AppConfig, 'encryptionKey' | 'dataDir' | 'nodeEnv'>): ResolvedKey {
  if (config.encryptionKey) return { key: config.encryptionKey, created: false };
  // loadAppConfig already refuses this; kept so that no code path invents a key in production.
  if (config.nodeEnv === 'production') throw new ConfigError('Invalid configuration: ENCRYPTION_KEY is required when NODE_ENV=production');

  const file = join(config.dataDir, DEV_KEY_FILE);
  let created = false;
  try {
    mkdirSync(config.dataDir, { recursive: true });
    const aside = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(aside, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
    try {
      linkSync(aside, file);
      created = true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      unlinkSync(aside);
    }
    const text = readFileSync(file, 'utf8').trim();
    if (!/^[0-9a-fA-F]{64}$/.test(text)) {
      throw new ConfigError(
        `Invalid configuration: ${file} does not hold a 32-byte hex key; set ENCRYPTION_KEY, or delete the file (provider API keys saved with it are then lost)`,
      );
    }
    return { key: Buffer.from(text, 'hex'), file, created };
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new ConfigError(`Invalid configuration: ENCRYPTION_KEY is not set and ${file} cannot be kept (${code}); set ENCRYPTION_KEY`);
  }
}
