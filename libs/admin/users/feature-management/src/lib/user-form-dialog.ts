import { ChangeDetectionStrategy, Component, computed, inject, output, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { confirmAction, FocusOnRender, SecretOnce } from '@interakt/admin/shared/ui';
import { applyApiError, PASSWORD_POLICY_HINT, ROLE_LABELS } from '@interakt/admin/shared/util';
import { UsersApi } from '@interakt/admin/users/data-access';
import type { CreateUserRequest, UpdateUserRequest, UserDto } from '@interakt/shared/api-contracts';
import { ROLES, type Role } from '@interakt/shared/auth-model';
import { EMPTY, type Observable, of, switchMap } from 'rxjs';

export type UserFormDialogData = { readonly mode: 'create' } | { readonly mode: 'edit'; readonly user: UserDto; readonly self: boolean };

/** What the dialog did: the user as saved, or nothing (cancelled). */
export type UserFormDialogResult = UserDto | undefined;

/**
 * Add a user (names, email, role, a typed or generated password: shown once) or edit one
 * (names, email, role). Demoting yourself asks first. Server errors land on their field.
 */
@Component({
  selector: 'adm-user-form-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    FocusOnRender,
    SecretOnce,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './user-form-dialog.html',
  styleUrl: './dialog.scss',
})
export class UserFormDialog {
  /** The user as soon as the server created them: before the shown-once password is dismissed. */
  readonly userCreated = output<UserDto>();

  protected readonly data = inject<UserFormDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<UserFormDialog, UserFormDialogResult>>(MatDialogRef);
  private readonly dialog = inject(MatDialog);
  private readonly api = inject(UsersApi);

  protected readonly roles = ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly policy = PASSWORD_POLICY_HINT;
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);
  /** After creating with a generated password: the user and the password, shown once. */
  protected readonly created = signal<{ user: UserDto; password: string } | null>(null);

  private readonly initial = this.data.mode === 'edit' ? this.data.user : undefined;
  protected readonly form = inject(NonNullableFormBuilder).group({
    firstName: [this.initial?.firstName ?? '', [Validators.required, Validators.maxLength(100)]],
    lastName: [this.initial?.lastName ?? '', [Validators.required, Validators.maxLength(100)]],
    email: [this.initial?.email ?? '', [Validators.required, Validators.email, Validators.maxLength(254)]],
    role: [this.initial?.role ?? ('user' as Role), Validators.required],
    passwordMode: ['generate' as 'generate' | 'type'],
    password: [''],
  });
  private readonly passwordMode = toSignal(this.form.controls.passwordMode.valueChanges, { initialValue: 'generate' as const });
  protected readonly typingPassword = computed(() => this.data.mode === 'create' && this.passwordMode() === 'type');
  protected readonly title = this.data.mode === 'create' ? 'Add user' : `Edit ${this.initial?.firstName} ${this.initial?.lastName}`;

  constructor() {
    this.form.controls.passwordMode.valueChanges.subscribe((mode) => {
      const password = this.form.controls.password;
      password.setValidators(mode === 'type' ? [Validators.required] : []);
      password.updateValueAndValidity();
    });
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.error.set(null);
    if (this.data.mode === 'create') {
      this.run(this.api.create(this.createRequest()), (res) => {
        this.userCreated.emit(res.user);
        if (!res.generatedPassword) {
          this.dialogRef.close(res.user);
          return;
        }
        // Shown once: a stray Esc or backdrop click must not lose it, only "Done" closes.
        this.dialogRef.disableClose = true;
        this.created.set({ user: res.user, password: res.generatedPassword });
      });
      return;
    }
    const { user, self } = this.data;
    const changes = this.updateRequest(user);
    if (Object.keys(changes).length === 0) {
      this.dialogRef.close(undefined);
      return;
    }
    const demotingSelf = self && user.role === 'admin' && changes.role !== undefined && changes.role !== 'admin';
    const confirmed: Observable<boolean> = demotingSelf
      ? confirmAction(this.dialog, {
          title: 'Remove your own admin role?',
          message: `You are about to make yourself a ${ROLE_LABELS[changes.role as Role]}. You will lose admin rights at once: User Management, the Audit Log and Access Tokens will no longer open for you.`,
          confirmLabel: 'Remove my admin role',
          danger: true,
        })
      : of(true);
    this.run(confirmed.pipe(switchMap((ok) => (ok ? this.api.update(user.id, changes) : EMPTY))), (saved) => this.dialogRef.close(saved));
  }

  protected done(): void {
    this.dialogRef.close(this.created()?.user);
  }

  private run<T>(request: Observable<T>, onSuccess: (value: T) => void): void {
    this.pending.set(true);
    request.subscribe({
      next: (value) => {
        this.pending.set(false);
        onSuccess(value);
      },
      error: (e: unknown) => {
        this.pending.set(false);
        this.error.set(applyApiError(this.form, e));
      },
      complete: () => this.pending.set(false),
    });
  }

  private createRequest(): CreateUserRequest {
    const { firstName, lastName, email, role, passwordMode, password } = this.form.getRawValue();
    const base = { firstName: firstName.trim(), lastName: lastName.trim(), email: email.trim(), role };
    return passwordMode === 'type' ? { ...base, password } : { ...base, generatePassword: true };
  }

  /** Only the fields that changed. */
  private updateRequest(user: UserDto): UpdateUserRequest {
    const { firstName, lastName, email, role } = this.form.getRawValue();
    const next: UpdateUserRequest = { firstName: firstName.trim(), lastName: lastName.trim(), email: email.trim(), role };
    return Object.fromEntries(
      Object.entries(next).filter(([key, value]) => user[key as keyof UpdateUserRequest] !== value),
    ) as UpdateUserRequest;
  }
}
