import { newTrackingCode } from './tracking-code';

describe('tracking code', () => {
  it('uses the Beijing receipt date', () => {
    expect(newTrackingCode(new Date('2026-03-14T17:00:00Z'))).toMatch(/^JL260315\d{7}$/);
    expect(newTrackingCode(new Date('2026-03-14T15:59:59Z'))).toMatch(/^JL260314\d{7}$/);
  });

  it('is random in its last seven digits', () => {
    const codes = new Set(Array.from({ length: 200 }, () => newTrackingCode(new Date())));
    expect(codes.size).toBeGreaterThan(195);
  });
});
