import { randomUUID } from 'node:crypto';
import { EntityManager, LockMode, UniqueConstraintViolationException, sql } from '@mikro-orm/postgresql';
import { HttpStatus, Injectable } from '@nestjs/common';
import { PROVIDER_KINDS_REQUIRING_BASE_URL, type ProviderDto, type ProviderKind } from '@interakt/shared/api-contracts';
import type { AuditContext } from '../audit/audit-context';
import { AuditService, changes } from '../audit/audit.service';
import { ApiException } from '../common/api-exception';
import { SecretBox } from '../secrets/secret-box';
import { maskApiKey } from './api-key-mask';
import type { CreateProviderDto, UpdateProviderDto } from './dto/provider-write.dto';
import { toProviderDto } from './provider.dto';
import { Provider } from './provider.entity';

const nameTaken = () => new ApiException('NAME_TAKEN', HttpStatus.CONFLICT, 'Another provider already has this name');
const notFound = () => new ApiException('NOT_FOUND', HttpStatus.NOT_FOUND, 'No provider with this id');

/** What an API-key change was, for the audit log: never the key, nor its mask. */
export type ApiKeyChange = 'set' | 'changed' | 'cleared';

/** The AAD that binds a sealed API key to its provider row and field. */
export const apiKeyContext = (providerId: string): string => `providers:${providerId}:api_key`;

/** The audited fields of a provider: everything but the key. */
const auditedFields = (p: Provider) => ({ name: p.name, kind: p.kind, baseUrl: p.baseUrl ?? null });
const targetOf = (p: Provider) => ({ type: 'provider', id: p.id, label: p.name });

/**
 * AI providers (SPEC §4 Resources, `providers.manage`). Each change and its audit event commit
 * in one transaction. The API key is sealed by the {@link SecretBox} before the transaction and
 * stored with its mask; nothing here ever decrypts it, so listing cannot leak it.
 */
@Injectable()
export class ProvidersService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
    private readonly secrets: SecretBox,
  ) {}

  async list(): Promise<ProviderDto[]> {
    const providers = await this.em.fork().find(Provider, {}, { orderBy: [{ [sql.lower('name')]: 'asc' }, { id: 'asc' }] });
    return providers.map(toProviderDto);
  }

  async get(id: string): Promise<ProviderDto> {
    const provider = await this.em.fork().findOne(Provider, id);
    if (!provider) throw notFound();
    return toProviderDto(provider);
  }

  async create(ctx: AuditContext, dto: CreateProviderDto): Promise<ProviderDto> {
    const baseUrl = dto.baseUrl ?? null;
    assertBaseUrl(dto.kind, baseUrl);
    // The id is chosen here so the key can be sealed to it before the row exists.
    const id = randomUUID();
    const key = dto.apiKey ? this.sealApiKey(id, dto.apiKey) : { apiKeyEncrypted: null, apiKeyHint: null };
    const provider = await this.write(async (em) => {
      await this.assertNameFree(em, dto.name);
      const created = em.create(Provider, { id, name: dto.name, kind: dto.kind, baseUrl, ...key });
      await em.persist(created).flush();
      await this.audit.record(em, ctx, {
        action: 'provider.created',
        target: targetOf(created),
        details: { after: auditedFields(created), ...(dto.apiKey ? { apiKey: 'set' satisfies ApiKeyChange } : {}) },
      });
      return created;
    });
    return toProviderDto(provider);
  }

  /** Changes what the body names; `apiKey` left out keeps the key, `apiKey: null` removes it. A no-op writes nothing. */
  async update(ctx: AuditContext, id: string, dto: UpdateProviderDto): Promise<ProviderDto> {
    const newKey = dto.apiKey ? this.sealApiKey(id, dto.apiKey) : undefined;
    const provider = await this.write(async (em) => {
      const target = await em.findOne(Provider, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!target) throw notFound();
      const before = auditedFields(target);
      const hadKey = target.apiKeyHint != null;

      if (dto.name !== undefined && dto.name.toLowerCase() !== target.name.toLowerCase()) await this.assertNameFree(em, dto.name, id);
      if (dto.name !== undefined) target.name = dto.name;
      if (dto.kind !== undefined) target.kind = dto.kind;
      if (dto.baseUrl !== undefined) target.baseUrl = dto.baseUrl;
      assertBaseUrl(target.kind, target.baseUrl ?? null);

      let keyChange: ApiKeyChange | undefined;
      if (newKey) {
        Object.assign(target, newKey);
        keyChange = hadKey ? 'changed' : 'set';
      } else if (dto.apiKey === null && hadKey) {
        Object.assign(target, { apiKeyEncrypted: null, apiKeyHint: null });
        keyChange = 'cleared';
      }

      const diff = changes(before, auditedFields(target));
      if (!diff && !keyChange) return target;
      await em.flush();
      await this.audit.record(em, ctx, {
        action: 'provider.updated',
        target: targetOf(target),
        details: { ...diff, ...(keyChange ? { apiKey: keyChange } : {}) },
      });
      return target;
    });
    return toProviderDto(provider);
  }

  async delete(ctx: AuditContext, id: string): Promise<void> {
    await this.write(async (em) => {
      const target = await em.findOne(Provider, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!target) throw notFound();
      const hadKey = target.apiKeyHint != null;
      await em.remove(target).flush();
      await this.audit.record(em, ctx, {
        action: 'provider.deleted',
        target: targetOf(target),
        details: { before: auditedFields(target), ...(hadKey ? { apiKey: 'cleared' satisfies ApiKeyChange } : {}) },
      });
    });
  }

  private sealApiKey(providerId: string, apiKey: string): { apiKeyEncrypted: string; apiKeyHint: string } {
    return { apiKeyEncrypted: this.secrets.seal(apiKey, apiKeyContext(providerId)), apiKeyHint: maskApiKey(apiKey) };
  }

  /** The friendly check; the unique index on lower(name) is the backstop for a concurrent create. */
  private async assertNameFree(em: EntityManager, name: string, exceptId?: string): Promise<void> {
    const other = await em.findOne(Provider, { [sql.lower('name')]: name.toLowerCase() });
    if (other && other.id !== exceptId) throw nameTaken();
  }

  /** One transaction on a fresh context; a unique violation on the name becomes 409 NAME_TAKEN. */
  private async write<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.em.fork().transactional(work);
    } catch (e) {
      if (e instanceof UniqueConstraintViolationException) throw nameTaken();
      throw e;
    }
  }
}

function assertBaseUrl(kind: ProviderKind, baseUrl: string | null): void {
  if (baseUrl === null && PROVIDER_KINDS_REQUIRING_BASE_URL.includes(kind)) {
    throw new ApiException('VALIDATION_FAILED', HttpStatus.BAD_REQUEST, [`baseUrl is required for kind ${kind}`]);
  }
}
