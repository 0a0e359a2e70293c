import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { ConfigError, loadAppConfig, type AppConfig } from '../config/app-config';
import { CLI_NAME, CliModule, type CommanderFailure, isCommanderFailure } from './cli.module';
import { describeFailure, urlPassword } from '../common/safe-error';
import { CliLogger, cliLogLevels } from './cli-logger';

/**
 * `npm run cli -- <command>` (dist/apps/api/cli.js): restores access without SQL (SPEC §6).
 * Exit 0 on success; otherwise one line `interakt-cli: <message>` on stderr and exit 1.
 */
async function main(): Promise<number> {
  let config: AppConfig;
  try {
    config = loadAppConfig(process.env);
  } catch (e) {
    return fail(e instanceof ConfigError ? e.message : 'Invalid configuration');
  }
  const secrets = urlPassword(config.databaseUrl);
  let failure: unknown;
  try {
    const logger = new CliLogger(cliLogLevels(config.logLevel), secrets);
    const onCommanderError = (error: CommanderFailure): never => {
      throw error;
    };
    await CommandFactory.run(CliModule.forRoot(config, logger, onCommanderError), {
      logger,
      abortOnError: false,
      cliName: CLI_NAME,
      helpConfiguration: { sortOptions: true },
      // Every error of a command (or of commander, through the exit override) ends up here.
      serviceErrorHandler: (error) => {
        failure = error;
      },
    });
  } catch (e) {
    failure = e;
  }
  if (failure === undefined) return 0;
  if (isCommanderFailure(failure)) {
    // Help and version were printed by commander; a usage error gets its one line here.
    if (failure.code.startsWith('commander.help') || failure.code === 'commander.version') return failure.exitCode;
    return fail(failure.message.replace(/^error:\s*/i, ''));
  }
  return fail(describeFailure(failure, secrets));
}

function fail(message: string): 1 {
  process.stderr.write(`${CLI_NAME}: ${message}\n`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  () => process.exit(fail('unexpected error')),
);
