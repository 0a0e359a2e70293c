import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatMenuModule } from '@angular/material/menu';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { SessionStore } from '@interakt/admin/auth/data-access';
import { ROLE_LABELS } from '@interakt/admin/shared/util';
import { ADMIN_SCREENS } from '../admin-screens';

/** Layout around every signed-in screen: toolbar with the account menu on top, navigation on the left. */
@Component({
  selector: 'adm-shell',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatListModule,
    MatMenuModule,
    MatSidenavModule,
    MatToolbarModule,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
})
export class Shell {
  protected readonly session = inject(SessionStore);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  /** Only the screens the role may open (the routes refuse the others too). */
  protected readonly adminLinks = computed(() => ADMIN_SCREENS.filter((screen) => this.session.can(screen.permission)));
  protected readonly roleLabel = computed(() => {
    const user = this.session.user();
    return user ? ROLE_LABELS[user.role] : '';
  });

  protected async changePassword(): Promise<void> {
    // Loaded on first use: the sign-in library is a lazy route chunk already.
    const { ChangePasswordDialog } = await import('@interakt/admin/auth/feature-login');
    this.dialog
      .open(ChangePasswordDialog, { restoreFocus: '#account-menu-button' })
      .afterClosed()
      .subscribe((changed) => {
        if (changed) this.snackBar.open('Password changed. Your other sessions were signed out.', 'Close', { duration: 5000 });
      });
  }

  protected logout(): void {
    this.session.logout().subscribe();
  }
}
