import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

/** Group validator: `confirm` must equal `password` (error `mismatch` on the confirm control too). */
export function passwordsMatch(password: string, confirm: string): ValidatorFn {
  return (group: AbstractControl): ValidationErrors | null => {
    const a = group.get(password)?.value as string | undefined;
    const confirmControl = group.get(confirm);
    const b = confirmControl?.value as string | undefined;
    const mismatch = !!b && a !== b;
    if (confirmControl) {
      const { mismatch: _old, ...rest } = confirmControl.errors ?? {};
      const next = mismatch ? { ...rest, mismatch: true } : rest;
      confirmControl.setErrors(Object.keys(next).length ? next : null, { emitEvent: false });
    }
    return mismatch ? { mismatch: true } : null;
  };
}

/** Password rules of SPEC §4 as told to people (the server checks them: PASSWORD_MIN_LENGTH, default 15). */
export const PASSWORD_POLICY_HINT = 'At least 15 characters. Not a common password, not the email or name.';
