import { Component } from '@angular/core';
import { MatListModule } from '@angular/material/list';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';

interface NavLink {
  readonly path: string;
  readonly label: string;
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
    { path: '/admin/users', label: 'User Management' },
    { path: '/admin/audit', label: 'Audit Log' },
    { path: '/admin/tokens', label: 'Access Tokens' },
  ];
}
