import type { LoggerService, LogLevel as NestLogLevel } from '@nestjs/common';
import type { LogLevel } from '../config/app-config';
import { redact } from '../common/safe-error';

/**
 * Which of Nest's messages the CLI shows, by LOG_LEVEL. Errors are not among them below `debug`:
 * the CLI ends every failure with one line of its own, and a second one would only repeat it.
 */
export function cliLogLevels(level: LogLevel): NestLogLevel[] {
  switch (level) {
    case 'trace':
      return ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
    case 'debug':
      return ['fatal', 'error', 'warn', 'log', 'debug'];
    case 'info':
    case 'warn':
      return ['warn'];
    default:
      return [];
  }
}

/**
 * Nest's logger for the CLI: diagnostics on stderr (stdout is for results, such as a generated
 * password), one line each, prefixed `interakt-cli:`; never a stack trace, never a credential.
 */
export class CliLogger implements LoggerService {
  private readonly levels: ReadonlySet<NestLogLevel>;

  constructor(
    levels: readonly NestLogLevel[],
    private readonly secrets: readonly string[] = [],
  ) {
    this.levels = new Set(levels);
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.write('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('verbose', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: NestLogLevel, message: unknown, rest: unknown[]): void {
    if (!this.levels.has(level)) return;
    // Nest passes (message, context) or (message, stack, context): the context is the last string.
    const last = rest[rest.length - 1];
    const context = typeof last === 'string' && !last.includes('\n') ? `[${last}] ` : '';
    const text = message instanceof Error ? message.message : typeof message === 'string' ? message : JSON.stringify(message);
    const line = redact(String(text ?? '').split('\n')[0], this.secrets);
    process.stderr.write(`interakt-cli: ${level === 'log' ? '' : `${level}: `}${context}${line}\n`);
  }
}
