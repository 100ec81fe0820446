import * as argon2 from 'argon2';
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
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=2048,p=1,t=1\$/);
    expect(hash).not.toContain(pin);
    await expect(pinMatches(hash, pin)).resolves.toBe(true);
    await expect(pinMatches(hash, pin.replace(/.$/, (d) => String((Number(d) + 1) % 10)))).resolves.toBe(false);
    await expect(pinMatches('not-a-hash', pin)).resolves.toBe(false);
  });

  it('still verifies a PIN hashed with the earlier, costlier parameters', async () => {
    const pin = newPin();
    const earlier = await argon2.hash(pin, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    await expect(pinMatches(earlier, pin)).resolves.toBe(true);
    await expect(pinMatches(earlier, newPin())).resolves.toBe(false);
  });
});
