import type { AbstractControl, FormGroup } from '@angular/forms';
import { ApiError, type ErrorField } from './api-error';

/**
 * Puts a server error under the form field it belongs to (`{server: sentence}` on that control)
 * and returns `null`; when the form has no such field, returns the sentence to show for the form.
 * `fields` renames the app-wide field names to this form's controls (e.g. password → newPassword).
 */
export function applyApiError(form: FormGroup, error: unknown, fields: Partial<Record<ErrorField, string>> = {}): string | null {
  if (!(error instanceof ApiError)) return 'Something went wrong. Try again.';
  const name = error.field ? (fields[error.field] ?? error.field) : undefined;
  const control: AbstractControl | null = name ? form.get(name) : null;
  if (!control) return error.message;
  control.setErrors({ ...(control.errors ?? {}), server: error.message });
  control.markAsTouched();
  return null;
}
