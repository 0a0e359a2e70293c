import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOperation, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Permission } from '@interakt/shared/auth-model';
import { ApiErrorResponse } from '../../common/openapi';

export const REQUIRED_PERMISSIONS = 'interakt:permissions';

export interface AuthenticatedOptions {
  /** The permission of SPEC §2 the route needs; none: any signed-in caller. */
  permission?: Permission;
  summary: string;
}

/**
 * One decorator per endpoint: the permission the global guard checks and its OpenAPI
 * description together, so the two cannot drift apart.
 */
export function Authenticated({ permission, summary }: AuthenticatedOptions) {
  return applyDecorators(
    SetMetadata(REQUIRED_PERMISSIONS, permission ? [permission] : []),
    ApiOperation({ summary, description: permission ? `Requires the \`${permission}\` permission.` : 'Any signed-in user.' }),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ type: ApiErrorResponse, description: 'UNAUTHENTICATED: no, invalid, expired or revoked token' }),
    ...(permission
      ? [ApiForbiddenResponse({ type: ApiErrorResponse, description: `PERMISSION_DENIED: the caller lacks \`${permission}\`` })]
      : []),
  );
}
