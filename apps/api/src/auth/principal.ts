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

export type Principal = UserPrincipal;

/** The request as the guards leave it. */
export interface AuthenticatedRequest {
  principal?: Principal;
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
}
