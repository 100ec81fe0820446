import {
  ABSENCES,
  AFTER_DENIALS,
  CLAIM_MARKERS,
  DENIALS,
  DESTINATION_MARKERS,
  FOCUS_MARKERS,
  MATERIAL_MARKERS,
  MATERIAL_WEIGHT,
  NAME_OF_PLACE,
  SCOPE_BREAKERS,
  VERDICT_MARKERS,
  WINDOW,
} from './lexicon/cues';
import type { Head, LexiconEntry } from './lexicon/lexicon-types';
import { occurrences, type Found } from './cue-index';
import type { TermHit } from './matcher';
import type { TextLayout } from './text';

/** POS counts for its label, NEG against it; CLAIM is a seller's word, MENTION says nothing by itself. */
export type Polarity = 'POS' | 'NEG' | 'CLAIM' | 'MENTION';
export type Field = 'text' | 'product' | 'subject';

export interface Evidence {
  head: Head;
  label: string;
  term: string;
  weight: number;
  polarity: Polarity;
  focus: boolean;
  verdict: boolean;
  field: Field;
  /** the function word that changed the polarity (不是, 没有, 冒充 …) */
  cue?: string;
  /** the cue follows the term (价格没问题) */
  cueAfter?: boolean;
}

function hasBreaker(layout: TextLayout, from: number, to: number): boolean {
  if (to <= from) return false;
  return occurrences(layout, SCOPE_BREAKERS).some((b) => b.start >= from && b.end <= to);
}

/** The nearest marker ending before `start` in the same clause and window, unless a breaker stands between. */
export function markerBefore(layout: TextLayout, start: number, markers: readonly string[], window: number): Found | undefined {
  const from = Math.max(layout.clauseStarts[layout.clauseOf[start]] ?? 0, start - window);
  let best: Found | undefined;
  for (const found of occurrences(layout, markers)) {
    if (found.start < from || found.end > start) continue;
    if (!best || found.end > best.end || (found.end === best.end && found.start < best.start)) best = found;
  }
  return best && !hasBreaker(layout, best.end, start) ? best : undefined;
}

/** The nearest marker starting after `end` in the same clause and window, unless a breaker stands between. */
export function markerAfter(layout: TextLayout, end: number, markers: readonly string[], window: number): Found | undefined {
  if (end >= layout.text.length) return undefined;
  const limit = Math.min(layout.clauseEnds[layout.clauseOf[end]] ?? layout.text.length, end + window);
  const best = occurrences(layout, markers).find((found) => found.start >= end && found.end <= limit);
  return best && !hasBreaker(layout, end, best.start) ? best : undefined;
}

/** 没有版权方的授权: 版权方 only modifies 授权, so the absence is not about it; 没有盗版的问题 still is. */
function isModifier(text: string, end: number): boolean {
  return text[end] === '的' && !/^的(问题|情况|现象|事|行为)/.test(text.slice(end, end + 4));
}

const FOCUS_OPENERS = ['是', '而是', '就是', '主要是', '问题是', '只是', '关键是', '但', '可', '而'];

/** Position from which each clause speaks to the caller's real point (after 主要问题是, or 是… right after a denial). */
export function focusStarts(layout: TextLayout): number[] {
  const { text, clauseStarts, clauseOf } = layout;
  const denied = new Set([...occurrences(layout, DENIALS), ...occurrences(layout, AFTER_DENIALS)].map((f) => clauseOf[f.start]));
  const focusAt = clauseStarts.map(() => Infinity);
  for (const found of occurrences(layout, FOCUS_MARKERS)) {
    const clause = clauseOf[found.start];
    focusAt[clause] = Math.min(focusAt[clause], found.end);
  }
  return clauseStarts.map((start, clause) => {
    const opensOnPoint = FOCUS_OPENERS.some((opener) => text.startsWith(opener, start));
    return clause > 0 && denied.has(clause - 1) && opensOnPoint ? start : focusAt[clause];
  });
}

interface HitContext {
  denial?: Found;
  absence?: Found;
  afterDenial?: Found;
  claim?: Found;
  /** stage only: the place is where goods are sent, or a name printed on them */
  notThePlace?: string;
  /** inside quotes, unless the term ends a quoted name (“长寿养生会所” names a shop) */
  quoted: boolean;
  quotedName: boolean;
  modifier: boolean;
}

/** Only what the head's modes need: category terms are `keep`, stage terms `keep` with claims and places. */
function hitContext(layout: TextLayout, hit: TermHit, head: Head): HitContext {
  const quoted = layout.quoted[hit.start] === 1;
  const ctx: HitContext = {
    denial: markerBefore(layout, hit.start, DENIALS, WINDOW.denial),
    quoted,
    quotedName: quoted && layout.quoted[hit.end] !== 1,
    modifier: isModifier(layout.text, hit.end),
  };
  if (head === 'violation') {
    ctx.absence = markerBefore(layout, hit.start, ABSENCES, WINDOW.absence);
    ctx.afterDenial = markerAfter(layout, hit.end, AFTER_DENIALS, WINDOW.after);
    ctx.claim = markerBefore(layout, hit.start, CLAIM_MARKERS, WINDOW.claim);
  } else if (head === 'stage') {
    ctx.claim = markerBefore(layout, hit.start, CLAIM_MARKERS, WINDOW.claim);
    ctx.notThePlace = notThePlace(layout, hit);
  }
  return ctx;
}

function notThePlace(layout: TextLayout, hit: TermHit): string | undefined {
  const nameOf = NAME_OF_PLACE.exec(layout.text.slice(hit.end, hit.end + 4));
  if (nameOf) return nameOf[0];
  return markerBefore(layout, hit.start, DESTINATION_MARKERS, WINDOW.destination)?.marker;
}

const PLACES_OF_SALE = new Set(['CIRCULATION', 'ONLINE']);
const PLACE_TYPES = new Set(['CIRCULATION', 'PRODUCTION']);

/** A stage word in a seller's claim or in quotes, unless the quoted text is the name of the place itself. */
function isClaimed(entry: LexiconEntry, ctx: HitContext): boolean {
  if (ctx.claim) return true;
  return ctx.quoted && !(ctx.quotedName && PLACE_TYPES.has(entry.label!));
}

function resolvePolarity(head: Head, entry: LexiconEntry, ctx: HitContext): { polarity: Polarity; cue?: string; cueAfter?: boolean } {
  switch (entry.mode) {
    case 'keep':
      if (ctx.denial) return { polarity: 'NEG', cue: ctx.denial.marker };
      if (head === 'stage' && isClaimed(entry, ctx)) return { polarity: 'CLAIM', cue: ctx.claim?.marker ?? '引号' };
      if (ctx.notThePlace && (PLACES_OF_SALE.has(entry.label!) || NAME_OF_PLACE.test(ctx.notThePlace))) {
        return { polarity: 'MENTION', cue: ctx.notThePlace };
      }
      if (ctx.afterDenial) return { polarity: 'NEG', cue: ctx.afterDenial.marker, cueAfter: true };
      return { polarity: 'POS' };
    case 'flip':
      if (ctx.denial) return { polarity: 'NEG', cue: ctx.denial.marker };
      if (ctx.absence && !ctx.modifier) return { polarity: 'NEG', cue: ctx.absence.marker };
      if (ctx.afterDenial) return { polarity: 'NEG', cue: ctx.afterDenial.marker, cueAfter: true };
      return { polarity: 'POS' };
    case 'absence':
      if (ctx.denial) return { polarity: 'NEG', cue: ctx.denial.marker };
      if (ctx.absence) return { polarity: 'POS', cue: ctx.absence.marker };
      return { polarity: 'MENTION' };
    case 'anti':
      if (ctx.claim || ctx.denial || ctx.absence) return { polarity: 'MENTION' };
      return { polarity: 'NEG' };
  }
}

/** Every dictionary hit of one head in the description, with its polarity and emphasis. */
export function textEvidence(head: Head, hits: readonly TermHit[], layout: TextLayout, focusFrom: number[]): Evidence[] {
  const out: Evidence[] = [];
  for (const hit of hits) {
    const ctx = hitContext(layout, hit, head);
    const focus = hit.start >= focusFrom[layout.clauseOf[hit.start]];
    const verdict = head === 'violation' && !!markerBefore(layout, hit.start, VERDICT_MARKERS, WINDOW.verdict);
    const material = head === 'category' && !!markerBefore(layout, hit.start, MATERIAL_MARKERS, WINDOW.material);
    for (const entry of hit.entries) {
      const { polarity, cue, cueAfter } = resolvePolarity(head, entry, ctx);
      const weight = material ? entry.weight * MATERIAL_WEIGHT : entry.weight;
      out.push({ head, label: entry.label!, term: hit.term, weight, polarity, focus, verdict, field: 'text', cue, cueAfter });
    }
  }
  return out;
}

/** Product and subject names are short labels: every hit counts as stated. */
export function fieldEvidence(head: Head, hits: readonly TermHit[], field: Field): Evidence[] {
  return hits.flatMap((hit) =>
    hit.entries
      .filter((entry) => entry.mode !== 'anti' && entry.mode !== 'absence')
      .map((entry) => ({ head, label: entry.label!, term: hit.term, weight: entry.weight, polarity: 'POS' as const, focus: false, verdict: false, field })),
  );
}
