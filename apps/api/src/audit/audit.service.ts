import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { EXACT_TOTAL_LIMIT, type AuditAction, type AuditEventDto, type AuditTargetDto, type Page } from '@interakt/shared/api-contracts';
import type { AuditContext } from './audit-context';
import { type CappedListSql, readCappedPage } from '../database/capped-count';
import { isoTimestamp } from '../database/pg-timestamp';
import type { ListAuditQueryDto } from './dto/list-audit.query';

/** One event to record: the action, what it was done to, and what changed (never a secret). */
export interface AuditEntry {
  action: AuditAction;
  target?: AuditTargetDto | null;
  details?: Record<string, unknown>;
}

/** `{before, after}` of the fields that differ, or null when nothing changed. */
export function changes<T extends object>(before: T, after: Partial<T>): { before: Partial<T>; after: Partial<T> } | null {
  const was: Partial<T> = {};
  const now: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (after[key] !== undefined && after[key] !== before[key]) {
      was[key] = before[key];
      now[key] = after[key];
    }
  }
  return Object.keys(now).length ? { before: was, after: now } : null;
}

interface AuditRow {
  id: string;
  at: string | Date;
  action: AuditAction;
  actor_type: AuditEventDto['actor']['type'];
  actor_id: string | null;
  actor_email: string | null;
  actor_name: string | null;
  target_type: string | null;
  target_id: string | null;
  target_label: string | null;
  details: Record<string, unknown>;
  ip: string | null;
  user_agent: string | null;
}

const clip = (value: string | null, max: number) => (value === null ? null : value.slice(0, max));

/**
 * The audit log (SPEC §4 Audit). `record()` writes through the caller's EntityManager, so the
 * event commits or rolls back with the change it describes; the table refuses UPDATE, DELETE and
 * TRUNCATE by itself (Migration20261203030000_audit_events).
 */
@Injectable()
export class AuditService {
  constructor(private readonly em: EntityManager) {}

  /** Inserts one event in `em`'s transaction (or on its own when `em` has none). */
  async record(em: EntityManager, ctx: AuditContext, entry: AuditEntry): Promise<void> {
    const { actor } = ctx;
    const target = entry.target ?? null;
    await em.execute(
      `insert into audit_events
         (action, actor_type, actor_id, actor_email, actor_name, target_type, target_id, target_label, details, ip, user_agent)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)`,
      [
        entry.action,
        actor.type,
        actor.id,
        clip(actor.email, 254),
        clip(actor.name, 254),
        target?.type ?? null,
        target?.id ?? null,
        clip(target?.label ?? null, 300),
        JSON.stringify(entry.details ?? {}),
        clip(ctx.ip, 64),
        clip(ctx.userAgent, 512),
      ],
      'run',
    );
  }

  /** Newest first; each filter narrows one of the (column, at, id) indexes. */
  async list(query: ListAuditQueryDto): Promise<Page<AuditEventDto>> {
    const {
      rows: events,
      total,
      totalExact,
    } = await readCappedPage<AuditRow>(this.em, buildListAuditSql(query), query.pageSize, EXACT_TOTAL_LIMIT);
    return { items: events.map(toAuditEventDto), total, totalExact, page: query.page, pageSize: query.pageSize };
  }
}

/**
 * The page and the matches to count for `GET /api/audit`; user input only as bound parameters.
 * The total is counted exactly up to EXACT_TOTAL_LIMIT and estimated beyond (`countCapped`): an exact
 * `count(*)` of a million events took ~60 ms on every request.
 */
export function buildListAuditSql(query: ListAuditQueryDto): CappedListSql {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const filters: [string, unknown][] = [
    ['actor_id = ?', query.actorId],
    ['target_id = ?', query.targetId],
    ['action = ?', query.action],
    ['at >= ?', query.from],
    ['at < ?', query.to],
  ];
  for (const [condition, value] of filters) {
    if (value === undefined) continue;
    conditions.push(condition);
    params.push(value);
  }
  const where = conditions.length ? ` where ${conditions.join(' and ')}` : '';
  // A date range decides the plan (the (at, id) index for a narrow one, an actor's index for a wide one).
  const planPerCall = query.from !== undefined || query.to !== undefined;
  return {
    rows: {
      sql: `select * from audit_events${where} order by at desc, id desc limit ? offset ?`,
      params: [...params, query.pageSize, (query.page - 1) * query.pageSize],
      planPerCall,
    },
    count: { sql: `select 1 from audit_events${where}`, params, planPerCall },
    // Page 1 (the screen's default): rows and capped total in one statement.
    firstPage:
      query.page === 1
        ? { sql: `select * from audit_events${where}`, params, orderBy: 'order by at desc, id desc', planPerCall }
        : undefined,
  };
}

function toAuditEventDto(row: AuditRow): AuditEventDto {
  return {
    id: String(row.id),
    at: isoTimestamp(row.at),
    action: row.action,
    actor: { type: row.actor_type, id: row.actor_id, email: row.actor_email, name: row.actor_name },
    target: row.target_type ? { type: row.target_type, id: row.target_id, label: row.target_label } : null,
    details: row.details,
    ip: row.ip,
    userAgent: row.user_agent,
  };
}
