import { jsonNestsDeeperThan } from './json-depth';

describe('JSON nesting depth, before parsing', () => {
  const nested = (n: number) => '['.repeat(n) + ']'.repeat(n);

  it('refuses 10,000 levels and allows the limit itself', () => {
    expect(jsonNestsDeeperThan(nested(10_000))).toBe(true);
    expect(jsonNestsDeeperThan(nested(32))).toBe(false);
    expect(jsonNestsDeeperThan(nested(33))).toBe(true);
    expect(jsonNestsDeeperThan('{"a":'.repeat(40))).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(jsonNestsDeeperThan(JSON.stringify({ text: '['.repeat(100) }))).toBe(false);
    expect(jsonNestsDeeperThan(JSON.stringify({ text: '\\"[[[[' + '{'.repeat(50) }))).toBe(false);
    expect(jsonNestsDeeperThan(`{"a":"\\\\"${'['.repeat(40)}`)).toBe(true);
  });
});
