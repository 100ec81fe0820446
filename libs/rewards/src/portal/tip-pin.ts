import * as argon2 from 'argon2';
import { randomInt } from 'node:crypto';

/** 18 decimal digits from the CSPRNG: about 60 bits, beyond guessing within the lookup limits. */
export const PIN_DIGITS = 18;

/**
 * argon2id, salted, at 2 MiB and one pass (about 1 ms). A PIN is not a password someone chose: it is
 * 60 random bits, so guessing one from a stolen hash takes some 2^59 hashes (millions of core-years)
 * at any cost per hash. The password-grade 19 MiB × 2 passes (24 ms of CPU) bought nothing more and
 * was most of the worker's time per ticket under a flood of reports. Hashes made with other
 * parameters still verify: argon2 keeps them in the hash.
 */
export const PIN_HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 2048, timeCost: 1, parallelism: 1 } as const;

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
