import { Component } from '@angular/core';
import { MatListModule } from '@angular/material/list';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import type { Permission } from '@interakt/shared/auth-model';

interface NavLink {
  readonly path: string;
  readonly label: string;
  /** What the API asks for behind this screen (SPEC §2); the session work hides links by it. */
  readonly permission: Permission;
}

/** Layout around every signed-in screen: toolbar on top, navigation on the left. */
@Component({
  selector: 'adm-shell',
  imports: [MatListModule, MatSidenavModule, MatToolbarModule, RouterLink, RouterLinkActive, RouterOutlet],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
})
export class Shell {
  protected readonly adminLinks: readonly NavLink[] = [
    { path: '/admin/users', label: 'User Management', permission: 'users.manage' },
    { path: '/admin/audit', label: 'Audit Log', permission: 'audit.view' },
    { path: '/admin/tokens', label: 'Access Tokens', permission: 'tokens.manage' },
  ];
}
