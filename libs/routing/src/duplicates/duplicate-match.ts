/** A ticket as far as duplicate detection looks at it. */
export interface DuplicateFacts {
  id: string;
  receivedAt: Date;
  regionCode: string;
  subjectUscc: string | null;
  subjectNameNorm: string | null;
  productName: string | null;
  description: string;
  /** when the description was left out because its bigrams are cached, its length */
  descriptionLength?: number;
}

export const DUPLICATE_WINDOW_DAYS = 30;
/** same business named on both: the texts need only share the matter */
const SAME_SUBJECT_SIMILARITY = 0.12;
/** no shared name: the texts themselves must be close */
const TEXT_ONLY_SIMILARITY = 0.3;

const NOISE = /[\s\p{P}\p{S}\d]/gu;

/**
 * Character bigrams as numbers (two UTF-16 units in one), sorted and unique, so two texts
 * compare by one merge pass over typed arrays: no strings, no hashing, little garbage. Signed,
 * so that each is a small integer to V8 (most CJK pairs are above 2^31 unsigned, and were boxed
 * as heap numbers at every postings lookup); the order only has to be the same for every text.
 */
export function bigrams(text: string): Int32Array {
  const clean = text.normalize('NFKC').replace(NOISE, '');
  if (clean.length < 2) return new Int32Array(0);
  const grams = new Int32Array(clean.length - 1);
  for (let i = 0; i < grams.length; i++) grams[i] = (clean.charCodeAt(i) << 16) | clean.charCodeAt(i + 1);
  grams.sort();
  let unique = 0;
  for (let i = 0; i < grams.length; i++) if (i === 0 || grams[i] !== grams[i - 1]) grams[unique++] = grams[i];
  return grams.slice(0, unique);
}

function jaccard(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}

/** Jaccard similarity of character bigrams: robust to the rewording of one matter by different hotlines. */
export function textSimilarity(a: string, b: string): number {
  return jaccard(bigrams(a), bigrams(b));
}

/**
 * Bigrams of each ticket's description computed once: a ticket is compared with up to hundreds
 * of candidates, and candidates recur from one ticket to the next. Bounded: the oldest entries
 * go first.
 */
export class BigramCache {
  private readonly byId = new Map<string, { length: number; grams: Int32Array }>();

  constructor(private readonly capacity = 20000) {}

  of(facts: DuplicateFacts): Int32Array {
    const length = facts.descriptionLength ?? facts.description.length;
    const hit = this.byId.get(facts.id);
    if (hit && hit.length === length) return hit.grams;
    const grams = bigrams(facts.description);
    // only a description read in full is worth keeping
    if (facts.description.length === length) this.remember(facts.id, { length, grams });
    return grams;
  }

  /** Whether the bigrams of this ticket (of a description this long) are held; a hit counts as a use. */
  knows(id: string, length?: number): boolean {
    const hit = this.byId.get(id);
    if (!hit || (length !== undefined && hit.length !== length)) return false;
    this.remember(id, hit);
    return true;
  }

  private remember(id: string, entry: { length: number; grams: Int32Array }): void {
    this.byId.delete(id);
    this.byId.set(id, entry);
    if (this.byId.size > this.capacity) this.byId.delete(this.byId.keys().next().value as string);
  }
}

/**
 * Candidates' bigrams as postings (bigram → candidates holding it), so one ticket's shared-bigram
 * count with every candidate takes one pass over its own bigrams and their postings instead of a
 * merge with each of hundreds of candidates. Same similarity as `jaccard`, exactly. Candidates are
 * added once (by id and description length), so an index can serve batch after batch.
 */
export class BigramIndex implements SimilarityIndex {
  private readonly postings = new Map<number, number[]>();
  private readonly slots = new Map<string, { slot: number; length: number }>();
  private readonly sizes: number[] = [];

  constructor(candidates: Iterable<DuplicateFacts>, private readonly grams: BigramCache) {
    for (const candidate of candidates) this.add(candidate);
  }

  /** Slots taken, including those of descriptions since replaced. */
  get size(): number {
    return this.sizes.length;
  }

  add(candidate: DuplicateFacts): void {
    const length = candidate.descriptionLength ?? candidate.description.length;
    if (this.slots.get(candidate.id)?.length === length) return;
    const slot = this.sizes.length;
    const own = this.grams.of(candidate);
    this.slots.set(candidate.id, { slot, length });
    this.sizes.push(own.length);
    for (const gram of own) {
      const posting = this.postings.get(gram);
      if (posting) posting.push(slot);
      else this.postings.set(gram, [slot]);
    }
  }

  /** The Jaccard similarity of `ticket`'s text with an indexed candidate's, by the candidate's id. */
  similarityTo(ticket: DuplicateFacts): (candidateId: string) => number | undefined {
    const own = this.grams.of(ticket);
    const shared = new Uint32Array(this.sizes.length);
    for (const gram of own) {
      const posting = this.postings.get(gram);
      if (posting) for (const slot of posting) shared[slot]++;
    }
    return (candidateId) => {
      const slot = this.slots.get(candidateId)?.slot;
      if (slot === undefined) return undefined;
      if (own.length === 0 || this.sizes[slot] === 0) return 0;
      return shared[slot] / (own.length + this.sizes[slot] - shared[slot]);
    };
  }
}

/** What ranking needs of an index: each candidate's similarity with one ticket's text. */
export interface SimilarityIndex {
  similarityTo(ticket: DuplicateFacts): (candidateId: string) => number | undefined;
}

/**
 * One BigramIndex per region that lives on from batch to batch: consecutive batches share most of
 * a region's pool, so only tickets new to it are indexed. A region's index starts over once most of
 * its slots are of tickets the pools no longer hold.
 */
export class RegionBigramIndexes {
  private readonly byRegion = new Map<string, BigramIndex>();

  constructor(private readonly grams: BigramCache) {}

  /** Indexes a batch's candidates, each in its region's index, and answers for those candidates. */
  prepare(candidates: DuplicateFacts[]): SimilarityIndex {
    const members = new Map<string, DuplicateFacts[]>();
    for (const c of candidates) {
      const ofRegion = members.get(c.regionCode);
      if (ofRegion) ofRegion.push(c);
      else members.set(c.regionCode, [c]);
    }
    const indexOf = new Map<string, BigramIndex>();
    for (const [region, ofRegion] of members) {
      let index = this.byRegion.get(region);
      if (!index || index.size > 2 * ofRegion.length + 256) this.byRegion.set(region, (index = new BigramIndex([], this.grams)));
      for (const c of ofRegion) {
        index.add(c);
        indexOf.set(c.id, index);
      }
    }
    return {
      similarityTo: (ticket) => {
        const lookups = new Map<BigramIndex, (candidateId: string) => number | undefined>();
        return (candidateId) => {
          const index = indexOf.get(candidateId);
          if (!index) return undefined;
          let lookup = lookups.get(index);
          if (!lookup) lookups.set(index, (lookup = index.similarityTo(ticket)));
          return lookup(candidateId);
        };
      },
    };
  }
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
export function duplicateScore(ticket: DuplicateFacts, other: DuplicateFacts, grams = new BigramCache(), indexed?: (candidateId: string) => number | undefined): number {
  if (ticket.id === other.id) return 0;
  const days = Math.abs(ticket.receivedAt.getTime() - other.receivedAt.getTime()) / 86_400_000;
  if (days > DUPLICATE_WINDOW_DAYS) return 0;
  const subject = sameSubject(ticket, other);
  // different region and no shared business: never a candidate, so the texts need no comparing
  if (!subject && ticket.regionCode !== other.regionCode) return 0;
  const similarity = indexed?.(other.id) ?? jaccard(grams.of(ticket), grams.of(other));
  if (subject) return similarity >= SAME_SUBJECT_SIMILARITY ? 0.5 + similarity / 2 : 0;
  return similarity >= TEXT_ONLY_SIMILARITY ? similarity : 0;
}

export function rankDuplicates(ticket: DuplicateFacts, others: DuplicateFacts[], limit = 5, grams = new BigramCache(), index?: SimilarityIndex): Array<{ id: string; score: number }> {
  const scored: Array<{ id: string; score: number }> = [];
  const indexed = index?.similarityTo(ticket);
  for (const other of others) {
    const score = duplicateScore(ticket, other, grams, indexed);
    if (score > 0) scored.push({ id: other.id, score });
  }
  return scored.sort((a, b) => b.score - a.score).slice(0, limit);
}
