import { ConfigError, loadAppConfig } from './app-config';

const PROD = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://u:p@db:5432/interakt',
  JWT_SECRET: 'x'.repeat(40),
  ENCRYPTION_KEY: 'ab'.repeat(32),
};

function errorOf(env: NodeJS.ProcessEnv): string {
  try {
    loadAppConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('loadAppConfig', () => {
  it('gives the SPEC §7 defaults for an empty environment', () => {
    const sut = loadAppConfig({});
    expect(sut).toMatchObject({
      nodeEnv: 'development',
      databaseUrl: undefined,
      host: '0.0.0.0',
      port: 3000,
      bcryptCost: 12,
      passwordMinLength: 15,
      corsOrigins: [],
      trustProxy: false,
      migrateOnStart: true,
      logLevel: 'info',
      admin: { email: 'admin@interakt.local', password: undefined },
    });
    expect(sut.jwt.ttlSeconds).toBe(900);
    expect(sut.jwt.secretGenerated).toBe(true);
    expect(sut.jwt.secret.length).toBeGreaterThanOrEqual(32);
    expect(sut.dataDir).toMatch(/\/data$/);
  });

  it('parses and types every variable', () => {
    const sut = loadAppConfig({
      ...PROD,
      HOST: '127.0.0.1',
      PORT: '8080',
      JWT_TTL: '1h',
      ADMIN_EMAIL: 'Root@Example.com',
      ADMIN_PASSWORD: 'a long enough password',
      BCRYPT_COST: '10',
      PASSWORD_MIN_LENGTH: '12',
      CORS_ORIGINS: 'https://a.example, https://b.example',
      TRUST_PROXY: 'true',
      MIGRATE_ON_START: 'false',
      LOG_LEVEL: 'debug',
    });
    expect(sut).toMatchObject({
      nodeEnv: 'production',
      databaseUrl: PROD.DATABASE_URL,
      host: '127.0.0.1',
      port: 8080,
      bcryptCost: 10,
      passwordMinLength: 12,
      corsOrigins: ['https://a.example', 'https://b.example'],
      trustProxy: true,
      migrateOnStart: false,
      logLevel: 'debug',
      admin: { email: 'root@example.com', password: 'a long enough password' },
    });
    expect(sut.jwt).toMatchObject({ secret: PROD.JWT_SECRET, secretGenerated: false, ttlSeconds: 3600 });
    expect(sut.encryptionKey?.length).toBe(32);
  });

  it('treats empty values as unset', () => {
    expect(loadAppConfig({ PORT: '', DATABASE_URL: '  ' })).toMatchObject({ port: 3000, databaseUrl: undefined });
  });

  it.each([
    [{ PORT: 'abc' }, 'Invalid configuration: PORT must be an integer from 0 to 65535'],
    [{ PORT: '70000' }, 'Invalid configuration: PORT must be an integer from 0 to 65535'],
    [{ DATABASE_URL: 'nonsense' }, 'Invalid configuration: DATABASE_URL must be a postgres:// or postgresql:// URL'],
    [{ NODE_ENV: 'staging' }, 'Invalid configuration: NODE_ENV must be one of development, production, test'],
    [{ BCRYPT_COST: '3' }, 'Invalid configuration: BCRYPT_COST must be an integer from 4 to 31'],
    [{ PASSWORD_MIN_LENGTH: '6' }, 'Invalid configuration: PASSWORD_MIN_LENGTH must be an integer from 8 to 64'],
    [{ JWT_TTL: '15 minutes' }, 'Invalid configuration: JWT_TTL must be a duration such as 900, 900s, 15m or 1h'],
    [{ TRUST_PROXY: 'yes' }, 'Invalid configuration: TRUST_PROXY must be true or false'],
    [{ LOG_LEVEL: 'loud' }, expect.stringContaining('Invalid configuration: LOG_LEVEL must be one of')],
    [{ ADMIN_EMAIL: 'not-an-email' }, 'Invalid configuration: ADMIN_EMAIL must be an email address'],
    [{ ...PROD, JWT_SECRET: undefined }, 'Invalid configuration: JWT_SECRET is required when NODE_ENV=production'],
    [{ ...PROD, JWT_SECRET: 'short' }, 'Invalid configuration: JWT_SECRET must be at least 32 characters long'],
    [{ ...PROD, ENCRYPTION_KEY: undefined }, 'Invalid configuration: ENCRYPTION_KEY is required when NODE_ENV=production'],
    [{ ...PROD, DATABASE_URL: undefined }, expect.stringContaining('DATABASE_URL is required when NODE_ENV=production')],
  ])('refuses %j with one line naming the variable', (env, message) => {
    const text = errorOf(env as NodeJS.ProcessEnv);
    expect(text).toEqual(message);
    expect(text).not.toContain('\n');
  });

  it('never echoes a secret value in its message', () => {
    const text = errorOf({ ...PROD, JWT_SECRET: 'hunter2-very-secret' });
    expect(text).not.toContain('hunter2');
  });
});
