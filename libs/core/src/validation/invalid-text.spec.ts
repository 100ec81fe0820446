import { findInvalidText, invalidTextProblem } from './invalid-text';

describe('invalid text', () => {
  it('accepts ordinary Chinese and English text, and characters outside the BMP as pairs', () => {
    expect(invalidTextProblem('超市卖的奶粉 milk 𠀋 😀')).toBeNull();
  });

  it('refuses a NUL and either half of a surrogate pair on its own', () => {
    expect(invalidTextProblem('张\u0000三')).toMatch(/NUL .* at 1/);
    expect(invalidTextProblem('a\uD800')).toMatch(/unpaired surrogate \(U\+D800\)/);
    expect(invalidTextProblem('\uDC00b')).toMatch(/U\+DC00/);
    expect(invalidTextProblem('\uDC00\uD800')).toMatch(/U\+DC00/);
  });

  it('names the path of the first bad value, keys included', () => {
    expect(findInvalidText({ reporter: { name: 'ok', phone: '1\u0000' } })).toEqual({ field: 'reporter.phone', message: expect.stringContaining('NUL') });
    expect(findInvalidText({ transcript: [{ text: 'ok' }, { text: '\uD83D' }] })).toMatchObject({ field: 'transcript[1].text' });
    expect(findInvalidText({ a: { ['k\u0000']: 1 } })).toMatchObject({ field: 'a', message: expect.stringContaining('field name') });
    expect(findInvalidText({ a: ['fine', 1, null, true] })).toBeNull();
  });
});
