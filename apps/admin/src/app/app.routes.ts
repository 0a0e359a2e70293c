import type { Route } from '@angular/router';
import { authGuard, guestGuard, permissionGuard } from '@interakt/admin/auth/data-access';
import type { Permission } from '@interakt/shared/auth-model';

/**
 * An admin screen: the screen for roles with `permission` (CanMatch: its code is not even loaded
 * otherwise), then the same path again with the "no access" page for everyone else, so that a
 * typed URL keeps its address and says why nothing is shown.
 */
function guardedScreen(path: string, title: string, permission: Permission, loadComponent: Route['loadComponent']): Route[] {
  return [
    { path, title, canMatch: [permissionGuard(permission)], loadComponent },
    { path, title: 'No access', loadComponent: () => import('./pages/no-access-page').then((m) => m.NoAccessPage) },
  ];
}

// Every screen is lazy-loaded; the shell (toolbar + sidenav) wraps all of them except sign-in.
export const appRoutes: Route[] = [
  {
    path: 'login',
    title: 'Sign in',
    canActivate: [guestGuard],
    loadComponent: () => import('@interakt/admin/auth/feature-login').then((m) => m.LoginPage),
  },
  {
    path: '',
    canActivate: [authGuard],
    loadComponent: () => import('./shell/shell').then((m) => m.Shell),
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'Dashboard',
        loadComponent: () => import('./pages/dashboard-page').then((m) => m.DashboardPage),
      },
      ...guardedScreen('admin/users', 'User Management', 'users.manage', () =>
        import('@interakt/admin/users/feature-management').then((m) => m.UsersPage),
      ),
      ...guardedScreen('admin/audit', 'Audit Log', 'audit.view', () =>
        import('@interakt/admin/audit/feature-log').then((m) => m.AuditPage),
      ),
      ...guardedScreen('admin/tokens', 'Access Tokens', 'tokens.manage', () =>
        import('@interakt/admin/access-tokens/feature-list').then((m) => m.TokensPage),
      ),
      {
        path: '**',
        title: 'Page not found',
        loadComponent: () => import('./pages/not-found-page').then((m) => m.NotFoundPage),
      },
    ],
  },
];
