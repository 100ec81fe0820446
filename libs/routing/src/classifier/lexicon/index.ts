import { CATEGORY_ENTRIES } from './category-lexicon';
import type { Lexicon } from './lexicon-types';
import { STAGE_ENTRIES } from './stage-lexicon';
import { VIOLATION_ENTRIES } from './violation-lexicon';

export * from './lexicon-types';
export { LABEL_NAMES, HEAD_NAMES } from './labels';

export const DEFAULT_LEXICON: Lexicon = {
  version: 'lexicon-2026-12-02.1',
  entries: { category: CATEGORY_ENTRIES, violation: VIOLATION_ENTRIES, stage: STAGE_ENTRIES },
};
