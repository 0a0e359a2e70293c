import { EntityManager } from '@mikro-orm/postgresql';
import { HttpStatus, Injectable } from '@nestjs/common';
import { isRole, type Role } from '@interakt/shared/auth-model';
import { ACCESS_TOKEN_DEFAULT_DAYS, type AccessTokenDto, type CreateAccessTokenResponse } from '@interakt/shared/api-contracts';
import type { AuditContext } from '../audit/audit-context';
import { readPrepared } from '../database/prepared-read';
import { AuditService } from '../audit/audit.service';
import type { TokenPrincipal } from '../auth/principal';
import { ApiException } from '../common/api-exception';
import { AccessToken } from './access-token.entity';
import type { CreateAccessTokenDto } from './dto/access-token.dto';
import { DISPLAY_PREFIX_LENGTH, generateTokenSecret, hashTokenSecret, isWellFormedTokenSecret } from './token-secret';

const DAY_MS = 86_400_000;

interface TokenRow {
  id: string;
  name: string;
  role: string;
  expired: boolean;
  stale: boolean;
}

const tokenTarget = (token: AccessToken) => ({ type: 'token', id: token.id, label: `${token.name} (${token.prefix}…)` });

export function toAccessTokenDto(token: AccessToken): AccessTokenDto {
  return {
    id: token.id,
    name: token.name,
    role: token.role,
    prefix: token.prefix,
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt ? token.expiresAt.toISOString() : null,
    lastUsedAt: token.lastUsedAt ? token.lastUsedAt.toISOString() : null,
    createdBy: {
      type: token.createdByType,
      id: token.createdById ?? null,
      email: token.createdByEmail ?? null,
      name: token.createdByName ?? null,
    },
  };
}

/**
 * Application access tokens (SPEC §4): created with a role and an expiry, the secret shown once
 * and stored only as its SHA-256, looked up by that hash on every request, revoked by deleting the
 * row — so a revoked or expired token is refused at once by every replica.
 */
@Injectable()
export class AccessTokensService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  async create(ctx: AuditContext, dto: CreateAccessTokenDto): Promise<CreateAccessTokenResponse> {
    const secret = generateTokenSecret();
    const days = dto.expiresInDays === undefined ? ACCESS_TOKEN_DEFAULT_DAYS : dto.expiresInDays;
    const token = await this.em.fork().transactional(async (em) => {
      const created = em.create(AccessToken, {
        name: dto.name,
        role: dto.role,
        prefix: secret.slice(0, DISPLAY_PREFIX_LENGTH),
        tokenHash: hashTokenSecret(secret),
        expiresAt: days === null ? null : new Date(Date.now() + days * DAY_MS),
        createdByType: ctx.actor.type,
        createdById: ctx.actor.id,
        createdByEmail: ctx.actor.email,
        createdByName: ctx.actor.name,
      });
      await em.persist(created).flush();
      await this.audit.record(em, ctx, {
        action: 'token.created',
        target: tokenTarget(created),
        details: { after: { name: created.name, role: created.role, expiresAt: created.expiresAt?.toISOString() ?? null } },
      });
      return created;
    });
    return { token: secret, accessToken: toAccessTokenDto(token) };
  }

  /** Every token that has not been revoked, newest first, expired ones included (so they can be cleaned up). */
  async list(): Promise<{ items: AccessTokenDto[] }> {
    const tokens = await this.em.fork().find(AccessToken, {}, { orderBy: { createdAt: 'desc', id: 'desc' } });
    return { items: tokens.map(toAccessTokenDto) };
  }

  async revoke(ctx: AuditContext, id: string): Promise<void> {
    await this.em.fork().transactional(async (em) => {
      const token = await em.findOne(AccessToken, id);
      if (!token) throw new ApiException('NOT_FOUND', HttpStatus.NOT_FOUND, 'No access token with this id');
      await this.audit.record(em, ctx, {
        action: 'token.revoked',
        target: tokenTarget(token),
        details: { before: { name: token.name, role: token.role } },
      });
      await em.remove(token).flush();
    });
  }

  /**
   * The principal for a presented secret, or null when it is malformed, unknown (revoked) or
   * expired. One indexed read per request (a prepared statement); `last_used_at` is written at most once a minute.
   */
  async authenticate(secret: string): Promise<TokenPrincipal | null> {
    if (!isWellFormedTokenSecret(secret)) return null;
    const connection = this.em.getConnection();
    const [row] = await readPrepared<TokenRow>(
      this.em,
      `select id, name, role,
              coalesce(expires_at <= now(), false) as expired,
              coalesce(last_used_at < now() - interval '1 minute', true) as stale
         from access_tokens where token_hash = ?`,
      [hashTokenSecret(secret)],
    );
    if (!row || row.expired || !isRole(row.role)) return null;
    if (row.stale) {
      await connection.execute(
        `update access_tokens set last_used_at = now()
          where id = ? and (last_used_at is null or last_used_at < now() - interval '1 minute')`,
        [row.id],
      );
    }
    return { type: 'token', id: row.id, role: row.role as Role, name: row.name };
  }
}
