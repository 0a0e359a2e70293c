import type { Role } from '@interakt/shared/auth-model';
import type { AuditActorDto } from './audit';

/** Default and longest lifetime of an application access token, in days. */
export const ACCESS_TOKEN_DEFAULT_DAYS = 30;
export const ACCESS_TOKEN_MAX_DAYS = 365;

/** An application access token as listed: never the secret or its hash. */
export interface AccessTokenDto {
  id: string;
  name: string;
  role: Role;
  /** The first characters of the secret (`iak_` + 4), to tell tokens apart. */
  prefix: string;
  createdAt: string;
  /** null: never expires (only by an explicit choice). */
  expiresAt: string | null;
  lastUsedAt: string | null;
  createdBy: AuditActorDto;
}

export interface CreateAccessTokenRequest {
  name: string;
  role: Role;
  /** 1..365; absent: 30; null: never expires. */
  expiresInDays?: number | null;
}

/** `token` is the secret, shown this once. */
export interface CreateAccessTokenResponse {
  token: string;
  accessToken: AccessTokenDto;
}
