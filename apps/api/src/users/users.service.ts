import { EntityManager, LockMode, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { HttpStatus, Injectable } from '@nestjs/common';
import type { CreateUserResponse, SetPasswordResponse, UserDto } from '@interakt/shared/api-contracts';
import { ApiException } from '../common/api-exception';
import { isSelf, type AuditContext } from '../audit/audit-context';
import { AuditService, changes } from '../audit/audit.service';
import { generatePassword, PasswordHasher } from '../auth/passwords/password-hasher.service';
import { PasswordPolicy } from '../auth/passwords/password-policy.service';
import type { CreateUserDto, SetPasswordDto, UpdateUserDto } from './dto/user-write.dto';
import { LastAdminGuardService } from './last-admin-guard.service';
import { toUserDto } from './user.dto';
import { User } from './user.entity';

const emailTaken = () => new ApiException('EMAIL_TAKEN', HttpStatus.CONFLICT, 'Another account already uses this email address');
const notFound = () => new ApiException('USER_NOT_FOUND', HttpStatus.NOT_FOUND, 'No user with this id');
const cannotModifySelf = (what: string) =>
  new ApiException('CANNOT_MODIFY_SELF', HttpStatus.CONFLICT, `You cannot ${what} your own account; ask another admin`);

/** How a user is named in the audit log: a snapshot that outlives the row. */
export const userTarget = (user: User) => ({ type: 'user', id: user.id, label: user.email });

/** The fields of a user the audit log shows before → after (never the hash or token version). */
const profileOf = (user: User) => ({
  firstName: user.firstName,
  lastName: user.lastName,
  email: user.email,
  role: user.role,
  status: user.status,
});

/**
 * The write side of user management. Every change runs in one transaction together with its
 * audit event; those that can remove an active admin go through the {@link LastAdminGuardService} first.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly em: EntityManager,
    private readonly hasher: PasswordHasher,
    private readonly policy: PasswordPolicy,
    private readonly lastAdmin: LastAdminGuardService,
    private readonly audit: AuditService,
  ) {}

  async get(id: string): Promise<UserDto> {
    const user = await this.em.fork().findOne(User, id);
    if (!user) throw notFound();
    return toUserDto(user);
  }

  async create(ctx: AuditContext, dto: CreateUserDto): Promise<CreateUserResponse> {
    const generatedPassword = dto.generatePassword ? generatePassword() : undefined;
    const password = generatedPassword ?? (dto.password as string);
    const profile = { email: dto.email, firstName: dto.firstName, lastName: dto.lastName };
    this.policy.assertAcceptable(password, profile);
    const passwordHash = await this.hasher.hash(password);
    const user = await this.write(async (em) => {
      if (await em.getRepository(User).findByEmail(dto.email)) throw emailTaken();
      const created = em.create(User, { ...profile, role: dto.role, status: 'active', passwordHash });
      await em.persist(created).flush();
      await this.audit.record(em, ctx, {
        action: 'user.created',
        target: userTarget(created),
        details: { after: profileOf(created), passwordGenerated: Boolean(generatedPassword) },
      });
      return created;
    });
    return { user: toUserDto(user), ...(generatedPassword ? { generatedPassword } : {}) };
  }

  /** Names and email are `user.updated`, the role is `user.role_changed`: one event each, only for what changed. */
  async update(ctx: AuditContext, id: string, dto: UpdateUserDto): Promise<UserDto> {
    const user = await this.write(async (em) => {
      const { user: target, activeAdminIds } = await this.lockTarget(em, id, dto.role !== undefined);
      const before = profileOf(target);
      if (dto.role !== undefined) {
        this.lastAdmin.assertKeepsAnActiveAdmin(activeAdminIds, target, { role: dto.role, status: target.status });
        target.role = dto.role;
      }
      if (dto.email !== undefined && dto.email.toLowerCase() !== target.email.toLowerCase()) {
        const other = await em.getRepository(User).findByEmail(dto.email);
        if (other && other.id !== target.id) throw emailTaken();
      }
      if (dto.email !== undefined) target.email = dto.email;
      if (dto.firstName !== undefined) target.firstName = dto.firstName;
      if (dto.lastName !== undefined) target.lastName = dto.lastName;
      await em.flush();
      const { role, ...names } = profileOf(target);
      const { role: roleBefore, ...namesBefore } = before;
      const profileChange = changes(namesBefore, names);
      if (profileChange) await this.audit.record(em, ctx, { action: 'user.updated', target: userTarget(target), details: profileChange });
      const roleChange = changes({ role: roleBefore }, { role });
      if (roleChange) await this.audit.record(em, ctx, { action: 'user.role_changed', target: userTarget(target), details: roleChange });
      return target;
    });
    return toUserDto(user);
  }

  /** An admin sets another user's (or their own) password; the user's tokens stop working. */
  async setPassword(ctx: AuditContext, id: string, dto: SetPasswordDto): Promise<SetPasswordResponse> {
    const generatedPassword = dto.generatePassword ? generatePassword() : undefined;
    const password = generatedPassword ?? (dto.password as string);
    await this.write(async (em) => {
      const user = await em.findOne(User, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!user) throw notFound();
      this.policy.assertAcceptable(password, user);
      user.passwordHash = await this.hasher.hash(password);
      user.tokenVersion += 1;
      await em.flush();
      await this.audit.record(em, ctx, {
        action: 'user.password_reset',
        target: userTarget(user),
        details: { generated: Boolean(generatedPassword), tokensRevoked: true },
      });
    });
    return generatedPassword ? { generatedPassword } : {};
  }

  async deactivate(ctx: AuditContext, id: string): Promise<UserDto> {
    if (isSelf(ctx, id)) throw cannotModifySelf('deactivate');
    const user = await this.write(async (em) => {
      const { user: target, activeAdminIds } = await this.lastAdmin.lockForChange(em, id);
      this.lastAdmin.assertKeepsAnActiveAdmin(activeAdminIds, target, { role: target.role, status: 'inactive' });
      if (target.status !== 'inactive') {
        target.status = 'inactive';
        // Every token of the user dies now, and stays dead after a later activation.
        target.tokenVersion += 1;
        await em.flush();
        await this.audit.record(em, ctx, {
          action: 'user.deactivated',
          target: userTarget(target),
          details: { before: { status: 'active' }, after: { status: 'inactive' } },
        });
      }
      return target;
    });
    return toUserDto(user);
  }

  async activate(ctx: AuditContext, id: string): Promise<UserDto> {
    const user = await this.write(async (em) => {
      const target = await em.findOne(User, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!target) throw notFound();
      if (target.status !== 'active') {
        target.status = 'active';
        await em.flush();
        await this.audit.record(em, ctx, {
          action: 'user.activated',
          target: userTarget(target),
          details: { before: { status: 'inactive' }, after: { status: 'active' } },
        });
      }
      return target;
    });
    return toUserDto(user);
  }

  async delete(ctx: AuditContext, id: string): Promise<void> {
    if (isSelf(ctx, id)) throw cannotModifySelf('delete');
    await this.write(async (em) => {
      const { user: target, activeAdminIds } = await this.lastAdmin.lockForChange(em, id);
      this.lastAdmin.assertKeepsAnActiveAdmin(activeAdminIds, target, null);
      await this.audit.record(em, ctx, { action: 'user.deleted', target: userTarget(target), details: { before: profileOf(target) } });
      em.remove(target);
    });
  }

  /** Locks the target; a role change also locks the active admins first (same order everywhere). */
  private async lockTarget(em: EntityManager, id: string, roleChange: boolean): Promise<{ user: User; activeAdminIds: string[] }> {
    if (roleChange) return this.lastAdmin.lockForChange(em, id);
    const user = await em.findOne(User, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!user) throw notFound();
    return { user, activeAdminIds: [] };
  }

  /** One transaction on a fresh context; a unique violation on email becomes 409 EMAIL_TAKEN. */
  private async write<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.em.fork().transactional(work);
    } catch (e) {
      if (e instanceof UniqueConstraintViolationException) throw emailTaken();
      throw e;
    }
  }
}
