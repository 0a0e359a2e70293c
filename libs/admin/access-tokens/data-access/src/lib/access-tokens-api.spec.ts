import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AccessTokensApi, TOKEN_LIFETIMES } from './access-tokens-api';

describe('AccessTokensApi', () => {
  it('creates, lists and revokes through /api/access-tokens; "never" is expiresInDays null', () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const sut = TestBed.inject(AccessTokensApi);
    const http = TestBed.inject(HttpTestingController);
    sut.create({ name: 'CI', role: 'user', expiresInDays: null }).subscribe();
    sut.list().subscribe();
    sut.revoke('7b0f5a3e-0000-4000-8000-000000000001').subscribe();
    expect(http.expectOne({ method: 'POST', url: '/api/access-tokens' }).request.body).toEqual({
      name: 'CI',
      role: 'user',
      expiresInDays: null,
    });
    http.expectOne({ method: 'GET', url: '/api/access-tokens' });
    http.expectOne({ method: 'DELETE', url: '/api/access-tokens/7b0f5a3e-0000-4000-8000-000000000001' });
    http.verify();
  });

  it('offers 7, 30, 90 and 365 days, and never', () => {
    expect(TOKEN_LIFETIMES.map((l) => l.days)).toEqual([7, 30, 90, 365, null]);
  });
});
