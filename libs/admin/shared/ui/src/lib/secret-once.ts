import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';

let nextId = 0;

/**
 * A secret (generated password, access token) shown this one time, with a copy button and the
 * warning that it cannot be shown again.
 */
@Component({
  selector: 'adm-secret-once',
  imports: [MatButtonModule, MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="warning" role="note">
      <mat-icon svgIcon="warning" aria-hidden="true" />
      <span>{{ warning() }}</span>
    </p>
    <label class="label" [for]="id">{{ label() }}</label>
    <div class="row">
      <input class="secret" [id]="id" readonly [value]="secret()" data-testid="secret" (focus)="selectAll($event)" />
      <button mat-stroked-button type="button" (click)="copy()" [attr.aria-label]="'Copy ' + label()">
        <mat-icon svgIcon="copy" aria-hidden="true" />
        {{ copied() ? 'Copied' : 'Copy' }}
      </button>
    </div>
    <p class="status" aria-live="polite">{{ copied() ? 'Copied to the clipboard.' : '' }}</p>
  `,
  styles: `
    :host {
      display: block;
    }
    .warning {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      margin: 0 0 12px;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .label {
      display: block;
      font: var(--mat-sys-label-large);
      margin-bottom: 4px;
    }
    .row {
      display: flex;
      gap: 8px;
      align-items: center;
    }
    .secret {
      flex: 1;
      min-width: 0;
      padding: 8px;
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-size: 14px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 4px;
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface);
    }
    .status {
      min-height: 1.5em;
      margin: 4px 0 0;
      font: var(--mat-sys-body-small);
    }
  `,
})
export class SecretOnce {
  readonly secret = input.required<string>();
  readonly label = input('Secret');
  readonly warning = input('Copy it now: it will not be shown again.');

  protected readonly id = `adm-secret-${nextId++}`;
  protected readonly copied = signal(false);
  private readonly clipboard = inject(Clipboard);

  protected copy(): void {
    this.copied.set(this.clipboard.copy(this.secret()));
  }

  protected selectAll(event: FocusEvent): void {
    (event.target as HTMLInputElement).select();
  }
}
