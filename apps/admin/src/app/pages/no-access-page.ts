import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { SessionStore } from '@interakt/admin/auth/data-access';
import { ROLE_LABELS } from '@interakt/admin/shared/util';

/** Shown at an admin screen's address to a role that may not use it (the API would refuse it too). */
@Component({
  selector: 'adm-no-access-page',
  imports: [MatButtonModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>No access</h1>
    <p>Your role ({{ role() }}) does not allow this page. If you need it, ask an admin to change your role.</p>
    <a mat-stroked-button routerLink="/">Go to the dashboard</a>
  `,
})
export class NoAccessPage {
  private readonly session = inject(SessionStore);
  protected role(): string {
    const user = this.session.user();
    return user ? ROLE_LABELS[user.role] : 'none';
  }
}
