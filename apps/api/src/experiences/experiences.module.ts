import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ExperienceSchema } from './experience.entity';
import { ExperiencesController } from './experiences.controller';
import { ExperiencesService } from './experiences.service';

/** Experiences: read with `content.read`, written with `content.write`. */
@Module({
  imports: [MikroOrmModule.forFeature([ExperienceSchema]), AuditModule],
  controllers: [ExperiencesController],
  providers: [ExperiencesService],
})
export class ExperiencesModule {}
