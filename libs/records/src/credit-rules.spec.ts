import { delistingDue, LARGE_FINE_FEN, listingReason, RecordedCase, subjectKey } from './credit-rules';

const at = (iso: string) => new Date(iso);
const penalized = (decidedAt: string, extra: Partial<RecordedCase> = {}): RecordedCase => ({ outcome: 'PENALIZED', fineFen: 500_000, penalties: ['FINE'], decidedAt: at(decidedAt), ...extra });

describe('blacklist rules', () => {
  const now = at('2026-06-01T00:00:00Z');

  it('lists a subject with two PENALIZED cases within 3 years, not with one', () => {
    expect(listingReason([penalized('2026-01-01T00:00:00Z')], now)).toBeNull();
    expect(listingReason([penalized('2026-01-01T00:00:00Z'), penalized('2024-01-01T00:00:00Z')], now)).toBe('REPEATED_PENALTIES');
  });

  it('does not count a penalty older than 3 years', () => {
    expect(listingReason([penalized('2026-01-01T00:00:00Z'), penalized('2023-05-31T00:00:00Z')], now)).toBeNull();
  });

  it('lists at once for a transfer, a revoked licence or a fine of ¥100,000', () => {
    expect(listingReason([{ outcome: 'TRANSFERRED', fineFen: 0, penalties: [], decidedAt: at('2026-05-01T00:00:00Z') }], now)).toBe('TRANSFERRED_TO_POLICE');
    expect(listingReason([penalized('2026-05-01T00:00:00Z', { penalties: ['LICENCE_REVOKED'] })], now)).toBe('LICENCE_REVOKED');
    expect(listingReason([penalized('2026-05-01T00:00:00Z', { fineFen: LARGE_FINE_FEN })], now)).toBe('LARGE_FINE');
    expect(listingReason([penalized('2026-05-01T00:00:00Z', { fineFen: LARGE_FINE_FEN - 1 })], now)).toBeNull();
  });

  it('delists 3 years after the last case, or after an ADMIN listing when that is later', () => {
    expect(delistingDue(at('2023-06-02T00:00:00Z'), null, now)).toBe(false);
    expect(delistingDue(at('2023-06-01T00:00:00Z'), null, now)).toBe(true);
    expect(delistingDue(at('2022-01-01T00:00:00Z'), at('2025-01-01T00:00:00Z'), now)).toBe(false);
  });

  it('keys a subject by a valid USCC, else by normalised name and region', () => {
    expect(subjectKey({ uscc: '91220101MA0Y3L5K2X', usccValid: true, nameNorm: '宏达超市', regionCode: '220100' })).toBe('uscc:91220101MA0Y3L5K2X');
    expect(subjectKey({ uscc: '91220101MA0Y3L5K2Y', usccValid: false, nameNorm: '宏达超市', regionCode: '220100' })).toBe('name:220100:宏达超市');
    expect(subjectKey({ uscc: null, usccValid: null, nameNorm: null, regionCode: '220100' })).toBeNull();
  });
});
