import { computed, signal } from '@angular/core';
import type { UserDto } from '@interakt/shared/api-contracts';
import { type Permission, permissionsFor, type Role } from '@interakt/shared/auth-model';
import { of } from 'rxjs';

/** A SessionStore stand-in for specs: a signed-in user of the given role (or nobody). */
export function sessionStub(role: Role | null) {
  const user = signal<UserDto | null>(
    role
      ? {
          id: '00000000-0000-4000-8000-000000000001',
          firstName: 'Ada',
          lastName: 'Lovelace',
          email: 'ada@example.com',
          role,
          status: 'active',
          createdAt: '2026-12-01T10:00:00.000Z',
          updatedAt: '2026-12-01T10:00:00.000Z',
          lastLoginAt: null,
        }
      : null,
  );
  const permissions = computed(() => {
    const current = user();
    return new Set<Permission>(current ? permissionsFor(current.role) : []);
  });
  return {
    user,
    signedIn: computed(() => user() !== null),
    displayName: computed(() => {
      const current = user();
      return current ? `${current.firstName} ${current.lastName}` : '';
    }),
    can: (permission: Permission) => permissions().has(permission),
    restore: () => Promise.resolve(),
    token: () => null,
    logout: jest.fn(() => of(undefined)),
    expire: jest.fn(),
  };
}
