import { HEADS, type Head, type Lexicon, type LexiconEntry } from './lexicon/lexicon-types';

interface TrieNode {
  next: Map<number, TrieNode>;
  /** per head, the entries of the term ending here; an empty array marks a mask */
  entries?: Partial<Record<Head, LexiconEntry[]>>;
}

export interface TermHit {
  term: string;
  start: number;
  end: number;
  entries: LexiconEntry[];
}

interface Candidate {
  end: number;
  entries: LexiconEntry[];
}

/**
 * Dictionary matching for all heads in one pass over the text. Per head it keeps the reading that
 * covers most of the text with non-overlapping terms, so 白皮包装盒 reads 包装盒 rather than 皮包,
 * and a longer term (生产日期) hides the shorter ones inside it.
 */
export class LexiconMatcher {
  private readonly root: TrieNode = { next: new Map() };

  constructor(lexicon: Lexicon) {
    for (const head of HEADS) for (const entry of lexicon.entries[head]) this.add(head, entry);
  }

  private add(head: Head, entry: LexiconEntry): void {
    let node = this.root;
    for (let i = 0; i < entry.term.length; i++) {
      const code = entry.term.charCodeAt(i);
      let child = node.next.get(code);
      if (!child) node.next.set(code, (child = { next: new Map() }));
      node = child;
    }
    node.entries ??= {};
    const list = (node.entries[head] ??= []);
    if (entry.label !== null && entry.weight > 0) list.push(entry);
  }

  /** Terms starting at each position, per head, shortest first. */
  private candidates(text: string): Record<Head, Candidate[][]> {
    const n = text.length;
    const out = { category: new Array<Candidate[]>(n), violation: new Array<Candidate[]>(n), stage: new Array<Candidate[]>(n) };
    for (let i = 0; i < n; i++) {
      let node: TrieNode | undefined = this.root;
      for (let j = i; j < n && node; j++) {
        node = node.next.get(text.charCodeAt(j));
        if (!node?.entries) continue;
        for (const head of HEADS) {
          const entries = node.entries[head];
          if (entries) (out[head][i] ??= []).push({ end: j + 1, entries });
        }
      }
    }
    return out;
  }

  scan(text: string): Record<Head, TermHit[]> {
    const candidates = this.candidates(text);
    return {
      category: bestCover(text, candidates.category),
      violation: bestCover(text, candidates.violation),
      stage: bestCover(text, candidates.stage),
    };
  }
}

function bestCover(text: string, candidates: Candidate[][]): TermHit[] {
  const n = text.length;
  const covered = new Int32Array(n + 1);
  const choice = new Array<Candidate | undefined>(n);
  for (let i = n - 1; i >= 0; i--) {
    covered[i] = covered[i + 1];
    // shortest first with >=: on equal coverage the longer term wins
    for (const candidate of candidates[i] ?? []) {
      const total = candidate.end - i + covered[candidate.end];
      if (total >= covered[i]) {
        covered[i] = total;
        choice[i] = candidate;
      }
    }
  }
  const hits: TermHit[] = [];
  for (let i = 0; i < n; ) {
    const chosen = choice[i];
    if (!chosen) {
      i++;
      continue;
    }
    if (chosen.entries.length) hits.push({ term: text.slice(i, chosen.end), start: i, end: chosen.end, entries: chosen.entries });
    i = chosen.end;
  }
  return hits;
}
