import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { By } from '@angular/platform-browser';
import { type Route, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { SessionStore } from '@interakt/admin/auth/data-access';
import type { Role } from '@interakt/shared/auth-model';
import { appConfig } from './app.config';
import { appRoutes } from './app.routes';
import { Shell } from './shell/shell';
import { sessionStub } from './testing/session-stub';

describe('appRoutes', () => {
  let harness: RouterTestingHarness;

  async function signedInAs(role: Role | null): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        ...appConfig.providers,
        provideHttpClientTesting(),
        { provide: SessionStore, useValue: sessionStub(role) },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    harness = await RouterTestingHarness.create();
  }

  /** Navigates (lazy chunks included) and returns the page rendered, found by its selector. */
  async function open(url: string, selector: string): Promise<HTMLElement | null> {
    await harness.navigateByUrl(url);
    TestBed.tick();
    return harness.fixture.debugElement.query(By.css(selector))?.nativeElement ?? null;
  }

  function allRoutes(routes: Route[]): Route[] {
    return routes.flatMap((route) => [route, ...allRoutes(route.children ?? [])]);
  }

  it('declares every screen as a lazy loadComponent route', () => {
    const routesWithScreens = allRoutes(appRoutes).filter((route) => route.component || route.loadComponent);
    expect(routesWithScreens).toHaveLength(10);
    for (const route of routesWithScreens) {
      expect(route.component).toBeUndefined();
      expect(route.loadComponent).toEqual(expect.any(Function));
    }
  });

  it.each([
    ['/', 'adm-dashboard-page', 'Dashboard'],
    ['/admin/users', 'adm-users-page', 'User Management'],
    ['/admin/audit', 'adm-audit-page', 'Audit Log'],
    ['/admin/tokens', 'adm-tokens-page', 'Access Tokens'],
  ] as const)('opens %s inside the shell for an admin', async (url, page, heading) => {
    await signedInAs('admin');
    const sut = await open(url, page);
    expect(sut?.querySelector('h1')?.textContent?.trim()).toBe(heading);
    expect(harness.routeDebugElement?.componentInstance).toBeInstanceOf(Shell);
    expect(document.title).toBe(`${heading} · Interakt Admin`);
  });

  it.each(['moderator', 'user'] as const)('shows a %s the no-access page at an admin URL, keeping the URL', async (role) => {
    await signedInAs(role);
    for (const url of ['/admin/users', '/admin/audit', '/admin/tokens']) {
      const sut = await open(url, 'adm-no-access-page');
      expect(sut?.querySelector('h1')?.textContent?.trim()).toBe('No access');
      expect(TestBed.inject(Router).url).toBe(url);
      expect(document.title).toBe('No access · Interakt Admin');
    }
  });

  it('sends a signed-out visitor to sign-in with the URL to return to', async () => {
    await signedInAs(null);
    const sut = await open('/admin/audit?action=user.deleted', 'adm-login-page');
    expect(sut?.querySelector('h1')?.textContent?.trim()).toBe('Sign in');
    expect(TestBed.inject(Router).url).toBe('/login?returnUrl=%2Fadmin%2Faudit%3Faction%3Duser.deleted');
    expect(harness.fixture.nativeElement.querySelector('mat-toolbar')).toBeNull();
  });

  it('shows the not-found page, still inside the shell, for an unknown URL', async () => {
    await signedInAs('user');
    const sut = await open('/no/such/page', 'adm-not-found-page');
    expect(sut?.querySelector('h1')?.textContent?.trim()).toBe('Page not found');
    expect(harness.routeDebugElement?.componentInstance).toBeInstanceOf(Shell);
  });
});
