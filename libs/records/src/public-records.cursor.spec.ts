import { containsPattern } from './credit-records.service';
import { decodeCursor, encodeCursor } from './public-records.service';

describe('public disclosure paging and search', () => {
  it('round-trips a keyset cursor and refuses one it did not make', () => {
    const at = new Date('2026-05-20T02:00:00.123Z');
    const id = '3f1c1a52-8a52-4b8e-9c55-1b0f4f8c2a10';
    expect(decodeCursor(encodeCursor(at, id))).toEqual({ at, id });
    expect(() => decodeCursor('bm90LWEtY3Vyc29y')).toThrow('Unknown cursor');
    expect(decodeCursor(undefined)).toBeNull();
  });

  it('takes LIKE wildcards in a search literally', () => {
    expect(containsPattern('宏达')).toBe('%宏达%');
    expect(containsPattern('100%_\\')).toBe('%100\\%\\_\\\\%');
  });
});
