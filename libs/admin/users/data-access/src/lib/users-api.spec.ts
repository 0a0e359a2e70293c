import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { convertToParamMap } from '@angular/router';
import { userListParams, userListStateFrom } from './user-list-state';
import { UsersApi } from './users-api';

describe('UsersApi', () => {
  let sut: UsersApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    sut = TestBed.inject(UsersApi);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it('lists with the set filters only', () => {
    sut.list({ search: 'ada', role: undefined, status: 'active', page: 2, pageSize: 20, sort: 'name', order: 'asc' }).subscribe();
    const req = http.expectOne((r) => r.url === '/api/users');
    expect(req.request.params.toString()).toBe('search=ada&status=active&page=2&pageSize=20&sort=name&order=asc');
  });

  it('uses the routes of SPEC §4 for each change', () => {
    const id = '7b0f5a3e-0000-4000-8000-000000000001';
    sut.update(id, { role: 'moderator' }).subscribe();
    sut.setPassword(id, { generatePassword: true }).subscribe();
    sut.deactivate(id).subscribe();
    sut.activate(id).subscribe();
    sut.delete(id).subscribe();
    const calls = [
      ['PATCH', `/api/users/${id}`],
      ['POST', `/api/users/${id}/password`],
      ['POST', `/api/users/${id}/deactivate`],
      ['POST', `/api/users/${id}/activate`],
      ['DELETE', `/api/users/${id}`],
    ];
    for (const [method, url] of calls) expect(http.expectOne({ method, url }).request.url).toBe(url);
  });
});

describe('user list state in the URL', () => {
  it('reads every filter, the page and the sort, and falls back on anything malformed', () => {
    expect(
      userListStateFrom(
        convertToParamMap({ search: ' ada ', role: 'admin', status: 'inactive', page: '3', pageSize: '50', sort: 'email', order: 'desc' }),
      ),
    ).toEqual({
      search: 'ada',
      role: 'admin',
      status: 'inactive',
      page: 3,
      pageSize: 50,
      sort: 'email',
      order: 'desc',
    });
    expect(userListStateFrom(convertToParamMap({ role: 'root', page: '-1', pageSize: '1000', sort: 'password' }))).toEqual({
      search: undefined,
      role: undefined,
      status: undefined,
      page: 1,
      pageSize: 20,
      sort: 'createdAt',
      order: 'desc',
    });
    expect(userListStateFrom(convertToParamMap({ sort: 'name' })).order).toBe('asc');
  });

  it('writes short links: defaults and empty values are left out', () => {
    expect(userListParams({ search: 'ada', page: 1, pageSize: 20, sort: 'createdAt', order: 'desc' })).toEqual({
      search: 'ada',
      role: null,
      status: null,
      page: null,
      pageSize: null,
      sort: null,
      order: null,
    });
    expect(userListParams({ role: 'user', page: 2, pageSize: 50, sort: 'name', order: 'desc' })).toMatchObject({
      role: 'user',
      page: 2,
      pageSize: 50,
      sort: 'name',
      order: 'desc',
    });
  });
});
