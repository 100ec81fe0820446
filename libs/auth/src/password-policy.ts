import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN_LENGTH = 12;
/** zxcvbn's 0–4 scale: 3 is "safely unguessable" (about 10^8 guesses and more). */
const MIN_STRENGTH = 3;

const estimator = new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });

/**
 * Why a staff password is refused, or null: too short, or guessable — a common password
 * (zxcvbn's list of the most used ones), a keyboard walk, a sequence, a repetition, or
 * built from the account's own name.
 */
export function passwordProblem(password: string, accountWords: string[] = []): string | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return `at least ${PASSWORD_MIN_LENGTH} characters`;
  const estimate = estimator.check(password, accountWords.filter(Boolean));
  if (estimate.score < MIN_STRENGTH) return 'too easy to guess (a common password, a sequence, or the account’s own name); use a longer passphrase';
  return null;
}
