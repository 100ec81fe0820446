import { formatFen, yuanToFen } from './money';

describe('money on screen', () => {
  it('shows fen as yuan with two decimals and thousands separators', () => {
    expect(formatFen(500000)).toBe('¥5,000.00');
    expect(formatFen(1_234_560)).toBe('¥12,345.60');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(null)).toBe('—');
  });

  it('reads yuan as typed into fen without floating-point loss', () => {
    expect(yuanToFen('12,345.6')).toBe(1_234_560);
    expect(yuanToFen('0.1')).toBe(10);
    expect(yuanToFen('0.29')).toBe(29);
    expect(yuanToFen('¥ 5000')).toBe(500_000);
    expect(yuanToFen('1，000.01')).toBe(100_001);
  });

  it('refuses what is not an amount of money', () => {
    expect(yuanToFen('1.005')).toBeNull();
    expect(yuanToFen('-5')).toBeNull();
    expect(yuanToFen('abc')).toBeNull();
    expect(yuanToFen('')).toBeNull();
    expect(yuanToFen(undefined)).toBeNull();
  });
});
