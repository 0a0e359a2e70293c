import { Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { Route } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { appConfig } from './app.config';
import { appRoutes } from './app.routes';
import { AuditPage } from './pages/admin/audit-page';
import { TokensPage } from './pages/admin/tokens-page';
import { UsersPage } from './pages/admin/users-page';
import { DashboardPage } from './pages/dashboard-page';
import { LoginPage } from './pages/login-page';
import { NotFoundPage } from './pages/not-found-page';
import { Shell } from './shell/shell';

describe('appRoutes', () => {
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: appConfig.providers });
    harness = await RouterTestingHarness.create();
  });

  /** Navigates, waits for the lazy chunks and rendering, and returns the page rendered. */
  async function open<T>(url: string, page: Type<T>): Promise<HTMLElement | null> {
    await harness.navigateByUrl(url);
    await harness.fixture.whenStable();
    return harness.fixture.debugElement.query(By.directive(page))?.nativeElement ?? null;
  }

  function allRoutes(routes: Route[]): Route[] {
    return routes.flatMap((route) => [route, ...allRoutes(route.children ?? [])]);
  }

  it('declares every screen as a lazy loadComponent route', () => {
    const routesWithScreens = allRoutes(appRoutes).filter((route) => route.component || route.loadComponent);

    expect(routesWithScreens).toHaveLength(7);
    for (const route of routesWithScreens) {
      expect(route.component).toBeUndefined();
      expect(route.loadComponent).toEqual(expect.any(Function));
    }
  });

  it.each([
    ['/', DashboardPage, 'Dashboard'],
    ['/admin/users', UsersPage, 'User Management'],
    ['/admin/audit', AuditPage, 'Audit Log'],
    ['/admin/tokens', TokensPage, 'Access Tokens'],
  ] as const)('loads %s inside the shell', async (url, page, heading) => {
    const sut = await open(url, page);

    expect(sut?.querySelector('h1')?.textContent?.trim()).toBe(heading);
    expect(harness.routeDebugElement?.componentInstance).toBeInstanceOf(Shell);
    expect(document.title).toBe(`${heading} · Interakt Admin`);
  });

  it('marks only the current page as active in the navigation', async () => {
    await open('/admin/audit', AuditPage);

    const current = harness.routeNativeElement?.querySelectorAll('mat-nav-list a[aria-current="page"]');
    expect(Array.from(current ?? []).map((a) => a.textContent?.trim())).toEqual(['Audit Log']);
  });

  it('shows the not-found page, still inside the shell, for an unknown URL', async () => {
    const sut = await open('/no/such/page', NotFoundPage);

    expect(sut?.querySelector('h1')?.textContent?.trim()).toBe('Page not found');
    expect(sut?.querySelector('a')?.getAttribute('href')).toBe('/');
    expect(harness.routeDebugElement?.componentInstance).toBeInstanceOf(Shell);
    expect(document.title).toBe('Page not found · Interakt Admin');
  });

  it('shows the login page without the shell', async () => {
    const sut = await open('/login', LoginPage);

    expect(sut?.querySelector('h1')?.textContent?.trim()).toBe('Sign in');
    expect(harness.routeDebugElement?.componentInstance).toBeInstanceOf(LoginPage);
    expect(harness.fixture.nativeElement.querySelector('mat-toolbar')).toBeNull();
  });
});
