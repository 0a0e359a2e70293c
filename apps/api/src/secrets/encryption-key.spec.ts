import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../config/app-config';
import { DEV_KEY_FILE, resolveEncryptionKey } from './encryption-key';

describe('resolveEncryptionKey', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'interakt-key-'));
  });

  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('uses ENCRYPTION_KEY when set, and writes no file', () => {
    const key = randomBytes(32);
    expect(resolveEncryptionKey({ encryptionKey: key, dataDir, nodeEnv: 'production' })).toEqual({ key, created: false });
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('outside production creates a key file once (mode 0600) and reads the same key on the next start', () => {
    const sut = () => resolveEncryptionKey({ dataDir: join(dataDir, 'nested'), nodeEnv: 'development' });
    const first = sut();
    const file = join(dataDir, 'nested', DEV_KEY_FILE);
    expect(first).toMatchObject({ file, created: true });
    expect(first.key).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.key.toString('hex'));

    const second = sut();
    expect(second).toMatchObject({ file, created: false });
    expect(second.key.equals(first.key)).toBe(true);
    // No temporary files left behind.
    expect(readdirSync(join(dataDir, 'nested'))).toEqual([DEV_KEY_FILE]);
  });

  it('never invents a key in production', () => {
    expect(() => resolveEncryptionKey({ dataDir, nodeEnv: 'production' })).toThrow(
      new ConfigError('Invalid configuration: ENCRYPTION_KEY is required when NODE_ENV=production'),
    );
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('refuses a key file that does not hold a 32-byte hex key, without showing its content', () => {
    writeFileSync(join(dataDir, DEV_KEY_FILE), 'not-a-key-but-maybe-a-secret');
    const sut = () => resolveEncryptionKey({ dataDir, nodeEnv: 'development' });
    expect(sut).toThrow(ConfigError);
    expect(sut).toThrow(/encryption\.key does not hold a 32-byte hex key; set ENCRYPTION_KEY/);
    expect(sut).not.toThrow(/maybe-a-secret/);
  });

  it('names ENCRYPTION_KEY when the data folder cannot hold the key file', () => {
    if (process.getuid?.() === 0) {
      // root ignores file modes; a file where the folder should be fails for everyone.
      const blocked = join(dataDir, 'file');
      writeFileSync(blocked, 'x');
      expect(() => resolveEncryptionKey({ dataDir: blocked, nodeEnv: 'development' })).toThrow(
        /ENCRYPTION_KEY is not set and .* cannot be kept \((ENOTDIR|EEXIST)\); set ENCRYPTION_KEY/,
      );
      return;
    }
    chmodSync(dataDir, 0o500);
    expect(() => resolveEncryptionKey({ dataDir, nodeEnv: 'development' })).toThrow(/cannot be kept \(EACCES\); set ENCRYPTION_KEY/);
  });
});
