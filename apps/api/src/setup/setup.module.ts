import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ExperienceSchema } from '../experiences/experience.entity';
import { ProviderSchema } from '../providers/provider.entity';
import { SetupController } from './setup.controller';
import { SetupService } from './setup.service';

/** The demo reset (`setup.reset`). */
@Module({
  imports: [MikroOrmModule.forFeature([ExperienceSchema, ProviderSchema]), AuditModule],
  controllers: [SetupController],
  providers: [SetupService],
})
export class SetupModule {}
