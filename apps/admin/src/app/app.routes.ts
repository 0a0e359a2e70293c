import { Route } from '@angular/router';

// Every screen is lazy-loaded; the shell (toolbar + sidenav) wraps all of them except login.
export const appRoutes: Route[] = [
  {
    path: 'login',
    title: 'Sign in',
    loadComponent: () => import('./pages/login-page').then((m) => m.LoginPage),
  },
  {
    path: '',
    loadComponent: () => import('./shell/shell').then((m) => m.Shell),
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'Dashboard',
        loadComponent: () => import('./pages/dashboard-page').then((m) => m.DashboardPage),
      },
      {
        path: 'admin/users',
        title: 'User Management',
        loadComponent: () => import('./pages/admin/users-page').then((m) => m.UsersPage),
      },
      {
        path: 'admin/audit',
        title: 'Audit Log',
        loadComponent: () => import('./pages/admin/audit-page').then((m) => m.AuditPage),
      },
      {
        path: 'admin/tokens',
        title: 'Access Tokens',
        loadComponent: () => import('./pages/admin/tokens-page').then((m) => m.TokensPage),
      },
      {
        path: '**',
        title: 'Page not found',
        loadComponent: () => import('./pages/not-found-page').then((m) => m.NotFoundPage),
      },
    ],
  },
];
