import { CliError } from './cli-errors';

/** The environment variable that carries a chosen password, out of shell history and `ps`. */
export const PASSWORD_ENV = 'INTERAKT_CLI_PASSWORD';

/** The password options of create-admin and reset-password, as parsed. */
export interface PasswordOptions {
  password?: string;
  generatePassword?: boolean;
}

/** What UsersService.create / setPassword take: a chosen password, or one to generate. */
export type PasswordChoice = { password: string } | { generatePassword: true };

/**
 * Exactly one source: `--generate-password` (preferred: nothing typed, nothing stored in the
 * shell), `INTERAKT_CLI_PASSWORD`, or `--password` (visible in the shell history and the process
 * list). An empty variable counts as unset; the password itself is used as given, never trimmed.
 */
export function choosePassword(options: PasswordOptions, env: NodeJS.ProcessEnv = process.env): PasswordChoice {
  const fromEnv = env[PASSWORD_ENV] ? env[PASSWORD_ENV] : undefined;
  const given = [options.generatePassword === true, options.password !== undefined, fromEnv !== undefined].filter(Boolean).length;
  if (given > 1) {
    throw new CliError(`give only one of --generate-password, ${PASSWORD_ENV} or --password`);
  }
  if (options.generatePassword) return { generatePassword: true };
  const password = options.password ?? fromEnv;
  if (password === undefined) {
    throw new CliError(`a password is needed: --generate-password (preferred), ${PASSWORD_ENV}=… or --password …`);
  }
  return { password };
}
