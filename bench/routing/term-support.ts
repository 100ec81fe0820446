import { DEFAULT_LEXICON, type Lexicon, type LexiconEntry } from '@hub/routing/classifier';
import { normalizeText } from '@hub/routing/classifier/text';
import type { LabelledRecord } from './dataset';

const textOf = (record: LabelledRecord) => normalizeText([record.text, record.subjectName ?? '', record.address ?? ''].join('\n'));

/** For every dictionary term, how many of the records' texts contain it. */
export function termSupport(records: readonly LabelledRecord[], lexicon: Lexicon = DEFAULT_LEXICON): Map<string, number> {
  const texts = records.map(textOf);
  const support = new Map<string, number>();
  for (const entries of Object.values(lexicon.entries)) {
    for (const { term } of entries) if (!support.has(term)) support.set(term, texts.filter((t) => t.includes(term)).length);
  }
  return support;
}

/**
 * The dictionaries as if they had been written from the training texts alone: a term seen in the
 * labelled set stays only when at least `minTexts` training texts contain it, so no scored text
 * shaped an entry that scores it. Terms no labelled text contains (general vocabulary) stay; masks stay.
 */
export function lexiconSupportedBy(training: readonly LabelledRecord[], all: readonly LabelledRecord[], minTexts = 2, lexicon: Lexicon = DEFAULT_LEXICON): Lexicon {
  const inTraining = termSupport(training, lexicon);
  const inAll = termSupport(all, lexicon);
  const keep = (entry: LexiconEntry) => entry.label === null || inAll.get(entry.term) === 0 || (inTraining.get(entry.term) ?? 0) >= minTexts;
  const { entries } = lexicon;
  return {
    version: `${lexicon.version}-supported-${minTexts}`,
    entries: { category: entries.category.filter(keep), violation: entries.violation.filter(keep), stage: entries.stage.filter(keep) },
  };
}
