import { Inject, Injectable, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { openDatabase, type DatabaseConnection } from '../database/database-connection';
import { AccountRecoveryService } from './account-recovery.service';
import { CliError, describeEmbeddedStartFailure } from './cli-errors';
import { RecoveryModule } from './recovery.module';

/** Injection token of the CLI's Nest logger, shared by both of its Nest contexts. */
export const CLI_LOGGER = Symbol('CLI_LOGGER');

/**
 * Opens the database the API uses (DATABASE_URL, or the embedded one under DATA_DIR), builds the
 * {@link RecoveryModule} on it, runs one piece of work and closes everything again: the ORM first,
 * then the embedded server, also when the work fails.
 */
@Injectable()
export class RecoverySession {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLI_LOGGER) private readonly logger: LoggerService,
  ) {}

  async run<T>(work: (recovery: AccountRecoveryService) => Promise<T>): Promise<T> {
    const database = await this.open();
    try {
      const context = await NestFactory.createApplicationContext(RecoveryModule.forRoot(this.config, database.url), {
        logger: this.logger,
        // Throw start errors (migrations, connection) to the CLI, which prints one line.
        abortOnError: false,
      });
      try {
        return await work(context.get(AccountRecoveryService));
      } finally {
        // A failure to close must not hide the result or the error of the work.
        await context.close().catch(() => undefined);
      }
    } finally {
      await database.close().catch(() => undefined);
    }
  }

  private async open(): Promise<DatabaseConnection> {
    const log: string[] = [];
    try {
      return await openDatabase(this.config, (message) => log.push(message));
    } catch (e) {
      throw new CliError(describeEmbeddedStartFailure(e, log, this.config.dataDir));
    }
  }
}
