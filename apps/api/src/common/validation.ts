import { HttpStatus, ValidationPipe, type ValidationError } from '@nestjs/common';
import { ApiException } from './api-exception';

function messages(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((e) => {
    const path = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) => (m.startsWith(e.property) ? m.replace(e.property, path) : m));
    return [...own, ...messages(e.children ?? [], path)];
  });
}

/** class-validator on every body and query: unknown fields refused, values transformed. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ApiException('VALIDATION_FAILED', HttpStatus.BAD_REQUEST, messages(errors)),
  });
}
