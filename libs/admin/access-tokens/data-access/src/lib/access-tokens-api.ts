import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AccessTokenDto, CreateAccessTokenRequest, CreateAccessTokenResponse } from '@interakt/shared/api-contracts';
import type { Observable } from 'rxjs';

/** Lifetimes offered when creating a token; `null` is "never expires" (SPEC: an explicit choice). */
export const TOKEN_LIFETIMES: readonly { readonly days: number | null; readonly label: string }[] = [
  { days: 7, label: '7 days' },
  { days: 30, label: '30 days' },
  { days: 90, label: '90 days' },
  { days: 365, label: '1 year' },
  { days: null, label: 'Never expires' },
];

/** `/api/access-tokens` (SPEC §4, permission tokens.manage). */
@Injectable({ providedIn: 'root' })
export class AccessTokensApi {
  private readonly http = inject(HttpClient);

  list(): Observable<{ items: AccessTokenDto[] }> {
    return this.http.get<{ items: AccessTokenDto[] }>('/api/access-tokens');
  }

  create(body: CreateAccessTokenRequest): Observable<CreateAccessTokenResponse> {
    return this.http.post<CreateAccessTokenResponse>('/api/access-tokens', body);
  }

  revoke(id: string): Observable<void> {
    return this.http.delete<void>(`/api/access-tokens/${encodeURIComponent(id)}`);
  }
}
