import { ERROR_CODES } from './error-codes';

describe('ERROR_CODES', () => {
  it('holds every code SPEC §4 names, once', () => {
    const required = [
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
    ];
    expect(required.filter((c) => !(ERROR_CODES as readonly string[]).includes(c))).toEqual([]);
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });
});
