import { type DynamicModule, Inject, Injectable, type LoggerService, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { type CommandRunner, InjectCommander } from 'nest-commander';
import type { AppConfig } from '../config/app-config';
import { AppConfigModule } from '../config/config.module';
import { COMMANDS } from './commands';
import { PASSWORD_ENV } from './password-choice';
import { CLI_LOGGER, RecoverySession } from './recovery-session';

export const CLI_NAME = 'interakt-cli';

/** commander's Command, through nest-commander (commander itself is not a direct dependency). */
type Command = Parameters<CommandRunner['setCommand']>[0];

/** What commander reports instead of exiting: usage errors, and help or version shown. */
export interface CommanderFailure extends Error {
  code: string;
  exitCode: number;
}

export function isCommanderFailure(e: unknown): e is CommanderFailure {
  return (
    e instanceof Error && typeof (e as Partial<CommanderFailure>).code === 'string' && (e as CommanderFailure).code.startsWith('commander.')
  );
}

/** Where commander's failures end up instead of `process.exit`. */
export const COMMANDER_ERROR = Symbol('COMMANDER_ERROR');
export type CommanderErrorSink = (error: CommanderFailure) => never;

const HELP_FOOTER = `
Configuration comes from the same environment as the API (DATABASE_URL, or the embedded database
under DATA_DIR, which the running API locks: stop it first or set DATABASE_URL).
Passwords: prefer --generate-password (printed once). A chosen password can be passed in
${PASSWORD_ENV} instead of --password, which stays in the shell history and the process list.`;

/**
 * Commander, as nest-commander builds it, exits the process itself on a usage error, and only the
 * root command takes settings. Here every command throws instead (so the database and the embedded
 * server are closed and the CLI prints one line) and reports errors without commander's prefix.
 */
@Injectable()
export class CommanderSetup implements OnApplicationBootstrap {
  constructor(
    @InjectCommander() private readonly root: Command,
    @Inject(COMMANDER_ERROR) private readonly sink: CommanderErrorSink,
  ) {}

  onApplicationBootstrap(): void {
    this.root.name(CLI_NAME).description('Restores access to Interakt Admin without SQL (SPEC §6).').addHelpText('after', HELP_FOOTER);
    for (const command of [this.root, ...this.root.commands]) {
      command.exitOverride((error) => this.sink(error));
      // The message reaches the operator through the sink, as one `interakt-cli:` line.
      command.configureOutput({ outputError: () => undefined });
      command.showSuggestionAfterError(true);
    }
  }
}

/** The root module of the CLI: the commands, and what they need to open a recovery session. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig, logger: LoggerService, onCommanderError: CommanderErrorSink): DynamicModule {
    return {
      module: CliModule,
      imports: [AppConfigModule.forRoot(config)],
      providers: [
        { provide: CLI_LOGGER, useValue: logger },
        { provide: COMMANDER_ERROR, useValue: onCommanderError },
        RecoverySession,
        CommanderSetup,
        ...COMMANDS,
      ],
    };
  }
}
