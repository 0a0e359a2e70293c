import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideAdminIcons } from '@interakt/admin/shared/ui';
import type { AccessTokenDto } from '@interakt/shared/api-contracts';
import { TokensPage } from './tokens-page';

const token: AccessTokenDto = {
  id: '7b0f5a3e-0000-4000-8000-0000000000aa',
  name: 'CI deploy bot',
  role: 'user',
  prefix: 'iak_7Fq2',
  createdAt: '2026-12-01T10:00:00.000Z',
  expiresAt: null,
  lastUsedAt: null,
  createdBy: { type: 'user', id: null, email: 'admin@example.com', name: 'Admin User' },
};

describe('TokensPage and CreateTokenDialog', () => {
  let http: HttpTestingController;
  let el: HTMLElement;

  async function settle(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r));
      TestBed.tick();
    }
  }

  beforeEach(async () => {
    document.body.innerHTML = '';
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideAdminIcons(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(TokensPage);
    el = fixture.nativeElement as HTMLElement;
    await settle();
  });

  afterEach(() => http.verify());

  it('lists the tokens, "Never" for one without expiry', async () => {
    http.expectOne('/api/access-tokens').flush({ items: [token] });
    await settle();
    const cells = Array.from(el.querySelectorAll('tr[data-testid=token-row] td')).map((c) => c.textContent?.replace(/\s+/g, ' ').trim());
    expect(cells.slice(0, 3)).toEqual(['CI deploy bot', 'iak_7Fq2…', 'User']);
    expect(cells[4]).toBe('Never');
  });

  it('revokes after a confirmation naming the token', async () => {
    http.expectOne('/api/access-tokens').flush({ items: [token] });
    await settle();
    el.querySelector<HTMLButtonElement>('button[aria-label="Revoke CI deploy bot"]')?.click();
    await settle();
    expect(document.querySelector('adm-confirm-dialog h2')?.textContent).toBe('Revoke "CI deploy bot"?');
    document.querySelector<HTMLButtonElement>('[data-testid=confirm]')?.click();
    await settle();
    http.expectOne({ method: 'DELETE', url: `/api/access-tokens/${token.id}` }).flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    http.expectOne('/api/access-tokens').flush({ items: [] });
    await settle();
    expect(el.querySelector('td.empty')?.textContent).toContain('No access tokens yet.');
  });

  it('creates a token that never expires only with a visible warning, and shows the secret once', async () => {
    http.expectOne('/api/access-tokens').flush({ items: [] });
    await settle();
    Array.from(el.querySelectorAll('button'))
      .find((b) => b.textContent?.includes('Create token'))
      ?.click();
    await settle();
    const dialog = document.querySelector('adm-create-token-dialog') as HTMLElement;
    const name = dialog.querySelector('input') as HTMLInputElement;
    name.value = 'CI deploy bot';
    name.dispatchEvent(new Event('input'));
    expect(dialog.querySelector('[data-testid=never-expires-warning]')).toBeNull();
    dialog.querySelectorAll<HTMLElement>('mat-select')[1].click();
    await settle();
    Array.from(document.querySelectorAll<HTMLElement>('mat-option'))
      .find((o) => o.textContent?.trim() === 'Never expires')
      ?.click();
    await settle();
    expect(dialog.querySelector('[data-testid=never-expires-warning]')?.textContent).toContain('works until someone revokes it');

    dialog.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await settle();
    const req = http.expectOne({ method: 'POST', url: '/api/access-tokens' });
    expect(req.request.body).toEqual({ name: 'CI deploy bot', role: 'user', expiresInDays: null });
    req.flush({ token: 'iak_thesecret', accessToken: token });
    await settle();
    expect(dialog.querySelector<HTMLInputElement>('[data-testid=secret]')?.value).toBe('iak_thesecret');
    expect(dialog.textContent).toContain('it will not be shown again');
    expect(document.activeElement?.textContent?.trim()).toBe('Done');

    // Shown once: a stray Esc or backdrop click does not close it; "Done" does, and the list reloads.
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', keyCode: 27, bubbles: true }));
    await settle();
    document.querySelector<HTMLElement>('.cdk-overlay-backdrop')?.click();
    await settle();
    expect(document.querySelector('adm-create-token-dialog [data-testid=secret]')).not.toBeNull();
    http.expectNone('/api/access-tokens');

    Array.from(dialog.querySelectorAll<HTMLButtonElement>('button'))
      .find((b) => b.textContent?.trim() === 'Done')
      ?.click();
    await settle();
    expect(document.querySelector('adm-create-token-dialog')).toBeNull();
    http.expectOne('/api/access-tokens').flush({ items: [token] });
    await settle();
    expect(el.querySelectorAll('tr[data-testid=token-row]')).toHaveLength(1);
  });

  it('closes the form with Esc before anything is created, and reloads the list', async () => {
    http.expectOne('/api/access-tokens').flush({ items: [] });
    await settle();
    Array.from(el.querySelectorAll('button'))
      .find((b) => b.textContent?.includes('Create token'))
      ?.click();
    await settle();
    expect(document.querySelector('adm-create-token-dialog')).not.toBeNull();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', keyCode: 27, bubbles: true }));
    await settle();
    expect(document.querySelector('adm-create-token-dialog')).toBeNull();
    http.expectOne('/api/access-tokens').flush({ items: [] });
  });
});
