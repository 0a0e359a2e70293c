import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject } from '@angular/core';
import { rxResource, takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { provideNativeDateAdapter } from '@angular/material/core';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router } from '@angular/router';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_PAGE_SIZES,
  AuditApi,
  auditListParams,
  auditListStateFrom,
  auditQuery,
  describeDetails,
  formatDay,
  parseDay,
  type AuditListState,
} from '@interakt/admin/audit/data-access';
import { EstimatedTotalPaginatorIntl, paginatorLength, provideEstimatedTotalPaginator } from '@interakt/admin/shared/ui';
import { errorSentence } from '@interakt/admin/shared/util';
import { UsersApi } from '@interakt/admin/users/data-access';
import { AUDIT_ACTIONS, type AuditEventDto, type UserDto } from '@interakt/shared/api-contracts';
import { catchError, debounceTime, filter, map, of, switchMap } from 'rxjs';

/** The audit log for admins (SPEC §5): filter by action, actor and dates, all kept in the URL. */
@Component({
  selector: 'adm-audit-page',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    MatAutocompleteModule,
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
  ],
  providers: [provideNativeDateAdapter(), provideEstimatedTotalPaginator()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './audit-page.html',
  styleUrl: './audit-page.scss',
})
export class AuditPage {
  private readonly api = inject(AuditApi);
  private readonly usersApi = inject(UsersApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);

  protected readonly actions = AUDIT_ACTIONS;
  protected readonly actionLabels = AUDIT_ACTION_LABELS;
  protected readonly pageSizes = AUDIT_PAGE_SIZES;
  protected readonly columns = ['at', 'actor', 'action', 'target', 'details'];

  protected readonly state = toSignal(this.route.queryParamMap.pipe(map(auditListStateFrom)), {
    initialValue: auditListStateFrom(this.route.snapshot.queryParamMap),
  });
  protected readonly events = rxResource({ params: () => auditQuery(this.state()), stream: ({ params }) => this.api.list(params) });
  protected readonly rows = computed(() => (this.events.hasValue() ? this.events.value().items : []));
  /** Above 100 matching events the total is PostgreSQL's estimate (`totalExact: false`): "of about N". */
  protected readonly paginatorLength = computed(() => (this.events.hasValue() ? paginatorLength(this.events.value()) : 0));
  private readonly paginatorIntl = inject(EstimatedTotalPaginatorIntl);
  protected readonly filtered = computed(() => {
    const s = this.state();
    return Boolean(s.action || s.actorId || s.from || s.to);
  });

  /** The actor named in the URL, to show their name in the filter (a deleted user shows as their id). */
  private readonly actor = rxResource({
    params: () => this.state().actorId,
    stream: ({ params: id }) => this.usersApi.get(id).pipe(catchError(() => of({ id } as Pick<UserDto, 'id'>))),
  });

  protected readonly actorSearch = new FormControl<string | UserDto>('', { nonNullable: true });
  // No distinctUntilChanged: after the box was cleared ("Clear filters", Back), typing the same
  // name again must search again. Clearing emits '', which empties the list of options.
  protected readonly actorOptions = toSignal(
    this.actorSearch.valueChanges.pipe(
      filter((value): value is string => typeof value === 'string'),
      map((value) => value.trim()),
      debounceTime(300),
      switchMap((search) =>
        search
          ? this.usersApi.list({ search, pageSize: 10, sort: 'name', order: 'asc', page: 1 }).pipe(
              map((page) => page.items),
              catchError(() => of([] as UserDto[])),
            )
          : of([] as UserDto[]),
      ),
    ),
    { initialValue: [] as UserDto[] },
  );

  protected readonly range = new FormGroup({
    start: new FormControl<Date | null>(null),
    end: new FormControl<Date | null>(null),
  });

  constructor() {
    effect(() => this.paginatorIntl.show(this.events.hasValue() ? this.events.value() : null));
    effect(() => {
      const actor = this.actor.hasValue() ? this.actor.value() : undefined;
      if (!this.state().actorId) {
        if (typeof this.actorSearch.value !== 'string') this.actorSearch.setValue('');
      } else if (actor && 'email' in actor) {
        this.actorSearch.setValue(actor as UserDto, { emitEvent: false });
      } else if (actor) {
        this.actorSearch.setValue(actor.id, { emitEvent: false });
      }
    });
    effect(() => {
      const { from, to } = this.state();
      const start = from ? parseDay(from) : null;
      const end = to ? parseDay(to) : null;
      if (formatNullable(this.range.value.start) !== from || formatNullable(this.range.value.end) !== to) {
        this.range.setValue({ start, end }, { emitEvent: false });
      }
    });
    this.range.valueChanges.pipe(takeUntilDestroyed()).subscribe(({ start, end }) => {
      // Wait for a complete range (or a cleared one) before filtering.
      if ((start && end) || (!start && !end)) this.navigate({ from: formatNullable(start), to: formatNullable(end), page: 1 });
    });
  }

  protected displayActor = (value: string | UserDto | null): string =>
    typeof value === 'string' || !value ? (value ?? '') : `${value.firstName} ${value.lastName} (${value.email})`;

  protected actorSelected(event: MatAutocompleteSelectedEvent): void {
    const user = event.option.value as UserDto;
    this.navigate({ actorId: user.id, page: 1 });
  }

  protected clearActor(): void {
    this.actorSearch.setValue('');
    this.navigate({ actorId: undefined, page: 1 });
  }

  protected filterByAction(action: string): void {
    this.navigate({
      action: (AUDIT_ACTIONS as readonly string[]).includes(action) ? (action as AuditListState['action']) : undefined,
      page: 1,
    });
  }

  protected clearFilters(): void {
    this.actorSearch.setValue('');
    this.range.setValue({ start: null, end: null }, { emitEvent: false });
    void this.router.navigate([], { relativeTo: this.route, queryParams: {} });
  }

  protected pageChanged(event: PageEvent): void {
    this.navigate({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  protected actorText(event: AuditEventDto): string {
    const { actor } = event;
    if (actor.type === 'system') return actor.name ? `System (${actor.name})` : 'System';
    const who = actor.name && actor.email ? `${actor.name} (${actor.email})` : (actor.name ?? actor.email ?? actor.id ?? 'unknown');
    return actor.type === 'token' ? `Access token ${who}` : who;
  }

  protected targetText(event: AuditEventDto): string {
    const { target } = event;
    if (!target) return '—';
    return `${target.type}: ${target.label ?? target.id ?? ''}`;
  }

  protected actionLabel(event: AuditEventDto): string {
    return AUDIT_ACTION_LABELS[event.action] ?? event.action;
  }

  protected details(event: AuditEventDto): string[] {
    return describeDetails(event.details);
  }

  protected errorText(error: unknown): string {
    return errorSentence(error);
  }

  private navigate(patch: Partial<AuditListState>): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: auditListParams({ ...this.state(), ...patch }) });
  }
}

function formatNullable(date: Date | null | undefined): string | undefined {
  return date ? formatDay(date) : undefined;
}
