import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { SecretsModule } from '../secrets/secrets.module';
import { ProviderSchema } from './provider.entity';
import { ProvidersController } from './providers.controller';
import { ProvidersService } from './providers.service';

/** AI providers and their encrypted API keys (`providers.manage`). */
@Module({
  imports: [MikroOrmModule.forFeature([ProviderSchema]), AuditModule, SecretsModule],
  controllers: [ProvidersController],
  providers: [ProvidersService],
})
export class ProvidersModule {}
