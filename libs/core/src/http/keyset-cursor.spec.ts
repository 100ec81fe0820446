import { decodeCursor, encodeCursor } from './keyset-cursor';

describe('keyset cursors', () => {
  const id = '7f1c2a9e-2b1d-4c3e-9f00-1234567890ab';
  const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it('round-trips what the server made', () => {
    expect(decodeCursor(encodeCursor(new Date('2026-03-15T01:12:33.000Z'), id))).toEqual({ at: '2026-03-15T01:12:33.000Z', id });
    expect(decodeCursor(undefined)).toBeNull();
  });

  it.each([
    ['not base64 JSON', '!!!'],
    ['JSON that is not a pair', cursorOf({ at: 1 })],
    ['an id that is not a uuid', cursorOf(['2026-03-15T01:12:33.000Z', "1' OR '1'='1"])],
    ['a day that does not exist', cursorOf(['2026-02-30T00:00:00.000Z', id])],
    ['a time in another format', cursorOf(['15/03/2026', id])],
  ])('refuses %s with 422 naming cursor', (_, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(expect.objectContaining({ status: 422, details: [expect.objectContaining({ field: 'cursor' })] }));
  });
});
