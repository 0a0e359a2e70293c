import { MikroOrmModule } from '@mikro-orm/nestjs';
import { type DynamicModule, Inject, Injectable, Logger, Module, type OnModuleInit } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { runMigrations } from './migrate';
import { createOrmConfig } from './mikro-orm.config';

/** Applies pending migrations before the API serves, when MIGRATE_ON_START is true. */
@Injectable()
export class StartupMigrations implements OnModuleInit {
  private readonly logger = new Logger('Database');

  constructor(
    private readonly orm: MikroORM,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.migrateOnStart) return;
    const applied = await runMigrations(this.orm);
    this.logger.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date');
  }
}

const ormLogger = new Logger('MikroORM');

@Module({})
export class DatabaseModule {
  static forRoot(clientUrl: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        MikroOrmModule.forRoot({
          ...createOrmConfig({ clientUrl, logger: (message) => ormLogger.log(message) }),
          // No per-request EntityManager fork: every service forks its own (or reads through the
          // connection), and allowGlobalContext: false refuses any code that forgets to.
          registerRequestContext: false,
        }),
      ],
      providers: [StartupMigrations],
    };
  }
}
