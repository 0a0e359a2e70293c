import { EntityManager, LockMode, type FilterQuery } from '@mikro-orm/postgresql';
import { HttpStatus, Injectable } from '@nestjs/common';
import type { ExperienceDto, Page } from '@interakt/shared/api-contracts';
import type { AuditContext } from '../audit/audit-context';
import { AuditService, changes } from '../audit/audit.service';
import { ApiException } from '../common/api-exception';
import { escapeLike } from '../users/user.repository';
import type { CreateExperienceDto, UpdateExperienceDto } from './dto/experience-write.dto';
import type { ListExperiencesQueryDto } from './dto/list-experiences.query';
import { toExperienceDto } from './experience.dto';
import { Experience } from './experience.entity';

const notFound = () => new ApiException('NOT_FOUND', HttpStatus.NOT_FOUND, 'No experience with this id');

const auditedFields = (e: Experience) => ({ name: e.name, description: e.description, status: e.status });
const targetOf = (e: Experience) => ({ type: 'experience', id: e.id, label: e.name });

/**
 * Experiences (SPEC §4 Resources): read with `content.read`, written with `content.write`.
 * Each change and its audit event commit in one transaction.
 */
@Injectable()
export class ExperiencesService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  /** Newest first; the (status, created_at, id) and (created_at, id) indexes serve the order. */
  async list(query: ListExperiencesQueryDto): Promise<Page<ExperienceDto>> {
    const where: FilterQuery<Experience> = {};
    if (query.status) where.status = query.status;
    if (query.search) {
      const pattern = `%${escapeLike(query.search)}%`;
      where.$or = [{ name: { $ilike: pattern } }, { description: { $ilike: pattern } }];
    }
    const [items, total] = await this.em.fork().findAndCount(Experience, where, {
      orderBy: { createdAt: 'desc', id: 'desc' },
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    return { items: items.map(toExperienceDto), total, totalExact: true, page: query.page, pageSize: query.pageSize };
  }

  async get(id: string): Promise<ExperienceDto> {
    const experience = await this.em.fork().findOne(Experience, id);
    if (!experience) throw notFound();
    return toExperienceDto(experience);
  }

  async create(ctx: AuditContext, dto: CreateExperienceDto): Promise<ExperienceDto> {
    const experience = await this.em.fork().transactional(async (em) => {
      const created = em.create(Experience, { name: dto.name, description: dto.description ?? '', status: dto.status ?? 'draft' });
      await em.persist(created).flush();
      await this.audit.record(em, ctx, {
        action: 'experience.created',
        target: targetOf(created),
        details: { after: auditedFields(created) },
      });
      return created;
    });
    return toExperienceDto(experience);
  }

  /** Changes what the body names; a request that changes nothing writes nothing. */
  async update(ctx: AuditContext, id: string, dto: UpdateExperienceDto): Promise<ExperienceDto> {
    const experience = await this.em.fork().transactional(async (em) => {
      const target = await em.findOne(Experience, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!target) throw notFound();
      const diff = changes(auditedFields(target), dto);
      if (!diff) return target;
      em.assign(target, diff.after);
      await em.flush();
      await this.audit.record(em, ctx, { action: 'experience.updated', target: targetOf(target), details: diff });
      return target;
    });
    return toExperienceDto(experience);
  }

  async delete(ctx: AuditContext, id: string): Promise<void> {
    await this.em.fork().transactional(async (em) => {
      const target = await em.findOne(Experience, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!target) throw notFound();
      await em.remove(target).flush();
      await this.audit.record(em, ctx, {
        action: 'experience.deleted',
        target: targetOf(target),
        details: { before: auditedFields(target) },
      });
    });
  }
}
