/** Error codes of SPEC §4, carried in every error body as `code`. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'INVALID_CREDENTIALS',
  'UNAUTHENTICATED',
  'ACCOUNT_INACTIVE',
  'PERMISSION_DENIED',
  'USER_NOT_FOUND',
  'NOT_FOUND',
  'EMAIL_TAKEN',
  'LAST_ADMIN',
  'CANNOT_MODIFY_SELF',
  'INVALID_CURRENT_PASSWORD',
  'WEAK_PASSWORD',
  'TOO_MANY_ATTEMPTS',
  'CONFLICT',
  /** A resource name (provider) already in use, compared case-insensitively. */
  'NAME_TAKEN',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The error body of SPEC §4, for every error the API returns. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  code: ErrorCode;
  message: string | string[];
}
