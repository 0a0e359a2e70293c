import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { AppConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';
import { UsersModule } from '../users/users.module';
import { AccountRecoveryService } from './account-recovery.service';

/**
 * What a command works on, built only when a command runs (so `--help` and usage errors need no
 * database): the API's config, database (migrated on init when MIGRATE_ON_START) and users.
 */
@Module({})
export class RecoveryModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: RecoveryModule,
      imports: [AppConfigModule.forRoot(config), DatabaseModule.forRoot(databaseUrl), UsersModule],
      providers: [AccountRecoveryService],
    };
  }
}
