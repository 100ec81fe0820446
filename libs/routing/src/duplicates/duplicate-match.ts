/** A ticket as far as duplicate detection looks at it. */
export interface DuplicateFacts {
  id: string;
  receivedAt: Date;
  regionCode: string;
  subjectUscc: string | null;
  subjectNameNorm: string | null;
  productName: string | null;
  description: string;
}

export const DUPLICATE_WINDOW_DAYS = 30;
/** same business named on both: the texts need only share the matter */
const SAME_SUBJECT_SIMILARITY = 0.12;
/** no shared name: the texts themselves must be close */
const TEXT_ONLY_SIMILARITY = 0.3;

const NOISE = /[\s\p{P}\p{S}\d]/gu;

function bigrams(text: string): Set<string> {
  const clean = text.normalize('NFKC').replace(NOISE, '');
  const grams = new Set<string>();
  for (let i = 0; i < clean.length - 1; i++) grams.add(clean.slice(i, i + 2));
  return grams;
}

/** Jaccard similarity of character bigrams: robust to the rewording of one matter by different hotlines. */
export function textSimilarity(a: string, b: string): number {
  const ga = bigrams(a);
  const gb = bigrams(b);
  if (ga.size === 0 || gb.size === 0) return 0;
  let shared = 0;
  for (const g of ga) if (gb.has(g)) shared++;
  return shared / (ga.size + gb.size - shared);
}

function sameSubject(a: DuplicateFacts, b: DuplicateFacts): boolean {
  if (a.subjectUscc && b.subjectUscc) return a.subjectUscc === b.subjectUscc;
  return !!a.subjectNameNorm && a.subjectNameNorm === b.subjectNameNorm && a.regionCode === b.regionCode;
}

/**
 * How likely `other` is the same subject and matter as `ticket` (workflows.md:
 * same USCC, or same normalised name and region, with similar text, within 30
 * days), 0 when it is not a candidate.
 */
export function duplicateScore(ticket: DuplicateFacts, other: DuplicateFacts): number {
  if (ticket.id === other.id) return 0;
  const days = Math.abs(ticket.receivedAt.getTime() - other.receivedAt.getTime()) / 86_400_000;
  if (days > DUPLICATE_WINDOW_DAYS) return 0;
  const similarity = textSimilarity(ticket.description, other.description);
  if (sameSubject(ticket, other)) return similarity >= SAME_SUBJECT_SIMILARITY ? 0.5 + similarity / 2 : 0;
  if (ticket.regionCode !== other.regionCode) return 0;
  return similarity >= TEXT_ONLY_SIMILARITY ? similarity : 0;
}

export function rankDuplicates(ticket: DuplicateFacts, others: DuplicateFacts[], limit = 5): Array<{ id: string; score: number }> {
  return others
    .map((o) => ({ id: o.id, score: duplicateScore(ticket, o) }))
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}
