import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOperation, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Permission } from '@interakt/shared/auth-model';
import { ApiErrorResponse } from '../../common/openapi';

export const REQUIRED_PERMISSIONS = 'interakt:permissions';
export const USER_ONLY = 'interakt:user-only';

export interface AuthenticatedOptions {
  /** The permission of SPEC §2 the route needs; none: any signed-in caller. */
  permission?: Permission;
  summary: string;
  /** About one's own account (me, logout, change-password): a user's login token, not an access token. */
  userOnly?: boolean;
}

/**
 * One decorator per endpoint: the permission the global guard checks and its OpenAPI
 * description together, so the two cannot drift apart.
 */
export function Authenticated({ permission, summary, userOnly = false }: AuthenticatedOptions) {
  const description = permission
    ? `Requires the \`${permission}\` permission.`
    : userOnly
      ? 'Any signed-in user (a login token; application access tokens get 403).'
      : 'Any signed-in user.';
  return applyDecorators(
    SetMetadata(REQUIRED_PERMISSIONS, permission ? [permission] : []),
    SetMetadata(USER_ONLY, userOnly),
    ApiOperation({ summary, description }),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ type: ApiErrorResponse, description: 'UNAUTHENTICATED: no, invalid, expired or revoked token' }),
    ...(permission
      ? [ApiForbiddenResponse({ type: ApiErrorResponse, description: `PERMISSION_DENIED: the caller lacks \`${permission}\`` })]
      : []),
    ...(userOnly ? [ApiForbiddenResponse({ type: ApiErrorResponse, description: 'PERMISSION_DENIED: called with an access token' })] : []),
  );
}
