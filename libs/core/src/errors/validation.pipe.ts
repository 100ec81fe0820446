import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ErrorDetail, Invalid } from './domain-error';

/** class-validator errors as field details (`reporter.phone`, …). */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}

/** DTO validation answering 422 VALIDATION_FAILED with every field named. */
export const hubValidationPipe = () =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => Invalid('Request is invalid', flattenValidationErrors(errors)),
  });
