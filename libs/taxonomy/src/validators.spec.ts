import { isValidResidentId, isValidUscc, residentIdCheckCharacter, toE164, usccCheckCharacter } from './validators';

describe('isValidUscc', () => {
  it.each(['9122010192U5449G34', '9122030197MAB44W99', '9122030128TNLYJN45', '9122010188QDBW7B9W'])('accepts the sample %s', (code) => {
    expect(isValidUscc(code)).toBe(true);
  });

  it('accepts the example of contracts.md, whose check character is A', () => {
    expect(usccCheckCharacter('91220101MA0Y3K2X1')).toBe('A');
    expect(isValidUscc('91220101MA0Y3K2X1A')).toBe(true);
  });

  it('maps a remainder of 0 to the check character 0', () => {
    // sum ≡ 0 (mod 31): 31 - 0 = 31 → 0
    expect(usccCheckCharacter('00000000000000000')).toBe('0');
  });

  it.each([
    ['wrong check character', '91220101MA0Y3K2X1B'],
    ['too short', '91220101MA0Y3K2X1'],
    ['a letter outside the charset (I)', '91220101MA0Y3K2XIA'],
    ['a letter outside the charset (O)', '9122010192U5449GO4'],
    ['empty', ''],
  ])('rejects %s', (_why, code) => {
    expect(isValidUscc(code)).toBe(false);
  });

  it('ignores case and surrounding spaces', () => {
    expect(isValidUscc(' 9122030197mab44w99 ')).toBe(true);
    expect(isValidUscc(null)).toBe(false);
  });
});

describe('isValidResidentId', () => {
  const now = new Date('2026-03-15T00:00:00Z');

  it('accepts an ID with its check digit and birth date', () => {
    expect(isValidResidentId('220102198001011234', now)).toBe(true);
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    expect(isValidResidentId('11010519491231002X', now)).toBe(true);
    expect(isValidResidentId('11010519491231002x', now)).toBe(true);
  });

  it.each([
    ['a wrong check digit', '220102198001011235'],
    ['an impossible date', `22010219800230${'123'}`],
    ['a birth date in the future', '220102203001011234'],
    ['a birth before 1900', '220102180001011234'],
    ['15 digits', '220102800101123'],
    ['letters', '22010219800101123A'],
  ])('rejects %s', (_why, id) => {
    expect(isValidResidentId(id, now)).toBe(false);
  });

  it('rejects an impossible date even with a matching check digit', () => {
    const first17 = '22010219800230123';
    expect(isValidResidentId(first17 + residentIdCheckCharacter(first17), now)).toBe(false);
  });
});

describe('toE164', () => {
  it.each([
    ['13912345678', '+8613912345678'],
    ['0431-88886666', '+8643188886666'],
    ['043188886666', '+8643188886666'],
    ['+86 138-0431-1234', '+8613804311234'],
    ['+86 431 8888 6666', '+8643188886666'],
    ['86043188886666', '+8643188886666'],
    ['008613912345678', '+8613912345678'],
    ['(0431)88886666', '+8643188886666'],
    ['0431-88886666转123', '+8643188886666'],
    ['0439-3211234', '+864393211234'],
    ['+1 650 253 0000', '+16502530000'],
  ])('%s → %s', (input, expected) => {
    expect(toE164(input)).toBe(expected);
  });

  it.each(['', '   ', 'abc', '12345', '12315', '88886666', '0431-888866'])('returns null for %p', (input) => {
    expect(toE164(input)).toBeNull();
  });

  it.each([
    ['043488276284', '+8643488276284'],
    ['17771073420', '+8617771073420'],
  ])('keeps a number of the right shape that the metadata does not know: %p', (input, expected) => {
    expect(toE164(input)).toBe(expected);
  });

  it('returns null for a missing value', () => {
    expect(toE164(null)).toBeNull();
    expect(toE164(undefined)).toBeNull();
  });
});
