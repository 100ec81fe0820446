import { CLAUSE_SEPARATORS } from './lexicon/cues';

/** Full-width letters and digits to ASCII, lower case: dictionary terms are stored the same way. */
export function normalizeText(text: string | null | undefined): string {
  return (text ?? '').normalize('NFKC').toLowerCase();
}

export interface TextLayout {
  text: string;
  /** clause index of every character */
  clauseOf: Int32Array;
  clauseStarts: number[];
  clauseEnds: number[];
  /** true where the character sits inside “…”, 「…」 or "…" */
  quoted: Uint8Array;
}

const OPEN_QUOTES = new Set(['“', '「', '『', '《']);
const CLOSE_QUOTES = new Set(['”', '」', '』', '》']);

function quotedMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  let depth = 0;
  let straightOpen = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (OPEN_QUOTES.has(ch)) depth++;
    else if (CLOSE_QUOTES.has(ch)) depth = Math.max(0, depth - 1);
    else if (ch === '"') straightOpen = !straightOpen;
    else if (depth > 0 || straightOpen) mask[i] = 1;
  }
  return mask;
}

const SEPARATOR_CODES = new Set([...CLAUSE_SEPARATORS].map((ch) => ch.charCodeAt(0)));

export function layoutText(text: string): TextLayout {
  const clauseOf = new Int32Array(text.length);
  const clauseStarts = [0];
  const clauseEnds: number[] = [];
  let clause = 0;
  for (let i = 0; i < text.length; i++) {
    clauseOf[i] = clause;
    if (SEPARATOR_CODES.has(text.charCodeAt(i))) {
      clauseEnds.push(i);
      clauseStarts.push(i + 1);
      clause++;
    }
  }
  clauseEnds.push(text.length);
  return { text, clauseOf, clauseStarts, clauseEnds, quoted: quotedMask(text) };
}

/** Names in “…” that read like products: the last character often names the kind (…丸, …霜, …肥). */
export function quotedNames(text: string): string[] {
  const names: string[] = [];
  const pattern = /[“「"]([^”」"]{2,12})[”」"]/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) names.push(match[1]);
  return names;
}
