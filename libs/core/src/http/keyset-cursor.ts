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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/** 2026-02-30 parses in JavaScript but not in PostgreSQL: the calendar day must survive a round trip. */
function isRealInstant(at: string): boolean {
  if (!ISO_INSTANT.test(at)) return false;
  const time = Date.parse(at);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 19) === at.slice(0, 19);
}

/** A cursor is opaque to callers, so anything but one this server made is refused with 422. */
export function decodeCursor(cursor: string | undefined): KeysetPosition | null {
  if (!cursor) return null;
  try {
    const position: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(position) && position.length === 2) {
      const [at, id] = position;
      if (typeof at === 'string' && isRealInstant(at) && typeof id === 'string' && UUID.test(id)) return { at, id };
    }
  } catch {
    /* an unreadable cursor is answered below */
  }
  throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'cursor is not valid', 422, [{ field: 'cursor', message: 'use nextCursor from the previous page' }]);
}
