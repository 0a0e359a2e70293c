import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { ApiError } from '@interakt/admin/shared/util';
import type { LoginResponse, UserDto } from '@interakt/shared/api-contracts';
import { firstValueFrom } from 'rxjs';
import { apiErrorInterceptor, authInterceptor } from './interceptors';
import { safeReturnUrl, SessionStore } from './session.store';
import { TOKEN_STORAGE_KEY } from './token-storage';

const user = (role: UserDto['role'] = 'admin'): UserDto => ({
  id: '7b0f5a3e-0000-4000-8000-000000000001',
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  role,
  status: 'active',
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  lastLoginAt: null,
});
const loginResponse = (token: string, role: UserDto['role'] = 'admin'): LoginResponse => ({
  accessToken: token,
  tokenType: 'Bearer',
  expiresIn: 900,
  user: user(role),
});

describe('SessionStore and the HTTP interceptors', () => {
  let sut: SessionStore;
  let http: HttpTestingController;
  let router: Router;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: '**', children: [] }]),
        provideHttpClient(withInterceptors([authInterceptor, apiErrorInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    sut = TestBed.inject(SessionStore);
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
  });

  afterEach(() => http.verify());

  it('signs in: keeps the token and takes the permissions of the role from the shared matrix', async () => {
    const done = firstValueFrom(sut.login('ada@example.com', 'a long enough password'));
    const req = http.expectOne('/api/auth/login');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ email: 'ada@example.com', password: 'a long enough password' });
    expect(req.request.headers.has('Authorization')).toBe(false);
    req.flush(loginResponse('jwt-1', 'moderator'));
    await done;

    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBe('jwt-1');
    expect(sut.signedIn()).toBe(true);
    expect(sut.displayName()).toBe('Ada Lovelace');
    expect(sut.can('content.write')).toBe(true);
    expect(sut.can('users.manage')).toBe(false);
  });

  it('turns a refused sign-in into an ApiError and does not end anything', async () => {
    const done = firstValueFrom(sut.login('ada@example.com', 'wrong')).catch((e: unknown) => e);
    http
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 401, error: 'Unauthorized', code: 'INVALID_CREDENTIALS', message: 'Invalid email or password' },
        { status: 401, statusText: 'Unauthorized' },
      );
    const error = (await done) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toBe('The email or password is not correct.');
    expect(sut.signedIn()).toBe(false);
  });

  it('restores a kept token through /auth/me, with the permissions the server lists', async () => {
    localStorage.setItem(TOKEN_STORAGE_KEY, 'kept');
    const done = sut.restore();
    const req = http.expectOne('/api/auth/me');
    expect(req.request.headers.get('Authorization')).toBe('Bearer kept');
    req.flush({ user: user('user'), permissions: ['content.read', 'playground.use'] });
    await done;
    expect(sut.user()?.role).toBe('user');
    expect(sut.can('content.read')).toBe(true);
    expect(sut.can('audit.view')).toBe(false);
  });

  it('drops a dead token at start without an error', async () => {
    localStorage.setItem(TOKEN_STORAGE_KEY, 'dead');
    const done = sut.restore();
    http
      .expectOne('/api/auth/me')
      .flush(
        { code: 'UNAUTHENTICATED', message: 'x', statusCode: 401, error: 'Unauthorized' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await done;
    expect(sut.signedIn()).toBe(false);
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
  });

  it('does not call the API at start without a token', async () => {
    await sut.restore();
    http.expectNone('/api/auth/me');
    expect(sut.signedIn()).toBe(false);
  });

  it('on a 401 of a signed-in call: forgets the token and goes to sign-in with the page to come back to', async () => {
    await signIn();
    await router.navigateByUrl('/admin/users?role=user');
    const call = firstValueFrom(TestBed.inject(HttpClient).get('/api/users')).catch((e: unknown) => e);
    http
      .expectOne('/api/users')
      .flush(
        { code: 'UNAUTHENTICATED', message: 'expired', statusCode: 401, error: 'Unauthorized' },
        { status: 401, statusText: 'Unauthorized' },
      );
    expect(await call).toBeInstanceOf(ApiError);
    await TestBed.inject(Router).navigated;
    await new Promise((r) => setTimeout(r));
    expect(router.url).toBe('/login?returnUrl=%2Fadmin%2Fusers%3Frole%3Duser');
    expect(sut.signedIn()).toBe(false);
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
  });

  it('sends the token only to the API', async () => {
    await signIn();
    TestBed.inject(HttpClient).get('https://elsewhere.example/x').subscribe();
    TestBed.inject(HttpClient).get('/api/users/stats').subscribe();
    expect(http.expectOne('https://elsewhere.example/x').request.headers.has('Authorization')).toBe(false);
    expect(http.expectOne('/api/users/stats').request.headers.get('Authorization')).toBe('Bearer jwt-1');
  });

  it('logs out: revokes on the server, forgets the token, shows sign-in — even when the server call fails', async () => {
    await signIn();
    const done = firstValueFrom(sut.logout());
    const req = http.expectOne('/api/auth/logout');
    expect(req.request.headers.get('Authorization')).toBe('Bearer jwt-1');
    req.flush(null, { status: 500, statusText: 'Server Error' });
    await done;
    await new Promise((r) => setTimeout(r));
    expect(sut.signedIn()).toBe(false);
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(router.url).toBe('/login');
  });

  it('keeps the fresh token after changing the own password', async () => {
    await signIn();
    const done = firstValueFrom(sut.changePassword('old one', 'a brand new passphrase'));
    const req = http.expectOne('/api/auth/change-password');
    expect(req.request.body).toEqual({ currentPassword: 'old one', newPassword: 'a brand new passphrase' });
    req.flush(loginResponse('jwt-2'));
    await done;
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBe('jwt-2');
  });

  async function signIn(): Promise<void> {
    const done = firstValueFrom(sut.login('ada@example.com', 'pw'));
    http.expectOne('/api/auth/login').flush(loginResponse('jwt-1'));
    await done;
  }
});

describe('safeReturnUrl', () => {
  it.each([
    ['/admin/users?role=user', '/admin/users?role=user'],
    [null, '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['/login?returnUrl=/x', '/'],
  ])('%s → %s', (input, expected) => {
    expect(safeReturnUrl(input)).toBe(expected);
  });
});
