import { HttpException, type HttpStatus } from '@nestjs/common';
import type { ErrorCode } from '@interakt/shared/api-contracts';

/**
 * An error with a SPEC §4 `code`. Services throw these (or subclasses per domain);
 * the exception filter turns them into the error body once.
 */
export class ApiException extends HttpException {
  constructor(
    readonly code: ErrorCode,
    status: HttpStatus,
    message: string | string[],
    readonly headers: Record<string, string> = {},
  ) {
    super(message, status);
  }
}
