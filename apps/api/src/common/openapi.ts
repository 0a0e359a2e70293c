import { ApiProperty } from '@nestjs/swagger';
import { ERROR_CODES, type ApiErrorBody, type ErrorCode } from '@interakt/shared/api-contracts';

/** The SPEC §4 error body, for the OpenAPI document. */
export class ApiErrorResponse implements ApiErrorBody {
  @ApiProperty({ example: 409 }) statusCode!: number;
  @ApiProperty({ example: 'Conflict' }) error!: string;
  @ApiProperty({ enum: ERROR_CODES, example: 'LAST_ADMIN' }) code!: ErrorCode;
  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    example: 'At least one active admin must remain',
  })
  message!: string | string[];
}
