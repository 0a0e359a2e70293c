import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { toApiError } from '@interakt/admin/shared/util';
import { catchError, throwError } from 'rxjs';
import { SESSION_EXPIRY_EXEMPT } from './auth-api';
import { SessionStore } from './session.store';

/** Sends the login token with every API call (same origin only: `/api/…`). */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  const token = inject(SessionStore).token();
  if (!token || !req.url.startsWith('/api/') || req.headers.has('Authorization')) return next(req);
  return next(req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }));
};

/**
 * The one place HTTP errors are handled: every failure becomes an `ApiError` (code, sentence,
 * field, Retry-After), and a 401 on a signed-in call ends the session and returns to sign-in.
 */
export const apiErrorInterceptor: HttpInterceptorFn = (req, next) => {
  const session = inject(SessionStore);
  return next(req).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse)) return throwError(() => error);
      const apiError = toApiError(error.status, error.error, error.headers?.get('Retry-After') ?? null);
      if (error.status === 401 && !req.context.get(SESSION_EXPIRY_EXEMPT)) session.expire();
      return throwError(() => apiError);
    }),
  );
};
