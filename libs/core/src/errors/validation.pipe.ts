import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ErrorDetail, Invalid } from './domain-error';

function flatten(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** DTO validation answering 422 VALIDATION_FAILED with every field named. */
export const hubValidationPipe = () =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => Invalid('Request is invalid', flatten(errors)),
  });
