import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { ResetDemoResponse } from '@interakt/shared/api-contracts';
import type { AuditContext } from '../audit/audit-context';
import { AuditService } from '../audit/audit.service';
import { toExperienceDto } from '../experiences/experience.dto';
import { Experience } from '../experiences/experience.entity';
import { toProviderDto } from '../providers/provider.dto';
import { Provider } from '../providers/provider.entity';
import { DEMO_EXPERIENCES, DEMO_PROVIDERS } from './demo-content';

const MINUTE_MS = 60_000;

/** Demo content (SPEC §4, `setup.reset`). Users and the audit log are never touched. */
@Injectable()
export class SetupService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  /**
   * Replaces every experience and provider with the demo set, and records one `setup.demo_reset`,
   * all in one transaction. The table lock makes concurrent resets (and writes) wait their turn,
   * so two resets at once still leave exactly one demo set.
   */
  async resetDemo(ctx: AuditContext): Promise<ResetDemoResponse> {
    return this.em.fork().transactional(async (em) => {
      await em.execute('lock table "experiences", "providers" in share row exclusive mode', [], 'run');
      const deleted = { experiences: await em.nativeDelete(Experience, {}), providers: await em.nativeDelete(Provider, {}) };

      const now = Date.now();
      // A minute apart, so "newest first" shows them in the order they are listed.
      const experiences = DEMO_EXPERIENCES.map((demo, i) => em.create(Experience, { ...demo, createdAt: new Date(now - i * MINUTE_MS) }));
      const providers = DEMO_PROVIDERS.map((demo) => em.create(Provider, { ...demo, apiKeyEncrypted: null, apiKeyHint: null }));
      await em.flush();

      await this.audit.record(em, ctx, {
        action: 'setup.demo_reset',
        details: { deleted, created: { experiences: experiences.length, providers: providers.length } },
      });
      return { deleted, experiences: experiences.map(toExperienceDto), providers: providers.map(toProviderDto) };
    });
  }
}
