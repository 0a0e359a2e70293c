import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { HttpStatus, Injectable } from '@nestjs/common';
import type { Role } from '@interakt/shared/auth-model';
import type { UserStatus } from '@interakt/shared/api-contracts';
import { ApiException } from '../common/api-exception';
import { User } from './user.entity';

/** What a user will be after a change; `null` for a delete. */
export type UserAfterChange = { role: Role; status: UserStatus } | null;

/**
 * SPEC §3.1: at least one active admin, always. Every change that can remove an active admin
 * (demote, deactivate, delete) runs inside a transaction that first calls {@link lockForChange}:
 * it locks the rows of all active admins (`SELECT … FOR UPDATE`, in id order) before the target,
 * so two such changes — on one API process or on several replicas — queue up, and the second
 * re-reads the admins as the first left them. Counting without the lock loses the last admin
 * (measured: shared/TOOLCHAIN.md); with it, the second request gets 409 LAST_ADMIN.
 */
@Injectable()
export class LastAdminGuardService {
  /**
   * Inside the caller's transaction: locks the active admins, then the target, and returns the
   * target as it is now with the ids of the active admins. Throws USER_NOT_FOUND for no target.
   */
  async lockForChange(em: EntityManager, targetId: string): Promise<{ user: User; activeAdminIds: string[] }> {
    const admins = await em.find(
      User,
      { role: 'admin', status: 'active' },
      { fields: ['id'], orderBy: { id: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    const user = await em.findOne(User, targetId, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!user) throw new ApiException('USER_NOT_FOUND', HttpStatus.NOT_FOUND, 'No user with this id');
    return { user, activeAdminIds: admins.map((a) => a.id) };
  }

  /** Throws 409 LAST_ADMIN when the change would leave no active admin. */
  assertKeepsAnActiveAdmin(activeAdminIds: readonly string[], user: User, after: UserAfterChange): void {
    const isActiveAdmin = activeAdminIds.includes(user.id);
    const staysActiveAdmin = after !== null && after.role === 'admin' && after.status === 'active';
    if (isActiveAdmin && !staysActiveAdmin && activeAdminIds.length <= 1) {
      throw new ApiException(
        'LAST_ADMIN',
        HttpStatus.CONFLICT,
        'This is the last active admin: at least one active admin must remain. Make another user an admin first.',
      );
    }
  }
}
