import { FormControl, FormGroup } from '@angular/forms';
import { convertToParamMap } from '@angular/router';
import { passwordsMatch } from './password-match';
import { compactParams, intParam, oneOfParam } from './query-params';

describe('query params', () => {
  const params = convertToParamMap({ page: '3', size: '0', bad: '2x', role: 'admin', other: 'root' });

  it('reads whole numbers within bounds, else the fallback', () => {
    expect(intParam(params, 'page', 1)).toBe(3);
    expect(intParam(params, 'size', 20, 1, 100)).toBe(20);
    expect(intParam(params, 'bad', 1)).toBe(1);
    expect(intParam(params, 'missing', 7)).toBe(7);
  });

  it('reads only allowed values', () => {
    expect(oneOfParam(params, 'role', ['admin', 'user'] as const)).toBe('admin');
    expect(oneOfParam(params, 'other', ['admin', 'user'] as const)).toBeUndefined();
  });

  it('drops empty values and defaults (null removes them from the URL)', () => {
    expect(compactParams({ search: '', role: 'user', page: 1, pageSize: 50, status: undefined }, { page: 1, pageSize: 20 })).toEqual({
      search: null,
      role: 'user',
      page: null,
      pageSize: 50,
      status: null,
    });
  });
});

describe('passwordsMatch', () => {
  it('marks the confirmation when the two differ, and clears it when they agree', () => {
    const sut = new FormGroup(
      { password: new FormControl('one long password'), confirm: new FormControl('another') },
      { validators: passwordsMatch('password', 'confirm') },
    );
    expect(sut.hasError('mismatch')).toBe(true);
    expect(sut.controls.confirm.hasError('mismatch')).toBe(true);
    sut.controls.confirm.setValue('one long password');
    expect(sut.valid).toBe(true);
    expect(sut.controls.confirm.errors).toBeNull();
  });
});
