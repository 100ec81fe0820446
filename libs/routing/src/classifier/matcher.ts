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

/** Leftmost-longest dictionary matching: a longer term (生产日期) hides the shorter ones inside it (生产). */
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

  private longestAt(text: string, start: number): { end: number; entries: LexiconEntry[] } | undefined {
    let node: TrieNode | undefined = this.root;
    let best: { end: number; entries: LexiconEntry[] } | undefined;
    for (let i = start; i < text.length && node; i++) {
      node = node.next.get(text[i]);
      if (node?.entries) best = { end: i + 1, entries: node.entries };
    }
    return best;
  }

  scan(text: string): TermHit[] {
    const hits: TermHit[] = [];
    for (let i = 0; i < text.length; ) {
      const found = this.longestAt(text, i);
      if (!found) {
        i++;
        continue;
      }
      if (found.entries.length) hits.push({ term: text.slice(i, found.end), start: i, end: found.end, entries: found.entries });
      i = found.end;
    }
    return hits;
  }
}
