import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { Router } from '@angular/router';
import type { LoginResponse, MeResponse, UserDto } from '@interakt/shared/api-contracts';
import { permissionsFor, type Permission } from '@interakt/shared/auth-model';
import { catchError, firstValueFrom, map, of, type Observable, tap } from 'rxjs';
import { AuthApi } from './auth-api';
import { TOKEN_STORAGE_KEY, TokenStorage } from './token-storage';

interface Session {
  readonly user: UserDto;
  readonly permissions: readonly Permission[];
}

/** Only same-app paths are followed after sign-in: no `//host` or `https:` open redirects. */
export function safeReturnUrl(url: string | null | undefined): string {
  return url && url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\') && !url.startsWith('/login') ? url : '/';
}

/**
 * The signed-in user and what their role may do. Permissions come from `GET /api/auth/me`; right
 * after sign-in (whose response has no permission list) from the shared matrix for the user's role.
 * The UI only hides what `can()` refuses; the API decides.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly api = inject(AuthApi);
  private readonly storage = inject(TokenStorage);
  private readonly router = inject(Router);
  private readonly session = signal<Session | null>(null);

  readonly user = computed(() => this.session()?.user ?? null);
  readonly signedIn = computed(() => this.session() !== null);
  readonly permissions = computed(() => new Set<Permission>(this.session()?.permissions ?? []));
  readonly displayName = computed(() => {
    const user = this.user();
    return user ? `${user.firstName} ${user.lastName}` : '';
  });

  constructor() {
    // Signed out in another tab: this tab follows.
    const onStorage = (event: StorageEvent) => {
      if (event.key === TOKEN_STORAGE_KEY && event.newValue === null && this.signedIn()) this.expire();
    };
    window.addEventListener('storage', onStorage);
    inject(DestroyRef).onDestroy(() => window.removeEventListener('storage', onStorage));
  }

  /** Whether the signed-in user's role has this permission (reactive: reads a signal). */
  can(permission: Permission): boolean {
    return this.permissions().has(permission);
  }

  token(): string | null {
    return this.storage.read();
  }

  /** At start: a kept token becomes a session through `/auth/me`; a dead one is dropped. */
  async restore(): Promise<void> {
    if (!this.storage.read()) return;
    await firstValueFrom(this.reload().pipe(catchError(() => of(null))));
  }

  /** Re-reads the user and permissions (after a change to one's own account). */
  reload(): Observable<MeResponse> {
    return this.api.me().pipe(
      tap({
        next: (me) => this.session.set({ user: me.user, permissions: me.permissions }),
        error: () => this.clear(),
      }),
    );
  }

  login(email: string, password: string): Observable<UserDto> {
    return this.api.login({ email, password }).pipe(
      tap((res) => this.start(res)),
      map((res) => res.user),
    );
  }

  /** Needs the current password; the server revokes every older token and returns a fresh one. */
  changePassword(currentPassword: string, newPassword: string): Observable<UserDto> {
    return this.api.changePassword({ currentPassword, newPassword }).pipe(
      tap((res) => this.start(res)),
      map((res) => res.user),
    );
  }

  /** Revokes the token on the server (best effort), forgets it, and shows the sign-in page. */
  logout(): Observable<void> {
    return this.api.logout().pipe(
      catchError(() => of(undefined)),
      map(() => undefined),
      tap(() => {
        this.clear();
        void this.router.navigate(['/login']);
      }),
    );
  }

  /** The server said 401: forget the token and ask for a sign-in, then come back here. */
  expire(): void {
    this.clear();
    const current = this.router.url;
    if (current.startsWith('/login')) return;
    void this.router.navigate(['/login'], { queryParams: current && current !== '/' ? { returnUrl: current } : {} });
  }

  private start(res: LoginResponse): void {
    this.storage.write(res.accessToken);
    this.session.set({ user: res.user, permissions: permissionsFor(res.user.role) });
  }

  private clear(): void {
    this.storage.clear();
    this.session.set(null);
  }
}
