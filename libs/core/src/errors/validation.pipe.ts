import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { findInvalidText } from '../validation/invalid-text';
import { ErrorDetail, Invalid } from './domain-error';

/** class-validator errors as field details (`reporter.phone`, …). */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}

/**
 * DTO validation answering 422 VALIDATION_FAILED with every field named; before any DTO rule,
 * every string of the body, query and path (NUL, unpaired surrogates) must be valid text.
 */
class HubValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const invalid = findInvalidText(value, metadata.type === 'param' ? (metadata.data ?? '') : '');
      if (invalid) throw Invalid(`${invalid.field} is not valid text`, [invalid]);
    }
    return super.transform(value, metadata);
  }
}

export const hubValidationPipe = () =>
  new HubValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => Invalid('Request is invalid', flattenValidationErrors(errors)),
  });
