import type { Permission } from '@interakt/shared/auth-model';
import type { UserDto } from './users';

export interface LoginRequest {
  email: string;
  password: string;
}

export interface LoginResponse {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds until the token expires. */
  expiresIn: number;
  user: UserDto;
}

export interface MeResponse {
  user: UserDto;
  permissions: Permission[];
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}
