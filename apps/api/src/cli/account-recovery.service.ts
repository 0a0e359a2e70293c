import { EntityManager } from '@mikro-orm/postgresql';
import { HttpStatus, Injectable } from '@nestjs/common';
import type { UserDto, UserStatus } from '@interakt/shared/api-contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ApiException } from '../common/api-exception';
import { systemContext } from '../audit/audit-context';
import { CreateUserDto, SetPasswordDto } from '../users/dto/user-write.dto';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { CliError } from './cli-errors';
import type { PasswordChoice } from './password-choice';

export interface NewAdmin {
  email: string;
  firstName: string;
  lastName: string;
}

export interface AdminRow {
  email: string;
  status: UserStatus;
}

/** Recovery actions are audited as done by the system, through the CLI. */
const CLI = systemContext('recovery CLI');

const noUserWithEmail = (email: string) =>
  new ApiException('USER_NOT_FOUND', HttpStatus.NOT_FOUND, `No user with the email ${email.trim()}`);

/**
 * The recovery operations of SPEC §6, by email, on the same UsersService as the API: the same
 * transactions, password policy, hashing, token revocation and last-admin rule.
 */
@Injectable()
export class AccountRecoveryService {
  constructor(
    private readonly em: EntityManager,
    private readonly users: UsersService,
  ) {}

  /** Creates an active admin; the generated password, if asked for, is returned once. */
  async createAdmin(admin: NewAdmin, password: PasswordChoice): Promise<{ user: UserDto; generatedPassword?: string }> {
    const dto = validated(CreateUserDto, { ...admin, role: 'admin', ...password });
    return this.users.create(CLI, dto);
  }

  /** Sets the password (every login token of the user stops working). */
  async resetPassword(email: string, password: PasswordChoice): Promise<{ user: UserDto; generatedPassword?: string }> {
    const dto = validated(SetPasswordDto, { ...password });
    const user = await this.findByEmail(email);
    const { generatedPassword } = await this.users.setPassword(CLI, user.id, dto);
    return { user: await this.users.get(user.id), ...(generatedPassword ? { generatedPassword } : {}) };
  }

  /** Makes the user active; `changed` is false when they already were. */
  async activate(email: string): Promise<{ user: UserDto; changed: boolean }> {
    const user = await this.findByEmail(email);
    return { user: await this.users.activate(CLI, user.id), changed: user.status !== 'active' };
  }

  /** Makes the user an admin, and active if they were not. */
  async promote(email: string): Promise<{ user: UserDto; changed: boolean }> {
    const user = await this.findByEmail(email);
    if (user.role !== 'admin') await this.users.update(CLI, user.id, { role: 'admin' });
    if (user.status !== 'active') await this.users.activate(CLI, user.id);
    return { user: await this.users.get(user.id), changed: user.role !== 'admin' || user.status !== 'active' };
  }

  /** Every admin, active or not, by email. */
  async listAdmins(): Promise<AdminRow[]> {
    const admins = await this.em.fork().find(User, { role: 'admin' }, { orderBy: { email: 'asc' } });
    return admins.map((u) => ({ email: u.email, status: u.status }));
  }

  /** Case-insensitive, through the repository the API uses; USER_NOT_FOUND otherwise. */
  private async findByEmail(email: string): Promise<User> {
    const user = await this.em.fork().getRepository(User).findByEmail(email);
    if (!user) throw noUserWithEmail(email);
    return user;
  }
}

/** The API's request rules (trim, email format, lengths) on a CLI input; the first problem as a CliError. */
function validated<T extends object>(type: new () => T, plain: object): T {
  const dto = plainToInstance(type, plain);
  const [first] = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true });
  if (first) {
    const message = Object.values(first.constraints ?? {})[0] ?? `${first.property} is invalid`;
    throw new CliError(message);
  }
  return dto;
}
