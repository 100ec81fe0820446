import { ERROR_CODES } from '@hub/contracts';

/** A failure the caller can act on: a stable code, an HTTP status, field details. */
export interface ErrorDetail {
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details: ErrorDetail[] = [],
    readonly headers: Record<string, string> = {},
    /** extra top-level response fields (e.g. intake's rawId, accepted, rejected) */
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const NotFound = (what = 'Not found') => new DomainError(ERROR_CODES.NOT_FOUND, what, 404);
export const Unauthorized = (message = 'Missing or invalid credentials') => new DomainError(ERROR_CODES.UNAUTHORIZED, message, 401);
export const Forbidden = (message = 'Not allowed for your role') => new DomainError(ERROR_CODES.FORBIDDEN, message, 403);
export const Conflict = (code: string, message: string) => new DomainError(code, message, 409);
export const Invalid = (message: string, details: ErrorDetail[] = []) => new DomainError(ERROR_CODES.VALIDATION_FAILED, message, 422, details);
export const Unavailable = (message: string, retryAfterSeconds = 5) =>
  new DomainError(ERROR_CODES.SERVICE_UNAVAILABLE, message, 503, [], { 'Retry-After': String(retryAfterSeconds) });
