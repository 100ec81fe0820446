import {
  ABSENCES,
  AFTER_DENIALS,
  CLAIM_MARKERS,
  DENIALS,
  DESTINATION_MARKERS,
  FOCUS_MARKERS,
  MATERIAL_MARKERS,
  SCOPE_BREAKERS,
  VERDICT_MARKERS,
} from './lexicon/cues';
import type { TextLayout } from './text';

export interface Found {
  marker: string;
  start: number;
  end: number;
}

/** Every cue list the evidence reader asks about; one pass over the text finds them all. */
const CUE_LISTS: readonly (readonly string[])[] = [
  DENIALS,
  ABSENCES,
  AFTER_DENIALS,
  SCOPE_BREAKERS,
  FOCUS_MARKERS,
  VERDICT_MARKERS,
  CLAIM_MARKERS,
  DESTINATION_MARKERS,
  MATERIAL_MARKERS,
];

interface CueNode {
  next: Map<number, CueNode>;
  marker?: string;
  lists: number[];
}

function buildTrie(): CueNode {
  const root: CueNode = { next: new Map(), lists: [] };
  CUE_LISTS.forEach((list, listIndex) => {
    for (const marker of list) {
      let node = root;
      for (let i = 0; i < marker.length; i++) {
        const code = marker.charCodeAt(i);
        let child = node.next.get(code);
        if (!child) node.next.set(code, (child = { next: new Map(), lists: [] }));
        node = child;
      }
      node.marker = marker;
      if (!node.lists.includes(listIndex)) node.lists.push(listIndex);
    }
  });
  return root;
}

const TRIE = buildTrie();

/** Characters after 无/未 that make a different word (无法, 未来), not an absence. */
const NOT_ABSENCE_AFTER: Record<string, string> = { 无: '法论奈意所关数限人', 未: '来成知必' };

/** 是不是, 有没有, 算不算: an A-not-A question, not a denial. */
function isQuestionForm(text: string, found: Found): boolean {
  return /^[不没]/.test(found.marker) && found.start > 0 && text[found.start - 1] === text[found.start + 1];
}

function accepted(text: string, found: Found): boolean {
  const blocked = NOT_ABSENCE_AFTER[found.marker];
  if (blocked && blocked.includes(text[found.end] ?? '')) return false;
  return !isQuestionForm(text, found);
}

function indexCues(text: string): Found[][] {
  const byList: Found[][] = CUE_LISTS.map(() => []);
  for (let start = 0; start < text.length; start++) {
    let node: CueNode | undefined = TRIE;
    for (let i = start; i < text.length && node; i++) {
      node = node.next.get(text.charCodeAt(i));
      if (!node?.marker) continue;
      const found = { marker: node.marker, start, end: i + 1 };
      if (accepted(text, found)) for (const list of node.lists) byList[list].push(found);
    }
  }
  return byList;
}

const cache = new WeakMap<TextLayout, Found[][]>();

/** Occurrences of a cue list in the text, in order of position, found once per text. */
export function occurrences(layout: TextLayout, markers: readonly string[]): Found[] {
  let byList = cache.get(layout);
  if (!byList) cache.set(layout, (byList = indexCues(layout.text)));
  const list = CUE_LISTS.indexOf(markers);
  if (list < 0) throw new Error('cue list is not indexed');
  return byList[list];
}
