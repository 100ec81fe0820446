import type { LexiconEntry } from './lexicon/lexicon-types';

interface TrieNode {
  next: Map<string, TrieNode>;
  /** entries for the term ending here; an empty array marks a mask */
  entries?: LexiconEntry[];
}

export interface TermHit {
  term: string;
  start: number;
  end: number;
  entries: LexiconEntry[];
}

/**
 * Dictionary matching that covers as much of the text as possible with non-overlapping terms, so
 * 白皮包装盒 reads 包装盒 rather than 皮包, and a longer term (生产日期) hides the shorter ones inside it.
 */
export class TermMatcher {
  private readonly root: TrieNode = { next: new Map() };

  constructor(entries: readonly LexiconEntry[]) {
    for (const entry of entries) this.add(entry);
  }

  private add(entry: LexiconEntry): void {
    let node = this.root;
    for (const ch of entry.term) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { next: new Map() }));
      node = child;
    }
    node.entries ??= [];
    if (entry.label !== null && entry.weight > 0) node.entries.push(entry);
  }

  /** Every term starting at `start`, shortest first. */
  private termsAt(text: string, start: number): { end: number; entries: LexiconEntry[] }[] {
    const found: { end: number; entries: LexiconEntry[] }[] = [];
    let node: TrieNode | undefined = this.root;
    for (let i = start; i < text.length && node; i++) {
      node = node.next.get(text[i]);
      if (node?.entries) found.push({ end: i + 1, entries: node.entries });
    }
    return found;
  }

  scan(text: string): TermHit[] {
    const n = text.length;
    const covered = new Int32Array(n + 1);
    const choice: ({ end: number; entries: LexiconEntry[] } | undefined)[] = new Array(n + 1);
    for (let i = n - 1; i >= 0; i--) {
      covered[i] = covered[i + 1];
      // shortest first with >=: on equal coverage the longer term wins
      for (const term of this.termsAt(text, i)) {
        const total = term.end - i + covered[term.end];
        if (total >= covered[i]) {
          covered[i] = total;
          choice[i] = term;
        }
      }
    }
    const hits: TermHit[] = [];
    for (let i = 0; i < n; ) {
      const term = choice[i];
      if (!term) {
        i++;
        continue;
      }
      if (term.entries.length) hits.push({ term: text.slice(i, term.end), start: i, end: term.end, entries: term.entries });
      i = term.end;
    }
    return hits;
  }
}
