import { hasPermission, PERMISSIONS, permissionsFor, ROLE_PERMISSIONS } from './permissions';
import { isRole, ROLES } from './roles';

describe('ROLE_PERMISSIONS', () => {
  it('matches the matrix of SPEC §2 exactly', () => {
    const matrix = Object.fromEntries(ROLES.map((role) => [role, PERMISSIONS.filter((p) => hasPermission(role, p))]));
    expect(matrix).toEqual({
      admin: [...PERMISSIONS],
      moderator: ['content.write', 'content.read', 'analytics.view', 'playground.use'],
      user: ['content.read', 'playground.use'],
    });
  });

  it('grants every permission to some role', () => {
    const granted = new Set(ROLES.flatMap((r) => permissionsFor(r)));
    expect([...PERMISSIONS].filter((p) => !granted.has(p))).toEqual([]);
  });

  it('lists each permission once per role', () => {
    for (const role of ROLES) {
      expect(new Set(ROLE_PERMISSIONS[role]).size).toBe(ROLE_PERMISSIONS[role].length);
    }
  });

  it('refuses what a role does not have', () => {
    expect(hasPermission('moderator', 'users.manage')).toBe(false);
    expect(hasPermission('user', 'content.write')).toBe(false);
    expect(hasPermission('admin', 'setup.reset')).toBe(true);
  });

  it('recognises roles', () => {
    expect(isRole('admin')).toBe(true);
    expect(isRole('Admin')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});
