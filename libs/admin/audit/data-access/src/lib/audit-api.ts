import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AuditEventDto, AuditListQuery, Page } from '@interakt/shared/api-contracts';
import type { Observable } from 'rxjs';

/** `GET /api/audit` (SPEC §4 Audit, permission audit.view). */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  list(query: AuditListQuery): Observable<Page<AuditEventDto>> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
    }
    return this.http.get<Page<AuditEventDto>>('/api/audit', { params });
  }
}
