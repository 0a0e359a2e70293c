import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import {
  IsBooleanString,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { Type } from 'class-transformer';

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

/** A configuration problem: its message is one line naming the variable, never its value. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * The environment variables of SPEC §7 as they arrive: strings, validated by class-validator.
 * Each message names the variable and what it expects, never the value (it may be a secret).
 */
class EnvironmentVariables {
  @IsOptional()
  @IsIn(NODE_ENVS, { message: 'NODE_ENV must be one of development, production, test' })
  NODE_ENV?: string;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/[^\s/]+(\/[^\s?]*)?(\?\S*)?$/, {
    message: 'DATABASE_URL must be a postgres:// or postgresql:// URL',
  })
  DATABASE_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'DATA_DIR must not be empty' })
  DATA_DIR?: string;

  @IsOptional()
  @Matches(/^[\w.:-]+$/, { message: 'HOST must be a host name or an IP address' })
  HOST?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'PORT must be an integer from 0 to 65535' })
  @Min(0, { message: 'PORT must be an integer from 0 to 65535' })
  @Max(65535, { message: 'PORT must be an integer from 0 to 65535' })
  PORT?: number;

  @IsOptional()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters long' })
  JWT_SECRET?: string;

  @IsOptional()
  @Matches(/^[1-9]\d*[smhd]?$/, { message: 'JWT_TTL must be a duration such as 900, 900s, 15m or 1h' })
  JWT_TTL?: string;

  @IsOptional()
  @IsEmail({}, { message: 'ADMIN_EMAIL must be an email address' })
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MaxLength(72, { message: 'ADMIN_PASSWORD must be at most 72 characters' })
  ADMIN_PASSWORD?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'BCRYPT_COST must be an integer from 4 to 31' })
  @Min(4, { message: 'BCRYPT_COST must be an integer from 4 to 31' })
  @Max(31, { message: 'BCRYPT_COST must be an integer from 4 to 31' })
  BCRYPT_COST?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'PASSWORD_MIN_LENGTH must be an integer from 8 to 64' })
  @Min(8, { message: 'PASSWORD_MIN_LENGTH must be an integer from 8 to 64' })
  @Max(64, { message: 'PASSWORD_MIN_LENGTH must be an integer from 8 to 64' })
  PASSWORD_MIN_LENGTH?: number;

  @IsOptional()
  @Matches(/^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, {
    message: 'ENCRYPTION_KEY must be 32 bytes, as 64 hex characters or 44 base64 characters',
  })
  ENCRYPTION_KEY?: string;

  @IsOptional()
  @IsString()
  CORS_ORIGINS?: string;

  @IsOptional()
  @IsBooleanString({ message: 'TRUST_PROXY must be true or false' })
  TRUST_PROXY?: string;

  @IsOptional()
  @IsBooleanString({ message: 'MIGRATE_ON_START must be true or false' })
  MIGRATE_ON_START?: string;

  @IsOptional()
  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'LOGIN_MAX_FAILURES_PER_EMAIL must be an integer from 1 to 1000' })
  @Min(1, { message: 'LOGIN_MAX_FAILURES_PER_EMAIL must be an integer from 1 to 1000' })
  @Max(1000, { message: 'LOGIN_MAX_FAILURES_PER_EMAIL must be an integer from 1 to 1000' })
  LOGIN_MAX_FAILURES_PER_EMAIL?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'LOGIN_MAX_FAILURES_PER_IP must be an integer from 1 to 100000' })
  @Min(1, { message: 'LOGIN_MAX_FAILURES_PER_IP must be an integer from 1 to 100000' })
  @Max(100000, { message: 'LOGIN_MAX_FAILURES_PER_IP must be an integer from 1 to 100000' })
  LOGIN_MAX_FAILURES_PER_IP?: number;

  @IsOptional()
  @Matches(/^[1-9]\d*[smhd]?$/, { message: 'LOGIN_THROTTLE_WINDOW must be a duration such as 900, 15m or 1h' })
  LOGIN_THROTTLE_WINDOW?: string;
}

const CONFIG_KEYS: readonly (keyof EnvironmentVariables)[] = [
  'NODE_ENV',
  'DATABASE_URL',
  'DATA_DIR',
  'HOST',
  'PORT',
  'JWT_SECRET',
  'JWT_TTL',
  'ADMIN_EMAIL',
  'ADMIN_PASSWORD',
  'BCRYPT_COST',
  'PASSWORD_MIN_LENGTH',
  'ENCRYPTION_KEY',
  'CORS_ORIGINS',
  'TRUST_PROXY',
  'MIGRATE_ON_START',
  'LOG_LEVEL',
  'LOGIN_MAX_FAILURES_PER_EMAIL',
  'LOGIN_MAX_FAILURES_PER_IP',
  'LOGIN_THROTTLE_WINDOW',
];

/** The validated, typed configuration, read once at start and injected where needed. */
export interface AppConfig {
  nodeEnv: NodeEnv;
  /** Unset: the embedded PostgreSQL under `dataDir` is used (never in production). */
  databaseUrl?: string;
  dataDir: string;
  host: string;
  port: number;
  jwt: { secret: string; secretGenerated: boolean; ttlSeconds: number; issuer: string; audience: string };
  admin: { email: string; password?: string };
  bcryptCost: number;
  passwordMinLength: number;
  encryptionKey?: Buffer;
  corsOrigins: string[];
  trustProxy: boolean;
  migrateOnStart: boolean;
  logLevel: LogLevel;
  /** Failed-login throttling (SPEC §4): per email (in a row) and per client address, in a window. */
  loginThrottle: { maxFailuresPerEmail: number; maxFailuresPerIp: number; windowSeconds: number };
}

/** Injection token for {@link AppConfig}. */
export const APP_CONFIG = Symbol('APP_CONFIG');

const DURATION_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

function parseDuration(value: string): number {
  const unit = /[smhd]$/.test(value) ? value.slice(-1) : 's';
  return Number.parseInt(value, 10) * DURATION_SECONDS[unit];
}

function parseBoolean(value: string | undefined, fallback: boolean): boolean {
  return value === undefined ? fallback : value === 'true' || value === '1';
}

/**
 * Reads and validates the environment once. Empty strings count as unset, so that
 * `PORT=` in an env file means "the default". Throws {@link ConfigError} on the first problem.
 */
export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw: Record<string, string> = {};
  for (const key of CONFIG_KEYS) {
    const value = env[key];
    if (value !== undefined && value.trim() !== '') raw[key] = value.trim();
  }
  const vars = plainToInstance(EnvironmentVariables, raw);
  const errors = validateSync(vars, { forbidUnknownValues: false });
  if (errors.length > 0) {
    const first = errors[0];
    const message = Object.values(first.constraints ?? {})[0] ?? `${first.property} is invalid`;
    throw new ConfigError(`Invalid configuration: ${message}`);
  }

  const nodeEnv = (vars.NODE_ENV ?? 'development') as NodeEnv;
  if (nodeEnv === 'production' && !vars.DATABASE_URL) {
    throw new ConfigError(
      'Invalid configuration: DATABASE_URL is required when NODE_ENV=production (the embedded database is for development and demos only)',
    );
  }
  for (const name of ['JWT_SECRET', 'ENCRYPTION_KEY'] as const) {
    if (nodeEnv === 'production' && !vars[name]) {
      throw new ConfigError(`Invalid configuration: ${name} is required when NODE_ENV=production`);
    }
  }
  if (vars.JWT_SECRET && /^(change-?me|secret|changeit)/i.test(vars.JWT_SECRET) && nodeEnv === 'production') {
    throw new ConfigError('Invalid configuration: JWT_SECRET still holds the example value');
  }

  return {
    nodeEnv,
    databaseUrl: vars.DATABASE_URL,
    dataDir: resolve(vars.DATA_DIR ?? 'data'),
    host: vars.HOST ?? '0.0.0.0',
    port: vars.PORT ?? 3000,
    jwt: {
      secret: vars.JWT_SECRET ?? randomBytes(48).toString('base64url'),
      secretGenerated: !vars.JWT_SECRET,
      ttlSeconds: parseDuration(vars.JWT_TTL ?? '15m'),
      issuer: 'interakt-admin',
      audience: 'interakt-admin-api',
    },
    admin: { email: (vars.ADMIN_EMAIL ?? 'admin@interakt.local').toLowerCase(), password: vars.ADMIN_PASSWORD },
    bcryptCost: vars.BCRYPT_COST ?? 12,
    passwordMinLength: vars.PASSWORD_MIN_LENGTH ?? 15,
    encryptionKey: vars.ENCRYPTION_KEY ? Buffer.from(vars.ENCRYPTION_KEY, vars.ENCRYPTION_KEY.length === 64 ? 'hex' : 'base64') : undefined,
    corsOrigins: (vars.CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    trustProxy: parseBoolean(vars.TRUST_PROXY, false),
    migrateOnStart: parseBoolean(vars.MIGRATE_ON_START, true),
    logLevel: (vars.LOG_LEVEL ?? 'info') as LogLevel,
    loginThrottle: {
      maxFailuresPerEmail: vars.LOGIN_MAX_FAILURES_PER_EMAIL ?? 10,
      maxFailuresPerIp: vars.LOGIN_MAX_FAILURES_PER_IP ?? 100,
      windowSeconds: parseDuration(vars.LOGIN_THROTTLE_WINDOW ?? '15m'),
    },
  };
}
