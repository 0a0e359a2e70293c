import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import type { Permission } from '@interakt/shared/auth-model';
import { authGuard, guestGuard, permissionGuard } from './guards';
import { SessionStore } from './session.store';

@Component({ selector: 'adm-screen', template: 'screen' })
class Screen {}
@Component({ selector: 'adm-no-access', template: 'no access' })
class NoAccess {}
@Component({ selector: 'adm-login', template: 'login' })
class Login {}

describe('guards', () => {
  let signedIn = false;
  let permissions: Permission[] = [];

  beforeEach(() => {
    signedIn = false;
    permissions = [];
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: SessionStore, useValue: { signedIn: () => signedIn, can: (p: Permission) => permissions.includes(p) } },
        provideRouter([
          { path: 'login', canActivate: [guestGuard], component: Login },
          {
            path: '',
            canActivate: [authGuard],
            children: [
              { path: 'admin/users', canMatch: [permissionGuard('users.manage')], component: Screen },
              { path: 'admin/users', component: NoAccess },
              { path: '', component: Screen },
            ],
          },
        ]),
      ],
    });
  });

  it('sends a signed-out visitor to sign-in with the page asked for', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/admin/users?status=inactive');
    expect(TestBed.inject(Router).url).toBe('/login?returnUrl=%2Fadmin%2Fusers%3Fstatus%3Dinactive');
  });

  it('opens the screen for a role with the permission, and the no-access page at the same URL otherwise', async () => {
    signedIn = true;
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/admin/users', NoAccess);
    expect(TestBed.inject(Router).url).toBe('/admin/users');

    permissions = ['users.manage'];
    await harness.navigateByUrl('/admin/users?x=1', Screen);
  });

  it('sends someone already signed in from the sign-in page to where they were headed', async () => {
    signedIn = true;
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/login?returnUrl=%2Fadmin%2Fusers');
    expect(TestBed.inject(Router).url).toBe('/admin/users');
    await harness.navigateByUrl('/login?returnUrl=https%3A%2F%2Fevil.example');
    expect(TestBed.inject(Router).url).toBe('/');
  });
});
