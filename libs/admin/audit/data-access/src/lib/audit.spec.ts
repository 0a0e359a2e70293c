import { convertToParamMap } from '@angular/router';
import { auditListParams, auditListStateFrom, auditQuery, formatDay, parseDay } from './audit-list-state';
import { describeDetails } from './describe-details';

describe('describeDetails', () => {
  it('shows what changed as before → after', () => {
    expect(describeDetails({ before: { role: 'user' }, after: { role: 'moderator' } })).toEqual(['role: user → moderator']);
    expect(describeDetails({ before: { firstName: 'Ada', email: 'a@x' }, after: { firstName: 'Augusta', email: 'b@x' } })).toEqual([
      'first name: Ada → Augusta',
      'email: a@x → b@x',
    ]);
  });

  it('lists what was created or deleted, and any other detail', () => {
    expect(describeDetails({ after: { email: 'ada@x', role: 'user' }, passwordGenerated: true })).toEqual([
      'email: ada@x',
      'role: user',
      'password generated: yes',
    ]);
    expect(describeDetails({ before: { email: 'ada@x' } })).toEqual(['email was ada@x']);
    expect(describeDetails({ email: 'who@x', reason: 'wrong_password' })).toEqual(['email: who@x', 'reason: wrong_password']);
    expect(describeDetails({ expiresAt: null })).toEqual(['expires: —']);
    expect(describeDetails({})).toEqual([]);
    expect(describeDetails(null)).toEqual([]);
  });
});

describe('audit list state', () => {
  it('reads action, actor, days and page from the URL, dropping anything malformed', () => {
    expect(
      auditListStateFrom(
        convertToParamMap({
          action: 'user.deleted',
          actorId: '7b0f5a3e-0000-4000-8000-000000000001',
          from: '2026-12-01',
          to: '2026-12-03',
          page: '2',
        }),
      ),
    ).toEqual({
      action: 'user.deleted',
      actorId: '7b0f5a3e-0000-4000-8000-000000000001',
      from: '2026-12-01',
      to: '2026-12-03',
      page: 2,
      pageSize: 20,
    });
    expect(auditListStateFrom(convertToParamMap({ action: 'drop table', actorId: 'nope', from: '2026-02-30', to: '12/3/2026' }))).toEqual({
      action: undefined,
      actorId: undefined,
      from: undefined,
      to: undefined,
      page: 1,
      pageSize: 20,
    });
  });

  it('asks the API from the start of the first day to the start of the day after the last', () => {
    const query = auditQuery({ from: '2026-12-01', to: '2026-12-03', page: 1, pageSize: 20 });
    expect(query.from).toBe(new Date(2026, 11, 1).toISOString());
    expect(query.to).toBe(new Date(2026, 11, 4).toISOString());
  });

  it('formats and parses local days, and keeps links short', () => {
    expect(formatDay(new Date(2026, 0, 5))).toBe('2026-01-05');
    expect(parseDay('2026-01-05')?.getDate()).toBe(5);
    expect(auditListParams({ action: 'auth.login', page: 1, pageSize: 20 })).toEqual({ action: 'auth.login', page: null, pageSize: null });
  });
});
