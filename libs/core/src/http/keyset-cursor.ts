import { ERROR_CODES } from '@hub/contracts';
import { DomainError } from '../errors/domain-error';

/** An opaque keyset cursor: the sort time and id of the last row of a page. */
export interface KeysetPosition {
  at: string;
  id: string;
}

export function encodeCursor(at: Date | string, id: string): string {
  return Buffer.from(JSON.stringify([typeof at === 'string' ? at : at.toISOString(), id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): KeysetPosition | null {
  if (!cursor) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof at === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(at))) return { at, id };
  } catch {
    /* an unreadable cursor is answered below */
  }
  throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'cursor is not valid', 422, [{ field: 'cursor', message: 'use nextCursor from the previous page' }]);
}
