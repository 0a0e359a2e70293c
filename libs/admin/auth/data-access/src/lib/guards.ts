import { inject } from '@angular/core';
import { type CanActivateFn, type CanMatchFn, Router } from '@angular/router';
import type { Permission } from '@interakt/shared/auth-model';
import { safeReturnUrl, SessionStore } from './session.store';

/** Signed-in screens: without a session, go to sign-in and come back afterwards. */
export const authGuard: CanActivateFn = (_route, state) => {
  if (inject(SessionStore).signedIn()) return true;
  const returnUrl = state.url && state.url !== '/' ? { returnUrl: state.url } : undefined;
  return inject(Router).createUrlTree(['/login'], { queryParams: returnUrl });
};

/** The sign-in page: someone already signed in goes where they were headed. */
export const guestGuard: CanActivateFn = (route) => {
  if (!inject(SessionStore).signedIn()) return true;
  return inject(Router).parseUrl(safeReturnUrl(route.queryParamMap.get('returnUrl')));
};

/**
 * A route only for roles with `permission`. As CanMatch the screen's code is not even loaded
 * otherwise, and the router tries the next route for the path (the "no access" page).
 */
export function permissionGuard(permission: Permission): CanMatchFn {
  return () => inject(SessionStore).can(permission);
}
