import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { PageQueryDto } from '../../common/page-query.dto';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ROLES, type Role } from '@interakt/shared/auth-model';
import {
  USER_SORT_FIELDS,
  USER_STATUSES,
  type SortOrder,
  type UserListQuery,
  type UserSortField,
  type UserStatus,
} from '@interakt/shared/api-contracts';

export const SORT_ORDERS: readonly SortOrder[] = ['asc', 'desc'];

/** Query string of `GET /api/users` (SPEC §4). Numbers arrive as strings and are converted here. */
export class ListUsersQueryDto extends PageQueryDto implements UserListQuery {
  @ApiPropertyOptional({
    description: 'Case-insensitive substring of the first name, last name, full name ("first last") or email; % _ \\ are literal',
    maxLength: 200,
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(200)
  search?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ enum: USER_STATUSES })
  @IsOptional()
  @IsIn(USER_STATUSES)
  status?: UserStatus;

  @ApiPropertyOptional({ enum: USER_SORT_FIELDS, default: 'createdAt', description: '"name" sorts by "first last", case-insensitively' })
  @IsOptional()
  @IsIn(USER_SORT_FIELDS)
  sort: UserSortField = 'createdAt';

  @ApiPropertyOptional({ enum: SORT_ORDERS, description: 'Default: desc for createdAt (newest first), asc for the other fields' })
  @IsOptional()
  @IsIn(SORT_ORDERS)
  order?: SortOrder;
}
