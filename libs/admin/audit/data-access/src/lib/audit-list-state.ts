import type { ParamMap } from '@angular/router';
import { compactParams, intParam, oneOfParam } from '@interakt/admin/shared/util';
import { AUDIT_ACTIONS, type AuditAction, type AuditListQuery } from '@interakt/shared/api-contracts';

export const AUDIT_PAGE_SIZES = [20, 50, 100] as const;
export const DEFAULT_AUDIT_PAGE_SIZE = 20;

/**
 * The audit log as the URL holds it. Dates are calendar days (`2026-12-03`) in the browser's time
 * zone, both ends included: readable in a link, turned into ISO instants for the API.
 */
export interface AuditListState {
  action?: AuditAction;
  actorId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function dayParam(params: ParamMap, name: string): string | undefined {
  const raw = params.get(name);
  return raw && DAY.test(raw) && parseDay(raw) ? raw : undefined;
}

/** `2026-12-03` → local midnight of that day, or null when it is no real date. */
export function parseDay(day: string): Date | null {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(y, m - 1, d);
  return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d ? date : null;
}

/** A Date → `2026-12-03` in local time. */
export function formatDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function auditListStateFrom(params: ParamMap): AuditListState {
  const actorId = params.get('actorId');
  return {
    action: oneOfParam(params, 'action', AUDIT_ACTIONS),
    actorId: actorId && UUID.test(actorId) ? actorId : undefined,
    from: dayParam(params, 'from'),
    to: dayParam(params, 'to'),
    page: intParam(params, 'page', 1),
    pageSize: intParam(params, 'pageSize', DEFAULT_AUDIT_PAGE_SIZE, 1, 100),
  };
}

export function auditListParams(state: AuditListState): Record<string, string | number | null> {
  return compactParams({ ...state }, { page: 1, pageSize: DEFAULT_AUDIT_PAGE_SIZE });
}

/** The API query: `from` is the start of the first day (inclusive), `to` the start of the day after the last (exclusive). */
export function auditQuery(state: AuditListState): AuditListQuery {
  const from = state.from ? parseDay(state.from) : null;
  const last = state.to ? parseDay(state.to) : null;
  const to = last ? new Date(last.getFullYear(), last.getMonth(), last.getDate() + 1) : null;
  return {
    action: state.action,
    actorId: state.actorId,
    from: from?.toISOString(),
    to: to?.toISOString(),
    page: state.page,
    pageSize: state.pageSize,
  };
}
