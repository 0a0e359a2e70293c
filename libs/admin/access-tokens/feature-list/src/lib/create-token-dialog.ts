import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { AccessTokensApi, TOKEN_LIFETIMES } from '@interakt/admin/access-tokens/data-access';
import { FocusOnRender, SecretOnce } from '@interakt/admin/shared/ui';
import { applyApiError, ROLE_LABELS } from '@interakt/admin/shared/util';
import type { AccessTokenDto } from '@interakt/shared/api-contracts';
import { ROLES, type Role } from '@interakt/shared/auth-model';

/** Create an application access token; its secret is shown once. Closes with the token (or nothing). */
@Component({
  selector: 'adm-create-token-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    FocusOnRender,
    SecretOnce,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (created(); as result) {
      <h2 mat-dialog-title>Token created</h2>
      <mat-dialog-content>
        <p>
          Use it as <code>Authorization: Bearer &lt;token&gt;</code>. It acts with the permissions of the role
          {{ roleLabels[result.accessToken.role] }}.
        </p>
        <adm-secret-once
          [secret]="result.token"
          label="Access token"
          warning="Copy the token now: it will not be shown again. Only a hash of it is stored."
        />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-flat-button type="button" [mat-dialog-close]="result.accessToken" admFocusOnRender>Done</button>
      </mat-dialog-actions>
    } @else {
      <h2 mat-dialog-title>Create access token</h2>
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <mat-dialog-content>
          @if (error(); as message) {
            <p class="error" role="alert">{{ message }}</p>
          }
          <mat-form-field appearance="outline">
            <mat-label>Name</mat-label>
            <input matInput formControlName="name" autocomplete="off" required maxlength="100" />
            <mat-hint>What uses it, e.g. "CI deploy bot"</mat-hint>
            @if (form.controls.name.hasError('required')) {
              <mat-error>Name the token.</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Role</mat-label>
            <mat-select formControlName="role" required>
              @for (role of roles; track role) {
                <mat-option [value]="role">{{ roleLabels[role] }}</mat-option>
              }
            </mat-select>
            <mat-hint>The token may do what this role may do.</mat-hint>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Expires</mat-label>
            <mat-select formControlName="expiry">
              @for (lifetime of lifetimes; track lifetime.label) {
                <mat-option [value]="lifetime.days ?? 'never'">{{ lifetime.label }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          @if (neverExpires()) {
            <p class="warning" role="note" data-testid="never-expires-warning">
              <mat-icon svgIcon="warning" aria-hidden="true" />
              A token that never expires works until someone revokes it. Prefer an expiry, and revoke it when it is no longer needed.
            </p>
          }
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>Cancel</button>
          <button mat-flat-button type="submit" [disabled]="pending()">Create token</button>
        </mat-dialog-actions>
      </form>
    }
  `,
  styles: `
    mat-dialog-content {
      display: flex;
      flex-direction: column;
      gap: 8px;
      min-width: min(460px, 80vw);
    }
    .error,
    .warning {
      display: flex;
      gap: 8px;
      margin: 0;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class CreateTokenDialog {
  private readonly api = inject(AccessTokensApi);
  private readonly dialogRef = inject<MatDialogRef<CreateTokenDialog, AccessTokenDto>>(MatDialogRef);
  protected readonly roles = ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly lifetimes = TOKEN_LIFETIMES;
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly created = signal<{ token: string; accessToken: AccessTokenDto } | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(100)]],
    role: ['user' as Role, Validators.required],
    expiry: [30 as number | 'never'],
  });
  private readonly expiry = toSignal(this.form.controls.expiry.valueChanges, { initialValue: 30 as number | 'never' });
  protected readonly neverExpires = computed(() => this.expiry() === 'never');

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { name, role, expiry } = this.form.getRawValue();
    this.pending.set(true);
    this.error.set(null);
    this.api.create({ name: name.trim(), role, expiresInDays: expiry === 'never' ? null : expiry }).subscribe({
      next: (res) => {
        this.pending.set(false);
        // Shown once: a stray Esc or backdrop click must not lose it, only "Done" closes.
        this.dialogRef.disableClose = true;
        this.created.set(res);
      },
      error: (e: unknown) => {
        this.pending.set(false);
        this.error.set(applyApiError(this.form, e));
      },
    });
  }
}
