import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import type { UserStatsDto } from '@interakt/shared/api-contracts';

/** The four numbers above the user table (SPEC §5). */
@Component({
  selector: 'adm-user-stats-cards',
  imports: [MatCardModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="cards" aria-label="User statistics">
      @for (card of cards(); track card.id) {
        <li>
          <mat-card appearance="outlined" [attr.data-testid]="'stat-' + card.id">
            <mat-card-content>
              <p class="label">{{ card.label }}</p>
              <p class="value">
                <span data-testid="stat-value">{{ stats() ? card.value : '–' }}</span>
                @if (card.note && stats()) {
                  &ngsp;<span class="note" data-testid="stat-note">{{ card.note }}</span>
                }
              </p>
            </mat-card-content>
          </mat-card>
        </li>
      }
    </ul>
  `,
  styles: `
    .cards {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(180px, 1fr));
      gap: 16px;
      margin: 0 0 16px;
      padding: 0;
      list-style: none;
    }
    .label {
      margin: 0 0 4px;
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .value {
      margin: 0;
      font: var(--mat-sys-headline-medium);
    }
    .note {
      margin-left: 8px;
      font: var(--mat-sys-body-large);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class UserStatsCards {
  readonly stats = input<UserStatsDto | undefined>();

  protected cards() {
    const s = this.stats();
    return [
      { id: 'total', label: 'Total Users', value: s?.total ?? 0, note: '' },
      { id: 'active', label: 'Active Users', value: s?.active ?? 0, note: s ? `${formatPercent(s.activePercent)} of all` : '' },
      { id: 'inactive', label: 'Inactive Users', value: s?.inactive ?? 0, note: '' },
      { id: 'admins', label: 'Admins', value: s?.admins ?? 0, note: '' },
    ];
  }
}

/** 66.7 → "66.7%", 100 → "100%". */
export function formatPercent(value: number): string {
  return `${Number.isInteger(value) ? value : value.toFixed(1)}%`;
}
