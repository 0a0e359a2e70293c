import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { SessionStore } from '@interakt/admin/auth/data-access';
import { provideAdminIcons } from '@interakt/admin/shared/ui';
import type { Role } from '@interakt/shared/auth-model';
import { sessionStub } from '../testing/session-stub';
import { Shell } from './shell';

describe('Shell', () => {
  let session: ReturnType<typeof sessionStub>;

  async function render(role: Role): Promise<HTMLElement> {
    document.body.innerHTML = '';
    session = sessionStub(role);
    TestBed.configureTestingModule({
      imports: [Shell],
      providers: [
        provideRouter([]),
        provideAdminIcons(),
        { provide: SessionStore, useValue: session },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    const fixture = TestBed.createComponent(Shell);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  function linksIn(container: Element): { text: string; href: string | null }[] {
    return Array.from(container.querySelectorAll('a')).map((a) => ({ text: a.textContent?.trim() ?? '', href: a.getAttribute('href') }));
  }

  it('shows the user name and role in the account menu, with Change Password and Log out', async () => {
    const sut = await render('admin');
    expect(sut.querySelector('[data-testid=account-name]')?.textContent).toBe('Ada Lovelace');
    expect(sut.querySelector('[data-testid=account-role]')?.textContent).toBe('Admin');
    sut.querySelector<HTMLButtonElement>('[data-testid=account-menu]')?.click();
    await new Promise((r) => setTimeout(r));
    TestBed.tick();
    expect(Array.from(document.querySelectorAll('[mat-menu-item]')).map((i) => i.textContent?.trim())).toEqual([
      'Change Password',
      'Log out',
    ]);
    (document.querySelectorAll<HTMLButtonElement>('[mat-menu-item]')[1] as HTMLButtonElement).click();
    expect(session.logout).toHaveBeenCalled();
  });

  it('lists the Administration links for an admin', async () => {
    const sut = await render('admin');
    const section = sut.querySelector('[data-testid="admin-nav"]') as Element;
    expect(section.querySelector('h2')?.textContent?.trim()).toBe('Administration');
    expect(linksIn(section)).toEqual([
      { text: 'User Management', href: '/admin/users' },
      { text: 'Audit Log', href: '/admin/audit' },
      { text: 'Access Tokens', href: '/admin/tokens' },
    ]);
  });

  it.each(['moderator', 'user'] as const)('hides the Administration section from a %s', async (role) => {
    const sut = await render(role);
    expect(sut.querySelector('[data-testid="admin-nav"]')).toBeNull();
    expect(linksIn(sut.querySelector('nav[aria-label="Main navigation"]') as Element)).toEqual([{ text: 'Dashboard', href: '/' }]);
  });

  it('has a skip link and a router outlet inside the main content area', async () => {
    const sut = await render('user');
    expect(sut.querySelector('a.skip-link')?.getAttribute('href')).toBe('#main-content');
    expect(sut.querySelector('mat-sidenav-content main#main-content router-outlet')).not.toBeNull();
  });
});
