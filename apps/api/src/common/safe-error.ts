import { ConfigError } from '../config/app-config';
import { ApiException } from './api-exception';

/*
 * Safe one-line descriptions of failures that end a process (API start, migrations, CLI): never a
 * stack trace, SQL or a credential.
 */

/** An error whose message was written to be shown as it is (the CLI's own, for one). */
export class SafeMessageError extends Error {}

/** Connection-level error codes of Node and PostgreSQL, in words. */
const ERROR_CODES: Record<string, string> = {
  ECONNREFUSED: 'cannot reach the database (ECONNREFUSED)',
  ENOTFOUND: 'cannot reach the database (ENOTFOUND)',
  EAI_AGAIN: 'cannot reach the database (EAI_AGAIN)',
  ETIMEDOUT: 'cannot reach the database (ETIMEDOUT)',
  ECONNRESET: 'the database closed the connection (ECONNRESET)',
  '28P01': 'the database refused the credentials',
  '28000': 'the database refused the credentials',
  '3D000': 'the database named in DATABASE_URL does not exist',
  '57P03': 'the database is starting up or shutting down; try again',
  EADDRINUSE: 'the port is already in use',
  EACCES: 'permission denied (port or data folder)',
};

/** Removes credentials of `scheme://user:password@host` URLs and any given secret from a text. */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(/\/\/[^@\s/]+@/g, '//***@');
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('***');
  return out;
}

/** The password of a `postgres://` URL, so that it can be cut out of any message. */
export function urlPassword(url: string | undefined): string[] {
  if (!url) return [];
  try {
    const password = decodeURIComponent(new URL(url).password);
    return password ? [password] : [];
  } catch {
    return [];
  }
}

function codeOf(e: unknown): string | undefined {
  const direct = (e as { code?: unknown })?.code;
  if (typeof direct === 'string' && direct in ERROR_CODES) return direct;
  // pg reports "connection refused" on every address as an AggregateError; MikroORM wraps driver errors.
  for (const inner of [(e as { cause?: unknown })?.cause, ...((e as { errors?: unknown[] })?.errors ?? [])]) {
    if (inner && inner !== e) {
      const found = codeOf(inner);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * One safe line for any failure, for the API's start, migrations and the CLI: the message of
 * configuration errors, the CLI's own and the API's errors (USER_NOT_FOUND,
 * EMAIL_TAKEN, WEAK_PASSWORD …), or the kind of a database error. Never a stack trace, SQL, or a
 * credential: a driver error's statement (before " - ") and the secrets given are cut out.
 */
export function describeFailure(e: unknown, secrets: readonly string[] = []): string {
  if (e instanceof ConfigError || e instanceof SafeMessageError) return redact(e.message, secrets);
  if (e instanceof ApiException) {
    const body = e.getResponse();
    return redact(Array.isArray(body) ? body.join('; ') : e.message, secrets);
  }
  const code = codeOf(e);
  if (code) return ERROR_CODES[code];
  if (!(e instanceof Error)) return 'unknown error';
  const firstLine = e.message.split('\n')[0].split(' - ').pop()?.trim() ?? '';
  const safe = redact(firstLine, secrets).slice(0, 200);
  return safe ? `${e.constructor.name}: ${safe}` : e.constructor.name;
}
