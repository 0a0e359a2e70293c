import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { SessionStore } from '@interakt/admin/auth/data-access';
import { ApiError } from '@interakt/admin/shared/util';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { of, Subject, throwError } from 'rxjs';
import { RouterTestingHarness } from '@angular/router/testing';
import { Component } from '@angular/core';
import { LoginPage } from './login-page';

@Component({ selector: 'adm-target', template: 'target' })
class Target {}

describe('LoginPage', () => {
  const login = jest.fn();

  async function render(url = '/login'): Promise<{ el: HTMLElement; harness: RouterTestingHarness }> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'login', component: LoginPage },
          { path: '**', component: Target },
        ]),
        { provide: SessionStore, useValue: { login } },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    return { el: harness.routeNativeElement as HTMLElement, harness };
  }

  function type(el: HTMLElement, label: string, value: string): void {
    const input = Array.from(el.querySelectorAll('mat-form-field'))
      .find((f) => f.querySelector('mat-label')?.textContent?.trim() === label)
      ?.querySelector('input');
    if (!input) throw new Error(`no field ${label}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  beforeEach(() => login.mockReset());

  it('labels both fields and signs in, then goes to the page asked for', async () => {
    login.mockReturnValue(of({}));
    const { el, harness } = await render('/login?returnUrl=%2Fadmin%2Faudit%3Faction%3Duser.deleted');
    expect(Array.from(el.querySelectorAll('mat-label')).map((l) => l.textContent?.trim())).toEqual(['Email', 'Password']);
    type(el, 'Email', 'ada@example.com');
    type(el, 'Password', 'a long enough password');
    el.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await harness.fixture.whenStable();
    expect(login).toHaveBeenCalledWith('ada@example.com', 'a long enough password');
    expect(TestBed.inject(Router).url).toBe('/admin/audit?action=user.deleted');
  });

  it('does not follow a return URL to another site', async () => {
    login.mockReturnValue(of({}));
    const { el, harness } = await render('/login?returnUrl=%2F%2Fevil.example');
    type(el, 'Email', 'a@b.c');
    type(el, 'Password', 'x');
    el.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/');
  });

  it('shows the sentence for a refusal (e.g. the wait of TOO_MANY_ATTEMPTS) and clears the password', async () => {
    const refusal = new Subject<never>();
    login.mockReturnValue(refusal);
    const { el, harness } = await render();
    type(el, 'Email', 'ada@example.com');
    type(el, 'Password', 'guess');
    el.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await harness.fixture.whenStable();
    expect(el.querySelector('button[type=submit]')?.textContent?.trim()).toBe('Signing in…');

    refusal.error(new ApiError(429, 'TOO_MANY_ATTEMPTS', 'Too many failed sign-in attempts. Try again in 14 minutes.', undefined, 840));
    await harness.fixture.whenStable();
    expect(el.querySelector('[role=alert]')?.textContent?.trim()).toBe('Too many failed sign-in attempts. Try again in 14 minutes.');
    expect(el.querySelectorAll('input')[1].value).toBe('');
    expect(TestBed.inject(Router).url).toBe('/login');
  });

  it('asks for both fields before calling the server', async () => {
    login.mockReturnValue(throwError(() => new Error('not called')));
    const { el, harness } = await render();
    el.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await harness.fixture.whenStable();
    expect(login).not.toHaveBeenCalled();
    expect(Array.from(el.querySelectorAll('mat-error')).map((e) => e.textContent?.trim())).toEqual([
      'Enter your email address.',
      'Enter your password.',
    ]);
  });
});
