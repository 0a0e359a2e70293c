import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { SessionStore } from '@interakt/admin/auth/data-access';
import { applyApiError, PASSWORD_POLICY_HINT, passwordsMatch } from '@interakt/admin/shared/util';

/**
 * Change your own password: the current one, the new one twice. The server revokes every older
 * token and returns a fresh one, which the session keeps. Closes with `true` on success.
 */
@Component({
  selector: 'adm-change-password-dialog',
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Change password</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        @if (error(); as message) {
          <p class="error" role="alert">{{ message }}</p>
        }
        <!-- For password managers: whose password this is. -->
        <input
          type="text"
          class="hidden"
          autocomplete="username"
          [value]="session.user()?.email ?? ''"
          tabindex="-1"
          aria-hidden="true"
          readonly
        />
        <mat-form-field appearance="outline">
          <mat-label>Current password</mat-label>
          <input matInput type="password" formControlName="currentPassword" autocomplete="current-password" required />
          @if (form.controls.currentPassword.hasError('required')) {
            <mat-error>Enter your current password.</mat-error>
          } @else if (form.controls.currentPassword.getError('server'); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>New password</mat-label>
          <input matInput type="password" formControlName="newPassword" autocomplete="new-password" required />
          <mat-hint>{{ policy }}</mat-hint>
          @if (form.controls.newPassword.hasError('required')) {
            <mat-error>Enter a new password.</mat-error>
          } @else if (form.controls.newPassword.getError('server'); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Confirm new password</mat-label>
          <input matInput type="password" formControlName="confirmPassword" autocomplete="new-password" required />
          @if (form.controls.confirmPassword.hasError('required')) {
            <mat-error>Type the new password again.</mat-error>
          } @else if (form.controls.confirmPassword.hasError('mismatch')) {
            <mat-error>The two new passwords are not the same.</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="pending()">Change password</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    mat-dialog-content {
      display: flex;
      flex-direction: column;
      gap: 8px;
      min-width: min(400px, 80vw);
    }
    .hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      opacity: 0;
      pointer-events: none;
    }
    .error {
      margin: 0;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class ChangePasswordDialog {
  protected readonly session = inject(SessionStore);
  private readonly dialogRef = inject<MatDialogRef<ChangePasswordDialog, boolean>>(MatDialogRef);
  protected readonly policy = PASSWORD_POLICY_HINT;
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      currentPassword: ['', Validators.required],
      newPassword: ['', Validators.required],
      confirmPassword: ['', Validators.required],
    },
    { validators: passwordsMatch('newPassword', 'confirmPassword') },
  );

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { currentPassword, newPassword } = this.form.getRawValue();
    this.pending.set(true);
    this.error.set(null);
    this.session.changePassword(currentPassword, newPassword).subscribe({
      next: () => this.dialogRef.close(true),
      error: (e: unknown) => {
        this.pending.set(false);
        this.error.set(applyApiError(this.form, e, { password: 'newPassword' }));
      },
    });
  }
}
