import { Injectable } from '@angular/core';

/** Where the login token is kept in the browser (see docs/admin-app.md: localStorage, and why). */
export const TOKEN_STORAGE_KEY = 'interakt-admin.token';

/**
 * The login token in `localStorage`: it survives a reload and is shared by the tabs of one
 * browser profile, so a link opened in a new tab stays signed in. Nothing else is stored.
 */
@Injectable({ providedIn: 'root' })
export class TokenStorage {
  read(): string | null {
    try {
      return localStorage.getItem(TOKEN_STORAGE_KEY);
    } catch {
      return null;
    }
  }

  write(token: string): void {
    localStorage.setItem(TOKEN_STORAGE_KEY, token);
  }

  clear(): void {
    try {
      localStorage.removeItem(TOKEN_STORAGE_KEY);
    } catch {
      // Storage unavailable (privacy mode): nothing was stored either.
    }
  }
}
