import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Shell } from './shell';

describe('Shell', () => {
  async function render(): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      imports: [Shell],
      providers: [provideRouter([])],
    });
    const fixture = TestBed.createComponent(Shell);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  function linksIn(container: Element): { text: string; href: string | null }[] {
    return Array.from(container.querySelectorAll('a')).map((a) => ({
      text: a.textContent?.trim() ?? '',
      href: a.getAttribute('href'),
    }));
  }

  it('shows the product name and the account area in the toolbar', async () => {
    const sut = await render();

    const toolbar = sut.querySelector('mat-toolbar');
    expect(toolbar?.querySelector('.brand')?.textContent?.trim()).toBe('Interakt Admin');
    expect(toolbar?.querySelector('[data-testid="account-area"]')).not.toBeNull();
  });

  it('lists the Administration links with their URLs', async () => {
    const sut = await render();

    const section = sut.querySelector('[data-testid="admin-nav"]');
    expect(section?.querySelector('h2')?.textContent?.trim()).toBe('Administration');
    expect(linksIn(section as Element)).toEqual([
      { text: 'User Management', href: '/admin/users' },
      { text: 'Audit Log', href: '/admin/audit' },
      { text: 'Access Tokens', href: '/admin/tokens' },
    ]);
  });

  it('links the Dashboard to the root URL, outside the Administration section', async () => {
    const sut = await render();

    const nav = sut.querySelector('mat-nav-list[aria-label="Main navigation"]');
    expect(linksIn(nav as Element)[0]).toEqual({
      text: 'Dashboard',
      href: '/',
    });
  });

  it('has a router outlet inside the main content area', async () => {
    const sut = await render();

    expect(sut.querySelector('mat-sidenav-content main router-outlet')).not.toBeNull();
  });
});
