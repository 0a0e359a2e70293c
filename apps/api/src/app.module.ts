import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { LoggerModule } from 'nestjs-pino';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { loggerParams } from './common/logging';
import { createValidationPipe } from './common/validation';
import type { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { AccessTokensModule } from './access-tokens/access-tokens.module';
import { AnalyticsModule } from './analytics/analytics.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ExperiencesModule } from './experiences/experiences.module';
import { HealthModule } from './health/health.module';
import { PlaygroundModule } from './playground/playground.module';
import { ProvidersModule } from './providers/providers.module';
import { SetupModule } from './setup/setup.module';
import { FirstAdminModule } from './users/first-admin.module';
import { UsersModule } from './users/users.module';

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  /** Folder of the built admin app to serve at `/`; skipped when absent. */
  adminDir?: string;
}

/** The built admin app beside the built API: dist/apps/admin/browser next to dist/apps/api. */
export const DEFAULT_ADMIN_DIR = join(__dirname, '..', 'admin', 'browser');

@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl, adminDir = DEFAULT_ADMIN_DIR }: AppModuleOptions): DynamicModule {
    const serveAdmin = existsSync(join(adminDir, 'index.html'));
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(config)),
        DatabaseModule.forRoot(databaseUrl),
        HealthModule,
        AuditModule,
        AccessTokensModule,
        UsersModule,
        FirstAdminModule,
        AuthModule,
        ProvidersModule,
        ExperiencesModule,
        PlaygroundModule,
        AnalyticsModule,
        SetupModule,
        ...(serveAdmin
          ? [ServeStaticModule.forRoot({ rootPath: adminDir, exclude: ['/api/{*path}'], serveStaticOptions: { index: 'index.html' } })]
          : []),
      ],
      providers: [
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
