import type { TestDatabase } from './test-database';

export interface AuditRow {
  id: string;
  action: string;
  actor_type: string;
  actor_id: string | null;
  actor_email: string | null;
  actor_name: string | null;
  target_type: string | null;
  target_id: string | null;
  target_label: string | null;
  details: Record<string, unknown>;
}

/** Audit events (oldest first), optionally only those after a known id. */
export function auditEvents(db: TestDatabase, where = 'true', params: unknown[] = []): Promise<AuditRow[]> {
  return db.query<AuditRow>(
    `select id::text, action, actor_type, actor_id, actor_email, actor_name, target_type, target_id, target_label, details
       from audit_events where ${where} order by audit_events.id`,
    params,
  );
}

export async function countAuditEvents(db: TestDatabase): Promise<number> {
  return Number((await db.query<{ n: string }>('select count(*)::text as n from audit_events'))[0].n);
}
