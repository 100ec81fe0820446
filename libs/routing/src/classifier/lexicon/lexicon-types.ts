/**
 * How negation before or after a dictionary term changes what it says.
 * - keep: the term names a thing (product, place); only a denial (不是X) turns it against its label.
 * - flip: the term names a problem; a denial or an absence (不是/没有X, X没问题) turns it against its label.
 * - absence: the term names a licence, mark or permission; its absence (没有/无/未X) is the evidence.
 * - anti: the term itself says the label does not apply (是正版的); ignored inside a seller's claim.
 */
export type NegationMode = 'keep' | 'flip' | 'absence' | 'anti';

export interface LexiconEntry {
  term: string;
  /** null: a mask that only stops shorter terms inside it from matching (生产日期 hides 生产) */
  label: string | null;
  weight: number;
  mode: NegationMode;
}

export type Head = 'category' | 'violation' | 'stage';
export const HEADS: readonly Head[] = ['category', 'violation', 'stage'];

export interface Lexicon {
  version: string;
  entries: Record<Head, LexiconEntry[]>;
}

export function group(label: string | null, weight: number, terms: string, mode: NegationMode = 'keep'): LexiconEntry[] {
  return terms
    .split(/\s+/)
    .filter(Boolean)
    .map((term) => ({ term: term.normalize('NFKC').toLowerCase(), label, weight, mode }));
}
