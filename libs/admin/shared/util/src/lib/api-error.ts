import type { ApiErrorBody, ErrorCode } from '@interakt/shared/api-contracts';

/** The form field a server error belongs to, by its usual name in this app's forms. */
export type ErrorField = 'email' | 'password' | 'currentPassword' | 'name';

interface ErrorMeaning {
  /** Shown under this field when the form has it; otherwise the sentence is shown for the form. */
  readonly field?: ErrorField;
  /** A plain sentence for people; `null`: the server's own message is the clearest (it names the rule). */
  readonly sentence: string | null;
}

/**
 * What each error code of SPEC §4 means to the person using the app: where to show it and in
 * which words. The one place that turns codes into text; the error interceptor applies it.
 */
export const ERROR_MEANINGS: Readonly<Record<ErrorCode, ErrorMeaning>> = {
  VALIDATION_FAILED: { sentence: null },
  INVALID_CREDENTIALS: { sentence: 'The email or password is not correct.' },
  UNAUTHENTICATED: { sentence: 'Your session has ended. Sign in again.' },
  ACCOUNT_INACTIVE: { sentence: 'This account is deactivated. Ask an admin to activate it.' },
  PERMISSION_DENIED: { sentence: 'Your role does not allow this.' },
  USER_NOT_FOUND: { sentence: 'This user no longer exists.' },
  NOT_FOUND: { sentence: 'It no longer exists.' },
  EMAIL_TAKEN: { field: 'email', sentence: 'Another account already uses this email address.' },
  NAME_TAKEN: { field: 'name', sentence: 'Another entry already uses this name.' },
  LAST_ADMIN: {
    sentence: 'At least one active admin must remain. Make another user an admin first, then try again.',
  },
  CANNOT_MODIFY_SELF: {
    sentence: 'You cannot deactivate or delete your own account. Ask another admin to do it.',
  },
  INVALID_CURRENT_PASSWORD: { field: 'currentPassword', sentence: 'The current password is not correct.' },
  WEAK_PASSWORD: { field: 'password', sentence: null },
  TOO_MANY_ATTEMPTS: { sentence: null },
  CONFLICT: { sentence: null },
  SERVICE_UNAVAILABLE: { sentence: 'The server is not available right now. Try again in a moment.' },
  INTERNAL_ERROR: { sentence: 'Something went wrong on the server. Try again.' },
};

const UNREACHABLE = 'Cannot reach the server. Check your connection and try again.';

/** A failed API call as the app's components see it: a code, a sentence to show, and where to show it. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK_ERROR',
    message: string,
    readonly field?: ErrorField,
    /** Seconds to wait before trying again (`Retry-After`), for TOO_MANY_ATTEMPTS. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }

  is(...codes: (ErrorCode | 'NETWORK_ERROR')[]): boolean {
    return codes.includes(this.code);
  }
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as ApiErrorBody).code === 'string' &&
    (body as ApiErrorBody).code in ERROR_MEANINGS
  );
}

/** "45 seconds", "1 minute", "15 minutes". */
export function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minutes`;
}

function serverMessage(message: string | string[] | undefined): string {
  const text = Array.isArray(message) ? message.join('. ') : (message ?? '');
  if (!text) return 'The request was refused.';
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/**
 * Turns what HttpClient reports (status, body, `Retry-After`) into an {@link ApiError}.
 * Status 0 is a network failure; a body without a known code gets a sentence by status.
 */
export function toApiError(status: number, body: unknown, retryAfterHeader: string | null): ApiError {
  if (status === 0) return new ApiError(0, 'NETWORK_ERROR', UNREACHABLE);
  if (!isErrorBody(body)) {
    const code =
      status >= 500
        ? 'INTERNAL_ERROR'
        : status === 401
          ? 'UNAUTHENTICATED'
          : status === 403
            ? 'PERMISSION_DENIED'
            : status === 404
              ? 'NOT_FOUND'
              : 'VALIDATION_FAILED';
    return new ApiError(status, code, ERROR_MEANINGS[code].sentence ?? 'The request was refused.');
  }
  const meaning = ERROR_MEANINGS[body.code];
  if (body.code === 'TOO_MANY_ATTEMPTS') {
    const seconds = Number.parseInt(retryAfterHeader ?? '', 10);
    const wait = Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
    const sentence = wait ? `Too many failed sign-in attempts. Try again in ${describeWait(wait)}.` : serverMessage(body.message);
    return new ApiError(status, body.code, sentence, undefined, wait);
  }
  return new ApiError(status, body.code, meaning.sentence ?? serverMessage(body.message), meaning.field);
}

/** Any thrown value as a sentence: ApiError's own, or a generic one. */
export function errorSentence(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Something went wrong. Try again.';
}
