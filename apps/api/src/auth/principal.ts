import type { Role } from '@interakt/shared/auth-model';

/** Who is calling, as the authentication guard established it from the database on this request. */
export interface UserPrincipal {
  type: 'user';
  id: string;
  role: Role;
  email: string;
  name: string;
  /** The login token's id and expiry (seconds since epoch), for logout. */
  tokenId: string;
  tokenExpiresAt: number;
}

/** An application access token (SPEC §4): the permissions of its role, attributed to the token. */
export interface TokenPrincipal {
  type: 'token';
  id: string;
  role: Role;
  name: string;
}

export type Principal = UserPrincipal | TokenPrincipal;

/** The request as the guards leave it. */
export interface AuthenticatedRequest {
  principal?: Principal;
  ip?: string;
  query?: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
}
