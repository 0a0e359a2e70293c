import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideLocationMocks } from '@angular/common/testing';
import { Location } from '@angular/common';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { apiErrorInterceptor, SessionStore } from '@interakt/admin/auth/data-access';
import { provideAdminIcons } from '@interakt/admin/shared/ui';
import type { MeResponse, Page, UserDto } from '@interakt/shared/api-contracts';
import { permissionsFor } from '@interakt/shared/auth-model';
import { of } from 'rxjs';
import { SEARCH_DEBOUNCE_MS, UsersPage } from './users-page';
import { settle } from './testing.spec-helpers';

@Component({ selector: 'adm-home-stub', template: '<h1>Dashboard</h1>' })
class HomeStub {}

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
/** A full page of 20 users. */
const fullPage = (): UserDto[] =>
  Array.from({ length: 20 }, (_, i) => ({ ...ada, id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` }));
const page = (items: UserDto[], total = items.length, totalExact = true): Page<UserDto> => ({
  items,
  total,
  totalExact,
  page: 1,
  pageSize: 20,
});

describe('UsersPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let session: { user: () => UserDto; expire: jest.Mock; reload: jest.Mock };

  async function open(url: string): Promise<HTMLElement> {
    document.body.innerHTML = '';
    session = {
      user: () => me,
      expire: jest.fn(),
      reload: jest.fn(() => of<MeResponse>({ user: me, permissions: [...permissionsFor(me.role)] })),
    };
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: '', component: HomeStub },
          { path: 'admin/users', component: UsersPage },
        ]),
        provideLocationMocks(),
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideAdminIcons(),
        { provide: SessionStore, useValue: session },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    // Back and forward (the location's popstate) reach the router, as in the app after bootstrap.
    TestBed.inject(Router).setUpLocationChangeListener();
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    return harness.routeNativeElement as HTMLElement;
  }

  /** Lets the router, the resources and the view catch up (whenStable would wait for open requests). */
  function respond(users: Page<UserDto>): void {
    http.expectOne((r) => r.url === '/api/users').flush(users);
    http.expectOne('/api/users/stats').flush({ total: 2, active: 1, inactive: 1, activePercent: 50, admins: 1 });
  }

  /** Types into the search box and waits out the debounce. */
  async function typeSearch(el: HTMLElement, value: string): Promise<void> {
    const input = el.querySelector<HTMLInputElement>('input[type=search]') as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await new Promise((r) => setTimeout(r, SEARCH_DEBOUNCE_MS + 20));
    await settle();
  }

  function listRequest(search: string | null): void {
    http.expectOne((r) => r.url === '/api/users' && r.params.get('search') === search).flush(page([]));
  }

  async function openRowMenu(el: HTMLElement, name: string): Promise<string[]> {
    el.querySelector<HTMLButtonElement>(`[aria-label="Actions for ${name}"]`)?.click();
    await settle();
    return Array.from(document.querySelectorAll('.mat-mdc-menu-panel [mat-menu-item]')).map((i) => i.textContent?.trim() ?? '');
  }

  async function clickMenuItem(label: string): Promise<void> {
    Array.from(document.querySelectorAll<HTMLButtonElement>('.mat-mdc-menu-panel [mat-menu-item]'))
      .find((i) => i.textContent?.trim() === label)
      ?.click();
    await settle();
  }

  function snackbar(): string | undefined {
    return document.querySelector('simple-snack-bar .mat-mdc-snack-bar-label')?.textContent?.trim();
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

  it('does not offer to reset, deactivate or delete your own account', async () => {
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
      ['You cannot deactivate or delete your own account', true],
    ]);
  });

  it("offers Change password on another user's row", async () => {
    const el = await open('/admin/users');
    respond(page([ada]));
    await settle();
    expect(await openRowMenu(el, 'Ada Lovelace')).toEqual(['Edit', 'Change password', 'Activate', 'Delete']);
  });

  it('shows the loading state until the list arrives', async () => {
    const el = await open('/admin/users');
    TestBed.tick();
    expect(el.querySelector('mat-progress-bar')?.getAttribute('aria-label')).toBe('Loading users');
    expect(el.querySelector('td.empty')?.textContent?.trim()).toBe('Loading users…');
    respond(page([ada]));
    await settle();
    expect(el.querySelector('mat-progress-bar')).toBeNull();
    expect(el.querySelector('td.empty')).toBeNull();
    expect(el.querySelectorAll('tr[data-testid=user-row]')).toHaveLength(1);
  });

  it('asks for the next page when the paginator is clicked, and keeps it in the URL', async () => {
    const el = await open('/admin/users?role=user');
    respond(page([ada], 45));
    await settle();
    expect(el.querySelector('.mat-mdc-paginator-range-label')?.textContent?.trim()).toBe('1 – 20 of 45');
    el.querySelector<HTMLButtonElement>('button.mat-mdc-paginator-navigation-next')?.click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/admin/users?role=user&page=2');
    const req = http.expectOne((r) => r.url === '/api/users');
    expect(req.request.params.get('page')).toBe('2');
    expect(req.request.params.get('role')).toBe('user');
    req.flush({ items: [ada], total: 45, page: 2, pageSize: 20 });
    await settle();
    expect(el.querySelector('.mat-mdc-paginator-range-label')?.textContent?.trim()).toBe('21 – 40 of 45');
  });

  it('says "about" for an estimated search total and keeps the next page reachable', async () => {
    const el = await open('/admin/users?search=son');
    respond(page(fullPage(), 12000, false));
    await settle();
    expect(el.querySelector('.mat-mdc-paginator-range-label')?.textContent?.trim()).toBe('1 – 20 of about 12,000');
    el.querySelector<HTMLButtonElement>('button.mat-mdc-paginator-navigation-next')?.click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/admin/users?search=son&page=2');
    http.expectOne((r) => r.url === '/api/users').flush({ items: fullPage(), total: 12000, totalExact: false, page: 2, pageSize: 20 });
    await settle();
    expect(el.querySelector('.mat-mdc-paginator-range-label')?.textContent?.trim()).toBe('21 – 40 of about 12,000');
  });

  it('keeps offering the next page while full pages come back past an estimate that fell short', async () => {
    const el = await open('/admin/users?search=son&page=601');
    http.expectOne((r) => r.url === '/api/users').flush({ items: fullPage(), total: 12000, totalExact: false, page: 601, pageSize: 20 });
    http.expectOne('/api/users/stats').flush({ total: 2, active: 1, inactive: 1, activePercent: 50, admins: 1 });
    await settle();
    expect(el.querySelector('.mat-mdc-paginator-range-label')?.textContent?.trim()).toBe('12,001 – 12,020 of more than 12,020');
    expect(el.querySelector<HTMLButtonElement>('button.mat-mdc-paginator-navigation-next')?.disabled).toBe(false);
  });

  it('reads an exact total as Material does, and stays on an empty page past an estimate', async () => {
    const el = await open('/admin/users?search=son&page=7');
    http.expectOne((r) => r.url === '/api/users').flush({ items: [], total: 500, totalExact: false, page: 7, pageSize: 20 });
    http.expectOne('/api/users/stats').flush({ total: 2, active: 1, inactive: 1, activePercent: 50, admins: 1 });
    await settle();
    // No jump to "the last page" of an estimate: it could be empty too.
    expect(TestBed.inject(Router).url).toBe('/admin/users?search=son&page=7');
    expect(el.querySelector('.mat-mdc-paginator-range-label')?.textContent?.trim()).toBe('121 – 140 of 500');
  });

  it('activates an inactive user without asking, then refreshes and says so', async () => {
    const el = await open('/admin/users');
    respond(page([ada]));
    await settle();
    await openRowMenu(el, 'Ada Lovelace');
    await clickMenuItem('Activate');
    expect(document.querySelector('adm-confirm-dialog')).toBeNull();
    const req = http.expectOne({ method: 'POST', url: `/api/users/${ada.id}/activate` });
    expect(req.request.body).toBeNull();
    req.flush({ ...ada, status: 'active' });
    await settle();
    respond(page([{ ...ada, status: 'active' }]));
    await settle();
    expect(snackbar()).toBe('Ada Lovelace activated.');
    expect(el.querySelector('tr[data-testid=user-row] td.mat-column-status')?.textContent?.trim()).toBe('Active');
  });

  it('searches the same text again after "Clear filters"', async () => {
    const el = await open('/admin/users');
    respond(page([]));
    await settle();
    await typeSearch(el, 'lov');
    expect(TestBed.inject(Router).url).toBe('/admin/users?search=lov');
    listRequest('lov');
    await settle();
    el.querySelector<HTMLButtonElement>('section.filters button')?.click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/admin/users');
    expect(el.querySelector<HTMLInputElement>('input[type=search]')?.value).toBe('');
    listRequest(null);
    await typeSearch(el, 'lov');
    expect(TestBed.inject(Router).url).toBe('/admin/users?search=lov');
    listRequest('lov');
  });

  it('searches the same text again after the browser went back', async () => {
    const el = await open('/admin/users');
    respond(page([]));
    await harness.navigateByUrl('/admin/users?role=user');
    await settle();
    listRequest(null);
    await typeSearch(el, 'lov');
    expect(TestBed.inject(Router).url).toBe('/admin/users?search=lov&role=user');
    listRequest('lov');
    TestBed.inject(Location).back();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/admin/users');
    expect(el.querySelector<HTMLInputElement>('input[type=search]')?.value).toBe('');
    listRequest(null);
    await typeSearch(el, 'lov');
    expect(TestBed.inject(Router).url).toBe('/admin/users?search=lov');
    listRequest('lov');
  });

  it('refreshes after adding a user with a generated password, however the dialog closes', async () => {
    const el = await open('/admin/users');
    respond(page([]));
    await settle();
    Array.from(el.querySelectorAll<HTMLButtonElement>('header button'))
      .find((b) => b.textContent?.includes('Add user'))
      ?.click();
    await settle();
    const dialog = document.querySelector('adm-user-form-dialog') as HTMLElement;
    for (const [label, value] of [
      ['First name', 'Grace'],
      ['Last name', 'Hopper'],
      ['Email', 'grace@example.com'],
    ]) {
      const input = Array.from(dialog.querySelectorAll('mat-form-field'))
        .find((f) => f.querySelector('mat-label')?.textContent?.trim() === label)
        ?.querySelector('input') as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    dialog.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await settle();
    const grace = { ...ada, id: '00000000-0000-4000-8000-000000000004', firstName: 'Grace', lastName: 'Hopper', status: 'active' as const };
    http.expectOne({ method: 'POST', url: '/api/users' }).flush({ user: grace, generatedPassword: 'A1b2C3d4E5f6G7h8I9j0' });
    await settle();
    expect(document.querySelector('adm-user-form-dialog h2')?.textContent).toBe('User added');

    // Closed some other way than "Done" (here: as a navigation closes every dialog).
    TestBed.inject(MatDialog).closeAll();
    await settle();
    respond(page([grace]));
    await settle();
    expect(document.querySelector('adm-user-form-dialog')).toBeNull();
    expect(snackbar()).toBe('Grace Hopper added.');
    expect(el.querySelector('tr[data-testid=user-row] td')?.textContent?.trim()).toBe('Grace Hopper');
  });

  it('goes to the dashboard after you demoted yourself, and reloads the session', async () => {
    const el = await open('/admin/users');
    respond(page([me]));
    await settle();
    await openRowMenu(el, 'Admin User');
    await clickMenuItem('Edit');
    const dialog = document.querySelector('adm-user-form-dialog') as HTMLElement;
    dialog.querySelector<HTMLElement>('mat-select')?.click();
    await settle();
    Array.from(document.querySelectorAll<HTMLElement>('mat-option'))
      .find((o) => o.textContent?.trim() === 'Moderator')
      ?.click();
    await settle();
    dialog.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await settle();
    document.querySelector<HTMLButtonElement>('adm-confirm-dialog [data-testid=confirm]')?.click();
    await settle();
    const req = http.expectOne({ method: 'PATCH', url: `/api/users/${me.id}` });
    expect(req.request.body).toEqual({ role: 'moderator' });
    req.flush({ ...me, role: 'moderator' });
    await settle();
    expect(TestBed.inject(Router).url).toBe('/');
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent).toBe('Dashboard');
    expect(session.reload).toHaveBeenCalledTimes(1);
    // No reload of a list this role may no longer read.
    http.expectNone((r) => r.url.startsWith('/api/users'));
    expect(snackbar()).toBe('Admin User saved. Your role is now Moderator.');
  });

  it('stays on User Management after editing yourself without losing the admin role', async () => {
    const el = await open('/admin/users');
    respond(page([me]));
    await settle();
    await openRowMenu(el, 'Admin User');
    await clickMenuItem('Edit');
    const dialog = document.querySelector('adm-user-form-dialog') as HTMLElement;
    const first = dialog.querySelector('input') as HTMLInputElement;
    first.value = 'Root';
    first.dispatchEvent(new Event('input'));
    dialog.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await settle();
    http.expectOne({ method: 'PATCH', url: `/api/users/${me.id}` }).flush({ ...me, firstName: 'Root' });
    await settle();
    respond(page([{ ...me, firstName: 'Root' }]));
    await settle();
    expect(TestBed.inject(Router).url).toBe('/admin/users');
    expect(session.reload).toHaveBeenCalledTimes(1);
    expect(snackbar()).toBe('Root User saved.');
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
