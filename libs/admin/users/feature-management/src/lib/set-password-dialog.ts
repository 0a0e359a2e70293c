import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { FocusOnRender, SecretOnce } from '@interakt/admin/shared/ui';
import { applyApiError, PASSWORD_POLICY_HINT } from '@interakt/admin/shared/util';
import { UsersApi } from '@interakt/admin/users/data-access';
import type { UserDto } from '@interakt/shared/api-contracts';

/** Set another user's password, typed or generated (shown once). Their sessions end. Closes with `true` when set. */
@Component({
  selector: 'adm-set-password-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    FocusOnRender,
    SecretOnce,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (generated(); as password) {
      <h2 mat-dialog-title>Password changed</h2>
      <mat-dialog-content>
        <p>{{ name }} is signed out everywhere and signs in with this password from now on.</p>
        <adm-secret-once [secret]="password" label="New password" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-flat-button type="button" [mat-dialog-close]="true" admFocusOnRender>Done</button>
      </mat-dialog-actions>
    } @else {
      <h2 mat-dialog-title>Change password of {{ name }}</h2>
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <mat-dialog-content>
          <p>{{ user.email }} will be signed out everywhere.</p>
          @if (error(); as message) {
            <p class="error" role="alert">{{ message }}</p>
          }
          <mat-radio-group formControlName="mode" aria-label="New password">
            <mat-radio-button value="generate">Generate one (shown once)</mat-radio-button>
            <mat-radio-button value="type">Type one</mat-radio-button>
          </mat-radio-group>
          @if (typing()) {
            <mat-form-field appearance="outline">
              <mat-label>New password</mat-label>
              <input matInput type="password" formControlName="password" autocomplete="new-password" required />
              <mat-hint>{{ policy }}</mat-hint>
              @if (form.controls.password.hasError('required')) {
                <mat-error>Type a password, or let one be generated.</mat-error>
              } @else if (form.controls.password.getError('server'); as message) {
                <mat-error>{{ message }}</mat-error>
              }
            </mat-form-field>
          }
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>Cancel</button>
          <button mat-flat-button type="submit" [disabled]="pending()">Change password</button>
        </mat-dialog-actions>
      </form>
    }
  `,
  styleUrl: './dialog.scss',
})
export class SetPasswordDialog {
  protected readonly user = inject<UserDto>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<SetPasswordDialog, boolean>>(MatDialogRef);
  private readonly api = inject(UsersApi);
  protected readonly name = `${this.user.firstName} ${this.user.lastName}`;
  protected readonly policy = PASSWORD_POLICY_HINT;
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly generated = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    mode: ['generate' as 'generate' | 'type'],
    password: [''],
  });
  private readonly mode = toSignal(this.form.controls.mode.valueChanges, { initialValue: 'generate' as const });
  protected readonly typing = computed(() => this.mode() === 'type');

  constructor() {
    this.form.controls.mode.valueChanges.subscribe((mode) => {
      this.form.controls.password.setValidators(mode === 'type' ? [Validators.required] : []);
      this.form.controls.password.updateValueAndValidity();
    });
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { mode, password } = this.form.getRawValue();
    this.pending.set(true);
    this.error.set(null);
    this.api.setPassword(this.user.id, mode === 'type' ? { password } : { generatePassword: true }).subscribe({
      next: (res) => {
        this.pending.set(false);
        if (!res.generatedPassword) {
          this.dialogRef.close(true);
          return;
        }
        // Shown once: a stray Esc or backdrop click must not lose it, only "Done" closes.
        this.dialogRef.disableClose = true;
        this.generated.set(res.generatedPassword);
      },
      error: (e: unknown) => {
        this.pending.set(false);
        this.error.set(applyApiError(this.form, e));
      },
    });
  }
}
