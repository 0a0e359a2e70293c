import { ApiError, describeWait, ERROR_MEANINGS, errorSentence, toApiError } from './api-error';

describe('toApiError', () => {
  const body = (code: string, message: string | string[] = 'server words', statusCode = 400) => ({ statusCode, error: 'x', code, message });

  it('says INVALID_CREDENTIALS and ACCOUNT_INACTIVE in its own words', () => {
    expect(toApiError(401, body('INVALID_CREDENTIALS'), null).message).toBe('The email or password is not correct.');
    expect(toApiError(403, body('ACCOUNT_INACTIVE'), null).message).toBe('This account is deactivated. Ask an admin to activate it.');
  });

  it('tells how long to wait from Retry-After for TOO_MANY_ATTEMPTS', () => {
    const sut = toApiError(429, body('TOO_MANY_ATTEMPTS', 'Too many failed sign-in attempts. Try again in 15 minutes.'), '840');
    expect(sut.message).toBe('Too many failed sign-in attempts. Try again in 14 minutes.');
    expect(sut.retryAfterSeconds).toBe(840);
    expect(toApiError(429, body('TOO_MANY_ATTEMPTS', 'Try again in 30 seconds'), null).message).toBe('Try again in 30 seconds.');
  });

  it('puts EMAIL_TAKEN on the email field and INVALID_CURRENT_PASSWORD on the current password', () => {
    expect(toApiError(409, body('EMAIL_TAKEN'), null)).toMatchObject({ field: 'email', code: 'EMAIL_TAKEN' });
    expect(toApiError(400, body('INVALID_CURRENT_PASSWORD'), null)).toMatchObject({
      field: 'currentPassword',
      message: 'The current password is not correct.',
    });
  });

  it('keeps the server message for WEAK_PASSWORD (it names the rule) and VALIDATION_FAILED lists', () => {
    expect(toApiError(400, body('WEAK_PASSWORD', 'This password is too common; choose another'), null)).toMatchObject({
      field: 'password',
      message: 'This password is too common; choose another.',
    });
    expect(toApiError(400, body('VALIDATION_FAILED', ['email must be an email address', 'role must be one of admin']), null).message).toBe(
      'Email must be an email address. role must be one of admin.',
    );
  });

  it('explains LAST_ADMIN and CANNOT_MODIFY_SELF in plain words', () => {
    expect(toApiError(409, body('LAST_ADMIN'), null).message).toContain('At least one active admin must remain');
    expect(toApiError(409, body('CANNOT_MODIFY_SELF'), null).message).toContain('your own account');
  });

  it('handles a network failure and a body without a known code', () => {
    expect(toApiError(0, null, null)).toMatchObject({ code: 'NETWORK_ERROR', message: expect.stringContaining('Cannot reach the server') });
    expect(toApiError(502, '<html>bad gateway</html>', null)).toMatchObject({ code: 'INTERNAL_ERROR', status: 502 });
    expect(toApiError(403, { code: 'SOMETHING_NEW' }, null)).toMatchObject({ code: 'PERMISSION_DENIED' });
  });

  it('has a meaning for every code', () => {
    for (const [code, meaning] of Object.entries(ERROR_MEANINGS))
      expect({ code, ok: meaning.sentence === null || meaning.sentence.endsWith('.') }).toEqual({ code, ok: true });
  });
});

describe('describeWait and errorSentence', () => {
  it('reads seconds as people say them', () => {
    expect(describeWait(1)).toBe('1 second');
    expect(describeWait(45)).toBe('45 seconds');
    expect(describeWait(900)).toBe('15 minutes');
  });

  it('uses the ApiError sentence, or a generic one', () => {
    expect(errorSentence(new ApiError(409, 'LAST_ADMIN', 'words'))).toBe('words');
    expect(errorSentence(new Error('internal detail'))).toBe('Something went wrong. Try again.');
  });
});
