import { DEFAULT_LEXICON, type Lexicon, type TrainSettings } from '@hub/routing/classifier';
import { seededRandom } from './folds';

/**
 * The dictionaries were written with the public texts in view, so cross-validation flatters them.
 * Dropping a share of the terms at random imitates texts that use words the dictionaries lack.
 */
export function thinnedLexicon(dropShare: number, seed: number): Lexicon {
  const random = seededRandom(seed);
  const keep = (entry: { label: string | null }) => entry.label === null || random() >= dropShare;
  const { entries } = DEFAULT_LEXICON;
  return {
    version: `${DEFAULT_LEXICON.version}-thinned-${dropShare}-${seed}`,
    entries: { category: entries.category.filter(keep), violation: entries.violation.filter(keep), stage: entries.stage.filter(keep) },
  };
}

export function thinnedSettings(base: TrainSettings, dropShare: number, seed: number): TrainSettings {
  return { ...base, lexicon: thinnedLexicon(dropShare, seed) };
}
