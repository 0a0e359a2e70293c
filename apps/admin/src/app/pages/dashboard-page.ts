import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import { SessionStore } from '@interakt/admin/auth/data-access';
import { ROLE_LABELS } from '@interakt/admin/shared/util';
import { ADMIN_SCREENS } from '../admin-screens';

/** Home: who you are, and the screens your role opens. */
@Component({
  selector: 'adm-dashboard-page',
  imports: [MatCardModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Dashboard</h1>
    <p>Welcome, {{ session.displayName() }}. You are signed in as {{ role() }}.</p>
    @if (screens().length) {
      <h2 class="section">Administration</h2>
      <ul class="screens">
        @for (screen of screens(); track screen.path) {
          <li>
            <mat-card appearance="outlined">
              <mat-card-content>
                <a [routerLink]="screen.path" class="title">{{ screen.label }}</a>
                <p>{{ screen.description }}</p>
              </mat-card-content>
            </mat-card>
          </li>
        }
      </ul>
    } @else {
      <p>Your role has no administration screens. Content tools for your role will appear here as they are built.</p>
    }
  `,
  styles: `
    .section {
      font: var(--mat-sys-title-medium);
      margin: 24px 0 12px;
    }
    .screens {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(240px, 1fr));
      gap: 16px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .title {
      font: var(--mat-sys-title-medium);
      color: var(--mat-sys-primary);
    }
    p {
      margin: 8px 0 0;
    }
  `,
})
export class DashboardPage {
  protected readonly session = inject(SessionStore);
  protected readonly role = computed(() => {
    const user = this.session.user();
    return user ? ROLE_LABELS[user.role] : '';
  });
  protected readonly screens = computed(() => ADMIN_SCREENS.filter((s) => this.session.can(s.permission)));
}
