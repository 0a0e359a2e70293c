import { FormControl, FormGroup, Validators } from '@angular/forms';
import { ApiError } from './api-error';
import { applyApiError } from './form-errors';

describe('applyApiError', () => {
  const form = () =>
    new FormGroup({
      email: new FormControl('ada@example.com', Validators.required),
      newPassword: new FormControl('x'),
    });

  it('puts a field error under its control and returns null', () => {
    const sut = form();
    const result = applyApiError(sut, new ApiError(409, 'EMAIL_TAKEN', 'Another account already uses this email address.', 'email'));
    expect(result).toBeNull();
    expect(sut.controls.email.errors).toEqual({ server: 'Another account already uses this email address.' });
    expect(sut.controls.email.touched).toBe(true);
  });

  it('follows a rename of the field for this form', () => {
    const sut = form();
    expect(applyApiError(sut, new ApiError(400, 'WEAK_PASSWORD', 'Too short.', 'password'), { password: 'newPassword' })).toBeNull();
    expect(sut.controls.newPassword.getError('server')).toBe('Too short.');
  });

  it('returns the sentence when the form has no such field or the error has none', () => {
    expect(applyApiError(form(), new ApiError(400, 'INVALID_CURRENT_PASSWORD', 'Wrong.', 'currentPassword'))).toBe('Wrong.');
    expect(applyApiError(form(), new ApiError(409, 'LAST_ADMIN', 'At least one active admin must remain.'))).toBe(
      'At least one active admin must remain.',
    );
    expect(applyApiError(form(), new TypeError('boom'))).toBe('Something went wrong. Try again.');
  });
});
