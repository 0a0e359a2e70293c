import { HttpClient, HttpContext, HttpContextToken } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ChangePasswordRequest, LoginRequest, LoginResponse, MeResponse } from '@interakt/shared/api-contracts';
import type { Observable } from 'rxjs';

/**
 * Marks a request whose 401 must not end the session by itself: sign-in (a wrong password is a
 * 401 too) and sign-out (the token may already be dead; the app signs out anyway).
 */
export const SESSION_EXPIRY_EXEMPT = new HttpContextToken<boolean>(() => false);

const exempt = () => new HttpContext().set(SESSION_EXPIRY_EXEMPT, true);

/** `/api/auth/*` (SPEC §4 Auth). */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);

  login(body: LoginRequest): Observable<LoginResponse> {
    return this.http.post<LoginResponse>('/api/auth/login', body, { context: exempt() });
  }

  logout(): Observable<void> {
    return this.http.post<void>('/api/auth/logout', null, { context: exempt() });
  }

  me(): Observable<MeResponse> {
    return this.http.get<MeResponse>('/api/auth/me');
  }

  changePassword(body: ChangePasswordRequest): Observable<LoginResponse> {
    return this.http.post<LoginResponse>('/api/auth/change-password', body);
  }
}
