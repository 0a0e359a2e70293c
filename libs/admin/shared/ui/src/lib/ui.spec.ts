import { Clipboard } from '@angular/cdk/clipboard';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { MatIconRegistry } from '@angular/material/icon';
import { firstValueFrom } from 'rxjs';
import { confirmAction } from './confirm-dialog';
import { ADMIN_ICONS, provideAdminIcons } from './icons';
import { SecretOnce } from './secret-once';

async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r));
    TestBed.tick();
  }
}

describe('confirmAction', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
    TestBed.configureTestingModule({ providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }] });
  });

  it('asks in an alert dialog naming the action, and answers true only on confirm', async () => {
    const answer = firstValueFrom(
      confirmAction(TestBed.inject(MatDialog), {
        title: 'Delete Ada?',
        message: 'Gone for good.',
        confirmLabel: 'Delete user',
        danger: true,
      }),
    );
    await settle();
    const container = document.querySelector('mat-dialog-container') as HTMLElement;
    expect(container.getAttribute('role')).toBe('alertdialog');
    expect(container.querySelector('h2')?.textContent).toBe('Delete Ada?');
    expect(container.querySelector('[data-testid=confirm]')?.textContent?.trim()).toBe('Delete user');
    expect(container.querySelector('[cdkFocusInitial]')?.textContent?.trim()).toBe('Cancel');
    container.querySelector<HTMLButtonElement>('[data-testid=confirm]')?.click();
    expect(await answer).toBe(true);
  });

  it('answers false on Cancel', async () => {
    const answer = firstValueFrom(confirmAction(TestBed.inject(MatDialog), { title: 'Revoke?', message: '', confirmLabel: 'Revoke' }));
    await settle();
    document.querySelector<HTMLButtonElement>('[cdkFocusInitial]')?.click();
    expect(await answer).toBe(false);
  });
});

describe('SecretOnce', () => {
  it('shows the secret read-only with a warning, and copies it', async () => {
    const copy = jest.fn().mockReturnValue(true);
    TestBed.configureTestingModule({ providers: [provideAdminIcons(), { provide: Clipboard, useValue: { copy } }] });
    const fixture = TestBed.createComponent(SecretOnce);
    fixture.componentRef.setInput('secret', 'iak_secret');
    fixture.componentRef.setInput('label', 'Access token');
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const input = el.querySelector('input') as HTMLInputElement;
    expect(input.value).toBe('iak_secret');
    expect(input.readOnly).toBe(true);
    expect(el.querySelector(`label[for="${input.id}"]`)?.textContent).toBe('Access token');
    expect(el.querySelector('[role=note]')?.textContent).toContain('it will not be shown again');
    el.querySelector<HTMLButtonElement>('button[aria-label="Copy Access token"]')?.click();
    await fixture.whenStable();
    expect(copy).toHaveBeenCalledWith('iak_secret');
    expect(el.querySelector('[aria-live]')?.textContent).toBe('Copied to the clipboard.');
  });
});

describe('provideAdminIcons', () => {
  it('registers every icon as inline SVG (no font, no request)', async () => {
    TestBed.configureTestingModule({ providers: [provideAdminIcons()] });
    const registry = TestBed.inject(MatIconRegistry);
    for (const name of Object.keys(ADMIN_ICONS)) {
      const svg = await firstValueFrom(registry.getNamedSvgIcon(name));
      expect(svg.querySelector('path')?.getAttribute('d')).toBe(ADMIN_ICONS[name]);
    }
  });
});
