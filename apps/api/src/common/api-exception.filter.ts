import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ApiErrorBody, ErrorCode } from '@interakt/shared/api-contracts';
import type { Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { ApiException } from './api-exception';

const DEFAULT_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  429: 'TOO_MANY_ATTEMPTS',
  503: 'SERVICE_UNAVAILABLE',
};

/** What body-parser throws for a malformed or oversized body. */
interface BodyParserError {
  type: string;
  status: number;
}

function isBodyParserError(e: unknown): e is BodyParserError {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as BodyParserError).type === 'string' &&
    typeof (e as BodyParserError).status === 'number'
  );
}

/**
 * Gives every error the SPEC §4 body `{statusCode, error, code, message}`. Unexpected errors
 * become a plain 500: their message, stack and any SQL stay out of the response and the log.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    const { status, code, message, headers } = this.describe(exception, http.getRequest<{ id?: string }>().id);
    const body: ApiErrorBody = { statusCode: status, error: STATUS_CODES[status] ?? 'Error', code, message };
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    res.status(status).json(body);
  }

  private describe(
    exception: unknown,
    requestId: string | undefined,
  ): { status: number; code: ErrorCode; message: string | string[]; headers: Record<string, string> } {
    if (exception instanceof ApiException) {
      return {
        status: exception.getStatus(),
        code: exception.code,
        message: exception.getResponse() as string | string[],
        headers: exception.headers,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'object' && response !== null && 'message' in response
          ? (response as { message: string | string[] }).message
          : exception.message;
      return { status, code: DEFAULT_CODES[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'VALIDATION_FAILED'), message, headers: {} };
    }
    if (isBodyParserError(exception) && exception.status >= 400 && exception.status < 500) {
      const message =
        exception.type === 'entity.parse.failed' ? 'The request body is not valid JSON' : 'The request body could not be read';
      return { status: exception.status, code: 'VALIDATION_FAILED', message, headers: {} };
    }
    const name = exception instanceof Error ? exception.constructor.name : typeof exception;
    const sqlState = (exception as { code?: unknown })?.code;
    this.logger.error({ requestId, err: { type: name, ...(typeof sqlState === 'string' ? { code: sqlState } : {}) } }, 'Unexpected error');
    return { status: HttpStatus.INTERNAL_SERVER_ERROR, code: 'INTERNAL_ERROR', message: 'Internal server error', headers: {} };
  }
}
