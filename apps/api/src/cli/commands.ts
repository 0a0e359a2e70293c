import { Command, CommandRunner, Option } from 'nest-commander';
import type { UserDto } from '@interakt/shared/api-contracts';
import { choosePassword, PASSWORD_ENV, type PasswordOptions } from './password-choice';
import { RecoverySession } from './recovery-session';

/** Results go to stdout (a script may read the generated password); diagnostics to stderr. */
function say(...lines: string[]): void {
  process.stdout.write(lines.map((l) => `${l}\n`).join(''));
}

function showGeneratedPassword(generatedPassword: string | undefined): void {
  if (generatedPassword) say(`Generated password (shown only this once): ${generatedPassword}`);
}

const describeUser = (u: UserDto) => `${u.email} (${u.role}, ${u.status})`;
const PASSWORD_HELP = `the password; it stays in the shell history and shows in the process list: prefer --generate-password or ${PASSWORD_ENV}`;

interface EmailOptions {
  email: string;
}

/** The shared `--email` option. */
abstract class ByEmailCommand extends CommandRunner {
  @Option({ flags: '--email <email>', description: 'the user’s email address (any case)', required: true })
  parseEmail(value: string): string {
    return value.trim();
  }
}

/** The shared `--password` / `--generate-password` options. */
abstract class WithPasswordCommand extends ByEmailCommand {
  @Option({ flags: '--password <password>', description: PASSWORD_HELP })
  parsePassword(value: string): string {
    return value;
  }

  @Option({ flags: '--generate-password', description: 'generate a 20-character password and print it once (preferred)' })
  parseGeneratePassword(): boolean {
    return true;
  }
}

@Command({ name: 'create-admin', description: 'create an active admin (the password policy applies)' })
export class CreateAdminCommand extends WithPasswordCommand {
  constructor(private readonly session: RecoverySession) {
    super();
  }

  @Option({ flags: '--first-name <name>', description: 'first name', required: true })
  parseFirstName(value: string): string {
    return value;
  }

  @Option({ flags: '--last-name <name>', description: 'last name', required: true })
  parseLastName(value: string): string {
    return value;
  }

  async run(_args: string[], options: EmailOptions & PasswordOptions & { firstName: string; lastName: string }): Promise<void> {
    const password = choosePassword(options);
    const { user, generatedPassword } = await this.session.run((r) =>
      r.createAdmin({ email: options.email, firstName: options.firstName, lastName: options.lastName }, password),
    );
    say(`Created ${describeUser(user)}.`);
    showGeneratedPassword(generatedPassword);
  }
}

@Command({ name: 'reset-password', description: 'set a user’s password; their sessions end' })
export class ResetPasswordCommand extends WithPasswordCommand {
  constructor(private readonly session: RecoverySession) {
    super();
  }

  async run(_args: string[], options: EmailOptions & PasswordOptions): Promise<void> {
    const password = choosePassword(options);
    const { user, generatedPassword } = await this.session.run((r) => r.resetPassword(options.email, password));
    say(`Password of ${describeUser(user)} set; every session of the user has ended.`);
    showGeneratedPassword(generatedPassword);
  }
}

@Command({ name: 'activate', description: 're-activate a deactivated user' })
export class ActivateCommand extends ByEmailCommand {
  constructor(private readonly session: RecoverySession) {
    super();
  }

  async run(_args: string[], options: EmailOptions): Promise<void> {
    const { user, changed } = await this.session.run((r) => r.activate(options.email));
    say(changed ? `Activated ${describeUser(user)}.` : `${describeUser(user)} was already active.`);
  }
}

@Command({ name: 'promote', description: 'make a user an admin (and active)' })
export class PromoteCommand extends ByEmailCommand {
  constructor(private readonly session: RecoverySession) {
    super();
  }

  async run(_args: string[], options: EmailOptions): Promise<void> {
    const { user, changed } = await this.session.run((r) => r.promote(options.email));
    say(changed ? `Promoted ${describeUser(user)}.` : `${describeUser(user)} already was an active admin.`);
  }
}

@Command({ name: 'list-admins', description: 'list the admins with their status' })
export class ListAdminsCommand extends CommandRunner {
  constructor(private readonly session: RecoverySession) {
    super();
  }

  async run(): Promise<void> {
    const admins = await this.session.run((r) => r.listAdmins());
    if (admins.length === 0) return say('No admin accounts.');
    const width = Math.max(...admins.map((a) => a.email.length));
    say(...admins.map((a) => `${a.email.padEnd(width)}  ${a.status}`));
  }
}

export const COMMANDS = [CreateAdminCommand, ResetPasswordCommand, ActivateCommand, PromoteCommand, ListAdminsCommand];
