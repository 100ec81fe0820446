import * as argon2 from 'argon2';
import { randomInt } from 'node:crypto';

/** 18 decimal digits from the CSPRNG: about 60 bits, beyond guessing within the lookup limits. */
export const PIN_DIGITS = 18;

/** argon2id at OWASP's recommended minimum (19 MiB, 2 passes, 1 lane): slow to guess, bearable on a small server. */
export const PIN_HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function newPin(): string {
  let pin = '';
  for (let i = 0; i < PIN_DIGITS; i++) pin += String(randomInt(0, 10));
  return pin;
}

export const hashPin = (pin: string) => argon2.hash(pin, PIN_HASH_OPTIONS);

/** Never throws: a malformed hash or PIN is simply no match. */
export async function pinMatches(hash: string, pin: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, pin);
  } catch {
    return false;
  }
}
