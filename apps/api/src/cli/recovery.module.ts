import { MikroOrmModule } from '@mikro-orm/nestjs';
import { type DynamicModule, Module } from '@nestjs/common';
import { PasswordHasher } from '../auth/passwords/password-hasher.service';
import { PasswordPolicy } from '../auth/passwords/password-policy.service';
import type { AppConfig } from '../config/app-config';
import { AppConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';
import { LastAdminGuardService } from '../users/last-admin-guard.service';
import { UserSchema } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { AccountRecoveryService } from './account-recovery.service';

/**
 * The write side of UsersModule without its HTTP controller and without FirstAdminService: that
 * one creates ADMIN_EMAIL on an empty database at bootstrap, which a recovery command must not do
 * (`create-admin --email $ADMIN_EMAIL` would then fail with EMAIL_TAKEN, `list-admins` would write).
 * Once FirstAdminService lives outside UsersModule, import UsersModule here instead.
 */
@Module({
  imports: [MikroOrmModule.forFeature([UserSchema])],
  providers: [PasswordHasher, PasswordPolicy, LastAdminGuardService, UsersService],
  exports: [UsersService],
})
export class CliUsersModule {}

/**
 * What a command works on, built only when a command runs (so `--help` and usage errors need no
 * database): the API's config, database (migrated on init when MIGRATE_ON_START) and users.
 */
@Module({})
export class RecoveryModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: RecoveryModule,
      imports: [AppConfigModule.forRoot(config), DatabaseModule.forRoot(databaseUrl), CliUsersModule],
      providers: [AccountRecoveryService],
    };
  }
}
