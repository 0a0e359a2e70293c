import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreateUserRequest,
  CreateUserResponse,
  Page,
  SetPasswordRequest,
  SetPasswordResponse,
  UpdateUserRequest,
  UserDto,
  UserListQuery,
  UserStatsDto,
} from '@interakt/shared/api-contracts';
import type { Observable } from 'rxjs';

/** Query params with the unset ones left out. */
export function toHttpParams(query: object): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
  }
  return params;
}

/** `/api/users` (SPEC §4 Users, permission users.manage). */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);

  list(query: UserListQuery): Observable<Page<UserDto>> {
    return this.http.get<Page<UserDto>>('/api/users', { params: toHttpParams(query) });
  }

  stats(): Observable<UserStatsDto> {
    return this.http.get<UserStatsDto>('/api/users/stats');
  }

  get(id: string): Observable<UserDto> {
    return this.http.get<UserDto>(`/api/users/${encodeURIComponent(id)}`);
  }

  create(body: CreateUserRequest): Observable<CreateUserResponse> {
    return this.http.post<CreateUserResponse>('/api/users', body);
  }

  update(id: string, body: UpdateUserRequest): Observable<UserDto> {
    return this.http.patch<UserDto>(`/api/users/${encodeURIComponent(id)}`, body);
  }

  setPassword(id: string, body: SetPasswordRequest): Observable<SetPasswordResponse> {
    return this.http.post<SetPasswordResponse>(`/api/users/${encodeURIComponent(id)}/password`, body);
  }

  deactivate(id: string): Observable<UserDto> {
    return this.http.post<UserDto>(`/api/users/${encodeURIComponent(id)}/deactivate`, null);
  }

  activate(id: string): Observable<UserDto> {
    return this.http.post<UserDto>(`/api/users/${encodeURIComponent(id)}/activate`, null);
  }

  delete(id: string): Observable<void> {
    return this.http.delete<void>(`/api/users/${encodeURIComponent(id)}`);
  }
}
