import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { SessionStore } from '@interakt/admin/auth/data-access';
import { ApiError } from '@interakt/admin/shared/util';
import { of, throwError } from 'rxjs';
import { ChangePasswordDialog } from './change-password-dialog';

describe('ChangePasswordDialog', () => {
  const changePassword = jest.fn();

  async function open() {
    TestBed.configureTestingModule({
      providers: [
        { provide: SessionStore, useValue: { changePassword, user: () => ({ email: 'ada@example.com' }) } },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    const ref = TestBed.inject(MatDialog).open(ChangePasswordDialog);
    const closed = jest.fn();
    ref.afterClosed().subscribe(closed);
    TestBed.tick();
    const el = document.querySelector('adm-change-password-dialog') as HTMLElement;
    const stable = () => new Promise((r) => setTimeout(r));
    return { el, closed, stable };
  }

  function field(el: HTMLElement, label: string): HTMLInputElement {
    const input = Array.from(el.querySelectorAll('mat-form-field'))
      .find((f) => f.querySelector('mat-label')?.textContent?.trim() === label)
      ?.querySelector('input');
    if (!input) throw new Error(`no field ${label}`);
    return input;
  }

  function fill(el: HTMLElement, values: Record<string, string>): void {
    for (const [label, value] of Object.entries(values)) {
      const input = field(el, label);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
  }

  async function submit(el: HTMLElement, stable: () => Promise<unknown>): Promise<string[]> {
    el.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await stable();
    TestBed.tick();
    return Array.from(el.querySelectorAll('mat-error, [role=alert]')).map((e) => e.textContent?.trim() ?? '');
  }

  beforeEach(() => {
    changePassword.mockReset();
    document.body.innerHTML = '';
  });

  it('says when the confirmation differs, without calling the server', async () => {
    const { el, stable } = await open();
    fill(el, { 'Current password': 'old', 'New password': 'a brand new passphrase', 'Confirm new password': 'a brand new passphrasE' });
    expect(await submit(el, stable)).toContain('The two new passwords are not the same.');
    expect(changePassword).not.toHaveBeenCalled();
  });

  it('shows INVALID_CURRENT_PASSWORD under the current password and WEAK_PASSWORD under the new one', async () => {
    const { el, stable } = await open();
    fill(el, { 'Current password': 'old', 'New password': 'a brand new passphrase', 'Confirm new password': 'a brand new passphrase' });
    changePassword.mockReturnValueOnce(
      throwError(() => new ApiError(400, 'INVALID_CURRENT_PASSWORD', 'The current password is not correct.', 'currentPassword')),
    );
    expect(await submit(el, stable)).toEqual(['The current password is not correct.']);
    expect(field(el, 'Current password').closest('mat-form-field')?.textContent).toContain('The current password is not correct.');

    fill(el, { 'Current password': 'right' });
    changePassword.mockReturnValueOnce(
      throwError(() => new ApiError(400, 'WEAK_PASSWORD', 'This password is too common; choose another.', 'password')),
    );
    expect(await submit(el, stable)).toEqual(['This password is too common; choose another.']);
    expect(field(el, 'New password').closest('mat-form-field')?.textContent).toContain('too common');
  });

  it('closes with true once the server accepted (the session keeps the fresh token)', async () => {
    const { el, closed, stable } = await open();
    changePassword.mockReturnValue(of({}));
    fill(el, { 'Current password': 'old', 'New password': 'a brand new passphrase', 'Confirm new password': 'a brand new passphrase' });
    await submit(el, stable);
    await new Promise((r) => setTimeout(r, 50));
    expect(changePassword).toHaveBeenCalledWith('old', 'a brand new passphrase');
    expect(closed).toHaveBeenCalledWith(true);
  });
});
