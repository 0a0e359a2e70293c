import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject } from '@angular/core';
import { rxResource, takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatMenuModule } from '@angular/material/menu';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router } from '@angular/router';
import { SessionStore } from '@interakt/admin/auth/data-access';
import { confirmAction, EstimatedTotalPaginatorIntl, paginatorLength, provideEstimatedTotalPaginator } from '@interakt/admin/shared/ui';
import { errorSentence, ROLE_LABELS, STATUS_LABELS } from '@interakt/admin/shared/util';
import {
  defaultOrder,
  USER_PAGE_SIZES,
  userListParams,
  userListStateFrom,
  UsersApi,
  type UserListState,
} from '@interakt/admin/users/data-access';
import { USER_SORT_FIELDS, USER_STATUSES, type UserDto, type UserSortField } from '@interakt/shared/api-contracts';
import { hasPermission, ROLES } from '@interakt/shared/auth-model';
import { debounceTime, EMPTY, map, type Observable, of, switchMap } from 'rxjs';

import { SetPasswordDialog } from './set-password-dialog';
import { UserFormDialog, type UserFormDialogData, type UserFormDialogResult } from './user-form-dialog';
import { UserStatsCards } from './user-stats-cards';

/** How long typing in the search box waits before the list follows. */
export const SEARCH_DEBOUNCE_MS = 300;

/**
 * User Management (SPEC §5): stats, filters and page in the URL, a server-sorted and paginated
 * table, and the dialogs to add, edit, set a password, (de)activate and delete.
 */
@Component({
  selector: 'adm-users-page',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatMenuModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSortModule,
    MatTableModule,
    UserStatsCards,
  ],
  providers: [provideEstimatedTotalPaginator()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './users-page.html',
  styleUrl: './users-page.scss',
})
export class UsersPage {
  private readonly api = inject(UsersApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly session = inject(SessionStore);

  protected readonly roles = ROLES;
  protected readonly statuses = USER_STATUSES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly pageSizes = USER_PAGE_SIZES;
  protected readonly columns = ['name', 'email', 'role', 'status', 'createdAt', 'actions'];

  protected readonly state = toSignal(this.route.queryParamMap.pipe(map(userListStateFrom)), {
    initialValue: userListStateFrom(this.route.snapshot.queryParamMap),
  });
  protected readonly users = rxResource({ params: () => this.state(), stream: ({ params }) => this.api.list(params) });
  protected readonly stats = rxResource({ stream: () => this.api.stats() });
  protected readonly rows = computed(() => (this.users.hasValue() ? this.users.value().items : []));
  /** A search's total above 100 matches is an estimate (`totalExact: false`): "of about N". */
  protected readonly paginatorLength = computed(() => (this.users.hasValue() ? paginatorLength(this.users.value()) : 0));
  private readonly paginatorIntl = inject(EstimatedTotalPaginatorIntl);
  protected readonly filtered = computed(() => {
    const s = this.state();
    return Boolean(s.search || s.role || s.status);
  });

  /** Rows are kept across reloads, so focus stays on a row's menu button after a dialog. */
  protected readonly trackById = (_index: number, user: UserDto) => user.id;

  protected readonly search = new FormControl(this.state().search ?? '', { nonNullable: true });

  constructor() {
    // Compared with the URL, not with the last value typed: "Clear filters" and Back reset the box
    // without an event, so the same search typed again must still reach the URL.
    this.search.valueChanges
      .pipe(
        map((value) => value.trim()),
        debounceTime(SEARCH_DEBOUNCE_MS),
        takeUntilDestroyed(),
      )
      .subscribe((search) => {
        if (search !== (this.state().search ?? '')) this.navigate({ search: search || undefined, page: 1 }, true);
      });
    // Back/forward or a pasted link: the search box shows what the URL says.
    effect(() => {
      const search = this.state().search ?? '';
      if (this.search.value.trim() !== search) this.search.setValue(search, { emitEvent: false });
    });
    effect(() => this.paginatorIntl.show(this.users.hasValue() ? this.users.value() : null));
    // A page past the end (after deleting its last row): go to the last page, when the total is known.
    effect(() => {
      if (!this.users.hasValue()) return;
      const { items, total, totalExact, page, pageSize } = this.users.value();
      if (items.length === 0 && totalExact !== false && total > 0 && page > 1) this.navigate({ page: Math.ceil(total / pageSize) }, true);
    });
  }

  protected filterBy(patch: Pick<Partial<UserListState>, 'role' | 'status'>): void {
    this.navigate({ ...patch, page: 1 });
  }

  protected clearFilters(): void {
    this.search.setValue('', { emitEvent: false });
    this.navigate({ search: undefined, role: undefined, status: undefined, page: 1 });
  }

  protected sortBy(sort: Sort): void {
    const field = (USER_SORT_FIELDS as readonly string[]).includes(sort.active) ? (sort.active as UserSortField) : 'createdAt';
    // Material's third click clears the direction: back to the field's default order.
    this.navigate({ sort: field, order: sort.direction || defaultOrder(field), page: 1 });
  }

  protected pageChanged(event: PageEvent): void {
    this.navigate({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  protected roleLabel(user: UserDto): string {
    return ROLE_LABELS[user.role];
  }

  protected statusLabel(user: UserDto): string {
    return STATUS_LABELS[user.status];
  }

  protected isSelf(user: UserDto): boolean {
    return this.session.user()?.id === user.id;
  }

  protected addUser(): void {
    this.openForm({ mode: 'create' });
  }

  protected edit(user: UserDto): void {
    this.openForm({ mode: 'edit', user, self: this.isSelf(user) }, user);
  }

  protected setPassword(user: UserDto): void {
    this.dialog
      .open(SetPasswordDialog, { data: user, restoreFocus: actionsSelector(user) })
      .afterClosed()
      .subscribe((done) => {
        if (done) this.notify(`Password of ${fullName(user)} changed.`);
      });
  }

  protected toggleActive(user: UserDto): void {
    if (user.status === 'active') {
      this.act(
        confirmAction(this.dialog, {
          title: `Deactivate ${fullName(user)}?`,
          message: `${user.email} will be signed out at once and can no longer sign in until activated again.`,
          confirmLabel: 'Deactivate',
          danger: true,
        }),
        () => this.api.deactivate(user.id),
        `${fullName(user)} deactivated.`,
      );
    } else {
      this.act(null, () => this.api.activate(user.id), `${fullName(user)} activated.`);
    }
  }

  protected delete(user: UserDto): void {
    this.act(
      confirmAction(this.dialog, {
        title: `Delete ${fullName(user)}?`,
        message: `${fullName(user)} (${user.email}) will be deleted permanently. This cannot be undone; their audit history stays.`,
        confirmLabel: 'Delete user',
        danger: true,
      }),
      () => this.api.delete(user.id),
      `${fullName(user)} deleted.`,
    );
  }

  protected errorText(error: unknown): string {
    return errorSentence(error);
  }

  protected refresh(): void {
    this.users.reload();
    this.stats.reload();
  }

  private openForm(data: UserFormDialogData, user?: UserDto): void {
    const ref = this.dialog.open<UserFormDialog, UserFormDialogData, UserFormDialogResult>(UserFormDialog, {
      data,
      ...(user ? { restoreFocus: actionsSelector(user) } : {}),
    });
    // A created user exists even if the dialog showing their password closes without "Done"
    // (a navigation closes every dialog): the page refreshes all the same.
    let created: UserDto | undefined;
    ref.componentInstance.userCreated.subscribe((createdUser) => (created = createdUser));
    ref.afterClosed().subscribe((result) => {
      const saved = result ?? created;
      if (!saved) return;
      if (!this.isSelf(saved)) {
        this.refresh();
        this.notify(data.mode === 'create' ? `${fullName(saved)} added.` : `${fullName(saved)} saved.`);
        return;
      }
      // Editing yourself (a new role, a new name): the session follows.
      this.session.reload().subscribe({ error: () => undefined });
      if (hasPermission(saved.role, 'users.manage')) {
        this.refresh();
        this.notify(`${fullName(saved)} saved.`);
      } else {
        // Demoted yourself: this screen no longer works for you; home shows what your role opens.
        this.notify(`${fullName(saved)} saved. Your role is now ${ROLE_LABELS[saved.role]}.`);
        void this.router.navigateByUrl('/');
      }
    });
  }

  /** Optional confirmation, then the request; refresh and say so, or explain the refusal. */
  private act(confirmation: Observable<boolean> | null, request: () => Observable<unknown>, done: string): void {
    const confirmed: Observable<boolean> = confirmation ?? of(true);
    confirmed.pipe(switchMap((ok) => (ok ? request() : EMPTY))).subscribe({
      next: () => {
        this.refresh();
        this.notify(done);
      },
      error: (e: unknown) => {
        this.refresh();
        this.notify(errorSentence(e), true);
      },
    });
  }

  private notify(message: string, error = false): void {
    this.snackBar.open(message, 'Close', { duration: error ? 10000 : 4000, panelClass: error ? 'adm-snack-error' : undefined });
  }

  private navigate(patch: Partial<UserListState>, replaceUrl = false): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: userListParams({ ...this.state(), ...patch }), replaceUrl });
  }
}

function fullName(user: UserDto): string {
  return `${user.firstName} ${user.lastName}`;
}

/** Where focus returns after a dialog opened from a row's menu: that row's menu button. */
function actionsSelector(user: UserDto): string {
  return `#actions-${user.id}`;
}
