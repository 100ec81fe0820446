import { hashPin, newPin, pinMatches, PIN_DIGITS } from './tip-pin';

describe('tipster PIN', () => {
  it('has at least 16 digits, and two PINs differ', () => {
    const a = newPin();
    const b = newPin();
    expect(a).toMatch(/^\d+$/);
    expect(a.length).toBeGreaterThanOrEqual(16);
    expect(a).toHaveLength(PIN_DIGITS);
    expect(a).not.toBe(b);
  });

  it('is stored as an argon2id hash that verifies only the same PIN', async () => {
    const pin = newPin();
    const hash = await hashPin(pin);
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(hash).not.toContain(pin);
    await expect(pinMatches(hash, pin)).resolves.toBe(true);
    await expect(pinMatches(hash, pin.replace(/.$/, (d) => String((Number(d) + 1) % 10)))).resolves.toBe(false);
    await expect(pinMatches('not-a-hash', pin)).resolves.toBe(false);
  });
});
