import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { apiErrorInterceptor, SessionStore } from '@interakt/admin/auth/data-access';
import { provideAdminIcons } from '@interakt/admin/shared/ui';
import type { Page, UserDto } from '@interakt/shared/api-contracts';
import { UsersPage } from './users-page';

const me: UserDto = {
  id: '00000000-0000-4000-8000-000000000001',
  firstName: 'Admin',
  lastName: 'User',
  email: 'admin@example.com',
  role: 'admin',
  status: 'active',
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  lastLoginAt: null,
};
const ada: UserDto = {
  ...me,
  id: '00000000-0000-4000-8000-000000000002',
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  role: 'user',
  status: 'inactive',
};
const page = (items: UserDto[], total = items.length): Page<UserDto> => ({ items, total, page: 1, pageSize: 20 });

describe('UsersPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  async function open(url: string): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'admin/users', component: UsersPage }]),
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideAdminIcons(),
        { provide: SessionStore, useValue: { user: () => me, expire: jest.fn() } },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    return harness.routeNativeElement as HTMLElement;
  }

  /** Lets the router, the resources and the view catch up (whenStable would wait for open requests). */
  async function settle(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r));
      TestBed.tick();
    }
  }

  function respond(users: Page<UserDto>): void {
    http.expectOne((r) => r.url === '/api/users').flush(users);
    http.expectOne('/api/users/stats').flush({ total: 2, active: 1, inactive: 1, activePercent: 50, admins: 1 });
  }

  afterEach(() => http.verify());

  it('asks the API for what the URL says and shows the stats and the rows', async () => {
    const el = await open('/admin/users?search=ada&role=user&status=inactive&page=1&sort=name&order=desc');
    const req = http.expectOne((r) => r.url === '/api/users');
    expect(req.request.params.toString()).toBe('search=ada&role=user&status=inactive&page=1&pageSize=20&sort=name&order=desc');
    req.flush(page([ada]));
    http.expectOne('/api/users/stats').flush({ total: 3, active: 2, inactive: 1, activePercent: 66.7, admins: 1 });
    await settle();

    const cards = Array.from(el.querySelectorAll('adm-user-stats-cards mat-card')).map((c) =>
      Array.from(c.querySelectorAll('p'))
        .map((p) => p.textContent?.replace(/\s+/g, ' ').trim())
        .join(' '),
    );
    expect(cards).toEqual(['Total Users 3', 'Active Users 2 66.7% of all', 'Inactive Users 1', 'Admins 1']);
    const cells = Array.from(el.querySelectorAll('tr[data-testid=user-row] td')).map((c) => c.textContent?.trim());
    expect(cells.slice(0, 4)).toEqual(['Ada Lovelace', 'ada@example.com', 'User', 'Inactive']);
    expect(el.querySelector<HTMLInputElement>('input[type=search]')?.value).toBe('ada');
    expect(el.querySelector('[aria-label="Actions for Ada Lovelace"]')).not.toBeNull();
  });

  it('puts a typed search into the URL after a pause, back on page 1', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
    try {
      const el = await open('/admin/users?page=3');
      respond(page([], 0));
      const input = el.querySelector<HTMLInputElement>('input[type=search]') as HTMLInputElement;
      input.value = 'lov';
      input.dispatchEvent(new Event('input'));
      jest.advanceTimersByTime(299);
      expect(TestBed.inject(Router).url).toBe('/admin/users?page=3');
      jest.advanceTimersByTime(1);
      jest.useRealTimers();
      await settle();
      expect(TestBed.inject(Router).url).toBe('/admin/users?search=lov');
      http.expectOne((r) => r.url === '/api/users' && r.params.get('search') === 'lov').flush(page([]));
    } finally {
      jest.useRealTimers();
    }
  });

  it('says when nothing matches, and offers to clear the filters', async () => {
    const el = await open('/admin/users?role=moderator');
    respond(page([]));
    await settle();
    expect(el.querySelector('td.empty')?.textContent).toContain('No users match these filters.');
  });

  it('shows an error with a retry when the list cannot load', async () => {
    const el = await open('/admin/users');
    http
      .expectOne((r) => r.url === '/api/users')
      .flush({ statusCode: 500, error: 'x', code: 'INTERNAL_ERROR', message: 'x' }, { status: 500, statusText: 'x' });
    http.expectOne('/api/users/stats').flush({ total: 0, active: 0, inactive: 0, activePercent: 0, admins: 0 });
    await settle();
    expect(el.querySelector('[data-testid=users-error]')?.textContent).toContain('Something went wrong on the server. Try again.');
    Array.from(el.querySelectorAll('button'))
      .find((b) => b.textContent?.trim() === 'Retry')
      ?.click();
    await settle();
    respond(page([ada]));
    await settle();
    expect(el.querySelectorAll('tr[data-testid=user-row]')).toHaveLength(1);
  });

  it('does not offer to deactivate or delete your own account', async () => {
    const el = await open('/admin/users');
    respond(page([me]));
    await settle();
    el.querySelector<HTMLButtonElement>('[aria-label="Actions for Admin User"]')?.click();
    await settle();
    const items = Array.from(document.querySelectorAll('.mat-mdc-menu-panel [mat-menu-item]')).map((i) => [
      i.textContent?.trim(),
      (i as HTMLButtonElement).disabled,
    ]);
    expect(items).toEqual([
      ['Edit', false],
      ['Change password', false],
      ['You cannot deactivate or delete your own account', true],
    ]);
  });

  it('explains a LAST_ADMIN refusal and refreshes', async () => {
    const other = { ...me, id: '00000000-0000-4000-8000-000000000003', firstName: 'Bo', lastName: 'Admin', email: 'bo@example.com' };
    const el = await open('/admin/users');
    respond(page([other]));
    await settle();
    el.querySelector<HTMLButtonElement>('[aria-label="Actions for Bo Admin"]')?.click();
    await settle();
    Array.from(document.querySelectorAll<HTMLButtonElement>('[mat-menu-item]'))
      .find((i) => i.textContent?.includes('Delete'))
      ?.click();
    await settle();
    expect(document.querySelector('mat-dialog-container h2')?.textContent).toBe('Delete Bo Admin?');
    document.querySelector<HTMLButtonElement>('[data-testid=confirm]')?.click();
    await settle();
    http
      .expectOne({ method: 'DELETE', url: `/api/users/${other.id}` })
      .flush({ statusCode: 409, error: 'Conflict', code: 'LAST_ADMIN', message: 'last admin' }, { status: 409, statusText: 'Conflict' });
    await settle();
    respond(page([other]));
    await settle();
    expect(document.querySelector('.mat-mdc-snack-bar-label')?.textContent).toContain(
      'At least one active admin must remain. Make another user an admin first, then try again.',
    );
  });
});
