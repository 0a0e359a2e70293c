import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { apiErrorInterceptor, SessionStore } from '@interakt/admin/auth/data-access';
import { provideAdminIcons } from '@interakt/admin/shared/ui';
import type { UserDto } from '@interakt/shared/api-contracts';
import { SetPasswordDialog } from './set-password-dialog';
import { settle, submit, tryToDismiss } from './testing.spec-helpers';

const alan: UserDto = {
  id: '00000000-0000-4000-8000-000000000005',
  firstName: 'Alan',
  lastName: 'Turing',
  email: 'alan@example.com',
  role: 'user',
  status: 'active',
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  lastLoginAt: null,
};

describe('SetPasswordDialog', () => {
  let http: HttpTestingController;
  let closed: jest.Mock;

  async function open(): Promise<HTMLElement> {
    document.body.innerHTML = '';
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideAdminIcons(),
        { provide: SessionStore, useValue: { expire: jest.fn() } },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    closed = jest.fn();
    TestBed.inject(MatDialog).open(SetPasswordDialog, { data: alan }).afterClosed().subscribe(closed);
    await settle();
    return document.querySelector('adm-set-password-dialog') as HTMLElement;
  }

  async function chooseTyped(sut: HTMLElement, password: string): Promise<void> {
    sut.querySelectorAll<HTMLInputElement>('mat-radio-button input')[1].click();
    await settle();
    const input = sut.querySelector<HTMLInputElement>('input[type=password]') as HTMLInputElement;
    input.value = password;
    input.dispatchEvent(new Event('input'));
  }

  afterEach(() => http.verify());

  it('names the user and generates a password by default, shown once until "Done"', async () => {
    const sut = await open();
    expect(sut.querySelector('h2')?.textContent).toBe('Change password of Alan Turing');
    expect(sut.textContent).toContain('alan@example.com will be signed out everywhere.');
    await submit(sut);
    const req = http.expectOne({ method: 'POST', url: `/api/users/${alan.id}/password` });
    expect(req.request.body).toEqual({ generatePassword: true });
    req.flush({ generatedPassword: 'Q9w8E7r6T5y4U3i2O1p0' });
    await settle();

    expect(sut.querySelector('h2')?.textContent).toBe('Password changed');
    expect(sut.querySelector<HTMLInputElement>('[data-testid=secret]')?.value).toBe('Q9w8E7r6T5y4U3i2O1p0');
    expect(sut.textContent).toContain('it will not be shown again');
    expect(sut.querySelector('button[aria-label="Copy New password"]')).not.toBeNull();
    expect(document.activeElement?.textContent?.trim()).toBe('Done');

    await tryToDismiss();
    expect(closed).not.toHaveBeenCalled();
    expect(document.querySelector('adm-set-password-dialog [data-testid=secret]')).not.toBeNull();

    Array.from(sut.querySelectorAll<HTMLButtonElement>('button'))
      .find((b) => b.textContent?.trim() === 'Done')
      ?.click();
    await settle();
    expect(closed).toHaveBeenCalledWith(true);
  });

  it('sets a typed password and closes with true', async () => {
    const sut = await open();
    await chooseTyped(sut, 'Alan breaks Enigma at Bletchley');
    await submit(sut);
    const req = http.expectOne({ method: 'POST', url: `/api/users/${alan.id}/password` });
    expect(req.request.body).toEqual({ password: 'Alan breaks Enigma at Bletchley' });
    req.flush({});
    await settle();
    expect(closed).toHaveBeenCalledWith(true);
  });

  it('asks for a typed password before sending, and shows WEAK_PASSWORD under the field', async () => {
    const sut = await open();
    await chooseTyped(sut, '');
    await submit(sut);
    http.expectNone(`/api/users/${alan.id}/password`);
    expect(sut.querySelector('mat-error')?.textContent?.trim()).toBe('Type a password, or let one be generated.');

    await chooseTyped(sut, 'alan@example.com');
    await submit(sut);
    http
      .expectOne(`/api/users/${alan.id}/password`)
      .flush(
        { statusCode: 400, error: 'Bad Request', code: 'WEAK_PASSWORD', message: 'Password must not be your email address' },
        { status: 400, statusText: 'Bad Request' },
      );
    await settle();
    expect(sut.querySelector('mat-error')?.textContent?.trim()).toBe('Password must not be your email address.');
    expect(closed).not.toHaveBeenCalled();
  });

  it('closes with Esc (nothing changed) while still asking', async () => {
    await open();
    await tryToDismiss();
    expect(closed).toHaveBeenCalledWith(undefined);
  });
});
