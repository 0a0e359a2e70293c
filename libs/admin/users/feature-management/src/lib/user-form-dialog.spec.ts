import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { apiErrorInterceptor, SessionStore } from '@interakt/admin/auth/data-access';
import { provideAdminIcons } from '@interakt/admin/shared/ui';
import type { UserDto } from '@interakt/shared/api-contracts';
import { UserFormDialog, type UserFormDialogData } from './user-form-dialog';
import { settle, submit, tryToDismiss } from './testing.spec-helpers';

const ada: UserDto = {
  id: '00000000-0000-4000-8000-000000000002',
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  role: 'admin',
  status: 'active',
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  lastLoginAt: null,
};

describe('UserFormDialog', () => {
  let http: HttpTestingController;
  let closed: jest.Mock;
  let userCreated: jest.Mock;

  async function open(data: UserFormDialogData): Promise<HTMLElement> {
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
    userCreated = jest.fn();
    const ref = TestBed.inject(MatDialog).open(UserFormDialog, { data });
    ref.afterClosed().subscribe(closed);
    ref.componentInstance.userCreated.subscribe(userCreated);
    await settle();
    return document.querySelector('adm-user-form-dialog') as HTMLElement;
  }

  function fill(el: HTMLElement, values: Record<string, string>): void {
    for (const [label, value] of Object.entries(values)) {
      const input = Array.from(el.querySelectorAll('mat-form-field'))
        .find((f) => f.querySelector('mat-label')?.textContent?.trim() === label)
        ?.querySelector('input');
      if (!input) throw new Error(`no field ${label}`);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
  }

  function fieldText(el: HTMLElement, label: string): string {
    return (
      Array.from(el.querySelectorAll('mat-form-field')).find((f) => f.querySelector('mat-label')?.textContent?.trim() === label)
        ?.textContent ?? ''
    );
  }

  afterEach(() => http.verify());

  it('adds a user with a generated password and shows it once, with a copy button', async () => {
    const el = await open({ mode: 'create' });
    expect(el.querySelector('h2')?.textContent).toBe('Add user');
    fill(el, { 'First name': ' Grace ', 'Last name': 'Hopper', Email: 'grace@example.com' });
    await submit(el);
    const req = http.expectOne({ method: 'POST', url: '/api/users' });
    expect(req.request.body).toEqual({
      firstName: 'Grace',
      lastName: 'Hopper',
      email: 'grace@example.com',
      role: 'user',
      generatePassword: true,
    });
    req.flush({ user: { ...ada, firstName: 'Grace', role: 'user' }, generatedPassword: 'A1b2C3d4E5f6G7h8I9j0' });
    await settle();
    const shown = document.querySelector('adm-user-form-dialog') as HTMLElement;
    expect(shown.querySelector('h2')?.textContent).toBe('User added');
    expect(shown.querySelector<HTMLInputElement>('[data-testid=secret]')?.value).toBe('A1b2C3d4E5f6G7h8I9j0');
    expect(shown.textContent).toContain('it will not be shown again');
    expect(shown.querySelector('button[aria-label="Copy Generated password"]')).not.toBeNull();
    expect(userCreated).toHaveBeenCalledWith(expect.objectContaining({ firstName: 'Grace', role: 'user' }));
    // The form (and its focused field) is gone: focus moves to "Done", inside the dialog.
    expect(document.activeElement?.textContent?.trim()).toBe('Done');

    // Shown once: a stray Esc or backdrop click does not lose it.
    await tryToDismiss();
    expect(closed).not.toHaveBeenCalled();
    expect(document.querySelector('adm-user-form-dialog [data-testid=secret]')).not.toBeNull();

    Array.from(shown.querySelectorAll<HTMLButtonElement>('button'))
      .find((b) => b.textContent?.trim() === 'Done')
      ?.click();
    await settle();
    expect(closed).toHaveBeenCalledWith(expect.objectContaining({ firstName: 'Grace' }));
    expect(document.querySelector('adm-user-form-dialog')).toBeNull();
  });

  it('closes with Esc while the form is still open (nothing created)', async () => {
    await open({ mode: 'create' });
    await tryToDismiss();
    expect(closed).toHaveBeenCalledWith(undefined);
    expect(userCreated).not.toHaveBeenCalled();
  });

  it('closes with the user at once when the password was typed', async () => {
    const again = await open({ mode: 'create' });
    fill(again, { 'First name': 'Grace', 'Last name': 'Hopper', Email: 'grace@example.com' });
    again.querySelectorAll<HTMLInputElement>('mat-radio-button input')[1].click();
    await settle();
    fill(again, { Password: 'a long enough typed passphrase' });
    await submit(again);
    const req = http.expectOne({ method: 'POST', url: '/api/users' });
    expect(req.request.body).toMatchObject({ password: 'a long enough typed passphrase' });
    req.flush({ user: { ...ada, firstName: 'Grace', role: 'user' } });
    await settle();
    expect(userCreated).toHaveBeenCalledWith(expect.objectContaining({ firstName: 'Grace' }));
    expect(closed).toHaveBeenCalledWith(expect.objectContaining({ firstName: 'Grace' }));
  });

  it('shows EMAIL_TAKEN under the email and WEAK_PASSWORD under a typed password', async () => {
    const el = await open({ mode: 'create' });
    fill(el, { 'First name': 'Grace', 'Last name': 'Hopper', Email: 'taken@example.com' });
    el.querySelectorAll<HTMLInputElement>('mat-radio-button input')[1].click();
    await settle();
    fill(el, { Password: 'password' });
    expect(fieldText(el, 'Password')).toContain('At least 15 characters');
    await submit(el);
    const first = http.expectOne('/api/users');
    expect(first.request.body).toMatchObject({ password: 'password' });
    expect(first.request.body.generatePassword).toBeUndefined();
    first.flush({ statusCode: 409, error: 'Conflict', code: 'EMAIL_TAKEN', message: 'x' }, { status: 409, statusText: 'Conflict' });
    await settle();
    expect(fieldText(el, 'Email')).toContain('Another account already uses this email address.');

    fill(el, { Email: 'free@example.com' });
    await submit(el);
    http
      .expectOne('/api/users')
      .flush(
        { statusCode: 400, error: 'Bad Request', code: 'WEAK_PASSWORD', message: 'Password must be at least 15 characters long' },
        { status: 400, statusText: 'Bad Request' },
      );
    await settle();
    expect(fieldText(el, 'Password')).toContain('Password must be at least 15 characters long.');
    expect(closed).not.toHaveBeenCalled();
  });

  it('edits only what changed', async () => {
    const el = await open({ mode: 'edit', user: { ...ada, role: 'user' }, self: false });
    expect(el.querySelector('h2')?.textContent).toBe('Edit Ada Lovelace');
    expect(el.querySelector('mat-radio-group')).toBeNull();
    fill(el, { 'Last name': 'King' });
    await submit(el);
    const req = http.expectOne({ method: 'PATCH', url: `/api/users/${ada.id}` });
    expect(req.request.body).toEqual({ lastName: 'King' });
    req.flush({ ...ada, lastName: 'King' });
    await settle();
    expect(closed).toHaveBeenCalledWith(expect.objectContaining({ lastName: 'King' }));
  });

  it('asks before you demote yourself, and shows LAST_ADMIN in the dialog', async () => {
    const el = await open({ mode: 'edit', user: ada, self: true });
    el.querySelector<HTMLElement>('mat-select')?.click();
    await settle();
    Array.from(document.querySelectorAll<HTMLElement>('mat-option'))
      .find((o) => o.textContent?.trim() === 'User')
      ?.click();
    await settle();
    await submit(el);
    http.expectNone(`/api/users/${ada.id}`);
    const confirm = document.querySelector('adm-confirm-dialog') as HTMLElement;
    expect(confirm.querySelector('h2')?.textContent).toBe('Remove your own admin role?');
    expect(confirm.textContent).toContain('You will lose admin rights at once');
    confirm.querySelector<HTMLButtonElement>('[data-testid=confirm]')?.click();
    await settle();
    http
      .expectOne({ method: 'PATCH', url: `/api/users/${ada.id}` })
      .flush({ statusCode: 409, error: 'Conflict', code: 'LAST_ADMIN', message: 'x' }, { status: 409, statusText: 'Conflict' });
    await settle();
    expect(el.querySelector('[data-testid=dialog-error]')?.textContent?.trim()).toBe(
      'At least one active admin must remain. Make another user an admin first, then try again.',
    );
  });
});
