import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { AuditEventDto, Page } from '@interakt/shared/api-contracts';
import { AuditPage } from './audit-page';

const ACTOR_ID = '7b0f5a3e-0000-4000-8000-000000000001';
const event: AuditEventDto = {
  id: '41',
  at: '2026-12-03T10:00:00.000Z',
  action: 'user.role_changed',
  actor: { type: 'user', id: ACTOR_ID, email: 'admin@example.com', name: 'Admin User' },
  target: { type: 'user', id: '7b0f5a3e-0000-4000-8000-000000000002', label: 'alan@example.com' },
  details: { before: { role: 'user' }, after: { role: 'moderator' } },
  ip: '127.0.0.1',
  userAgent: 'test',
};

describe('AuditPage', () => {
  let http: HttpTestingController;

  async function open(url: string): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'admin/audit', component: AuditPage }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    return harness.routeNativeElement as HTMLElement;
  }

  async function settle(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r));
      TestBed.tick();
    }
  }

  const page = (items: AuditEventDto[]): Page<AuditEventDto> => ({ items, total: items.length, totalExact: true, page: 1, pageSize: 20 });

  /** Types into the actor box and waits out its debounce. */
  async function typeActor(el: HTMLElement, value: string): Promise<void> {
    const input = el.querySelector<HTMLInputElement>('input[aria-autocomplete]') as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await new Promise((r) => setTimeout(r, 320));
    await settle();
  }

  const grace = { id: ACTOR_ID, firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' };

  afterEach(() => http.verify());

  it('asks for what the URL says (days as ISO instants) and shows the actor and the filter values', async () => {
    const el = await open(`/admin/audit?action=user.role_changed&actorId=${ACTOR_ID}&from=2026-12-01&to=2026-12-03`);
    await settle();
    const req = http.expectOne((r) => r.url === '/api/audit');
    expect(req.request.params.get('action')).toBe('user.role_changed');
    expect(req.request.params.get('actorId')).toBe(ACTOR_ID);
    expect(req.request.params.get('from')).toBe(new Date(2026, 11, 1).toISOString());
    expect(req.request.params.get('to')).toBe(new Date(2026, 11, 4).toISOString());
    req.flush(page([event]));
    http.expectOne(`/api/users/${ACTOR_ID}`).flush({ id: ACTOR_ID, firstName: 'Admin', lastName: 'User', email: 'admin@example.com' });
    await settle();

    const cells = Array.from(el.querySelectorAll('tr[data-testid=audit-row] td')).map((c) => c.textContent?.replace(/\s+/g, ' ').trim());
    expect(cells.slice(1)).toEqual([
      'Admin User (admin@example.com)',
      'Role changed user.role_changed',
      'user: alan@example.com',
      'role: user → moderator',
    ]);
    expect(el.querySelector<HTMLInputElement>('input[aria-label="From date"]')?.value).toBe('12/1/2026');
    expect(el.querySelector<HTMLInputElement>('[matautocomplete], input[aria-autocomplete]')?.value).toBe('Admin User (admin@example.com)');
  });

  it('puts the chosen action into the URL, back on page 1', async () => {
    const el = await open('/admin/audit?page=2');
    await settle();
    http.expectOne((r) => r.url === '/api/audit' && r.params.get('page') === '2').flush(page([]));
    await settle();
    el.querySelector<HTMLElement>('mat-select')?.click();
    await settle();
    Array.from(document.querySelectorAll<HTMLElement>('mat-option'))
      .find((o) => o.textContent?.includes('(user.deleted)'))
      ?.click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/admin/audit?action=user.deleted');
    http.expectOne((r) => r.url === '/api/audit' && r.params.get('action') === 'user.deleted').flush(page([]));
    await settle();
    expect(el.querySelector('td.empty')?.textContent).toContain('No events match these filters.');
  });

  it('asks for the next page when the paginator is clicked, and keeps it in the URL', async () => {
    const el = await open('/admin/audit?action=auth.login');
    await settle();
    http.expectOne((r) => r.url === '/api/audit').flush({ items: [event], total: 45, page: 1, pageSize: 20 });
    await settle();
    expect(el.querySelector('.mat-mdc-paginator-range-label')?.textContent?.trim()).toBe('1 – 20 of 45');
    el.querySelector<HTMLButtonElement>('button.mat-mdc-paginator-navigation-next')?.click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/admin/audit?action=auth.login&page=2');
    const req = http.expectOne((r) => r.url === '/api/audit');
    expect(req.request.params.get('page')).toBe('2');
    expect(req.request.params.get('action')).toBe('auth.login');
    req.flush({ items: [event], total: 45, page: 2, pageSize: 20 });
    await settle();
    expect(el.querySelector('.mat-mdc-paginator-range-label')?.textContent?.trim()).toBe('21 – 40 of 45');
  });

  it('searches actors for the same text again after "Clear filters"', async () => {
    const el = await open('/admin/audit?action=auth.login');
    await settle();
    http.expectOne((r) => r.url === '/api/audit').flush(page([]));
    await typeActor(el, 'gra');
    http
      .expectOne((r) => r.url === '/api/users' && r.params.get('search') === 'gra')
      .flush({ items: [grace], total: 1, page: 1, pageSize: 10 });
    await settle();

    Array.from(el.querySelectorAll<HTMLButtonElement>('section.filters button'))
      .find((b) => b.textContent?.trim() === 'Clear filters')
      ?.click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/admin/audit');
    http.expectOne((r) => r.url === '/api/audit').flush(page([]));
    expect(el.querySelector<HTMLInputElement>('input[aria-autocomplete]')?.value).toBe('');

    await typeActor(el, 'gra');
    http
      .expectOne((r) => r.url === '/api/users' && r.params.get('search') === 'gra')
      .flush({ items: [grace], total: 1, page: 1, pageSize: 10 });
  });
});
