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
import type { TermHit, TermMatcher } from './matcher';
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
}

interface Found {
  marker: string;
  start: number;
  end: number;
}

/** Characters after 无/未 that make a different word (无法, 未来), not an absence. */
const NOT_ABSENCE_AFTER: Record<string, string> = { 无: '法论奈意所关数限人', 未: '来成知必' };

function acceptMarker(text: string, found: Found): boolean {
  const blocked = NOT_ABSENCE_AFTER[found.marker];
  return !blocked || !blocked.includes(text[found.end] ?? '');
}

function hasBreaker(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  const between = text.slice(from, to);
  return SCOPE_BREAKERS.some((breaker) => between.includes(breaker));
}

export function markerBefore(layout: TextLayout, start: number, markers: readonly string[], window: number): Found | undefined {
  const { text } = layout;
  const from = Math.max(layout.clauseStarts[layout.clauseOf[start]] ?? 0, start - window);
  let best: Found | undefined;
  for (const marker of markers) {
    let at = text.lastIndexOf(marker, start - marker.length);
    while (at >= from) {
      const found = { marker, start: at, end: at + marker.length };
      if (found.end <= start && acceptMarker(text, found)) {
        if (!best || found.end > best.end || (found.end === best.end && found.start < best.start)) best = found;
        break;
      }
      at = text.lastIndexOf(marker, at - 1);
    }
  }
  return best && !hasBreaker(text, best.end, start) ? best : undefined;
}

export function markerAfter(layout: TextLayout, end: number, markers: readonly string[], window: number): Found | undefined {
  const { text } = layout;
  if (end >= text.length) return undefined;
  const limit = Math.min(layout.clauseEnds[layout.clauseOf[end]] ?? text.length, end + window);
  let best: Found | undefined;
  for (const marker of markers) {
    const at = text.indexOf(marker, end);
    if (at >= 0 && at + marker.length <= limit && (!best || at < best.start)) best = { marker, start: at, end: at + marker.length };
  }
  return best && !hasBreaker(text, end, best.start) ? best : undefined;
}

/** 没有版权方的授权: 版权方 only modifies 授权, so the absence is not about it; 没有盗版的问题 still is. */
function isModifier(text: string, end: number): boolean {
  return text[end] === '的' && !/^的(问题|情况|现象|事|行为)/.test(text.slice(end, end + 4));
}

const FOCUS_OPENERS = ['是', '而是', '就是', '主要是', '问题是', '只是', '关键是', '但', '可', '而'];

/** Position from which each clause speaks to the caller's real point (after 主要问题是, or 是… right after a denial). */
export function focusStarts(layout: TextLayout): number[] {
  const { text, clauseStarts, clauseEnds } = layout;
  return clauseStarts.map((start, index) => {
    const clause = text.slice(start, clauseEnds[index]);
    const previous = index > 0 ? text.slice(clauseStarts[index - 1], clauseEnds[index - 1]) : '';
    const afterDenial = [...DENIALS, ...AFTER_DENIALS].some((d) => previous.includes(d));
    if (afterDenial && FOCUS_OPENERS.some((opener) => clause.startsWith(opener))) return start;
    let focusAt = Infinity;
    for (const marker of FOCUS_MARKERS) {
      const at = clause.indexOf(marker);
      if (at >= 0) focusAt = Math.min(focusAt, start + at + marker.length);
    }
    return focusAt;
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

function hitContext(layout: TextLayout, hit: TermHit, head: Head): HitContext {
  return {
    denial: markerBefore(layout, hit.start, DENIALS, WINDOW.denial),
    absence: markerBefore(layout, hit.start, ABSENCES, WINDOW.absence),
    afterDenial: head === 'violation' ? markerAfter(layout, hit.end, AFTER_DENIALS, WINDOW.after) : undefined,
    claim: markerBefore(layout, hit.start, CLAIM_MARKERS, WINDOW.claim),
    notThePlace: head === 'stage' ? notThePlace(layout, hit) : undefined,
    quoted: layout.quoted[hit.start] === 1,
    quotedName: layout.quoted[hit.start] === 1 && layout.quoted[hit.end] !== 1,
    modifier: isModifier(layout.text, hit.end),
  };
}

function notThePlace(layout: TextLayout, hit: TermHit): string | undefined {
  const nameOf = NAME_OF_PLACE.exec(layout.text.slice(hit.end, hit.end + 4));
  if (nameOf) return nameOf[0];
  return markerBefore(layout, hit.start, DESTINATION_MARKERS, WINDOW.destination)?.marker;
}

const PLACES_OF_SALE = new Set(['CIRCULATION', 'ONLINE']);
const PLACE_TYPES = new Set(['CIRCULATION', 'PRODUCTION']);

function resolvePolarity(head: Head, entry: LexiconEntry, ctx: HitContext): { polarity: Polarity; cue?: string } {
  switch (entry.mode) {
    case 'keep':
      if (ctx.denial) return { polarity: 'NEG', cue: ctx.denial.marker };
      if (head === 'stage' && (ctx.claim || (ctx.quoted && !(ctx.quotedName && PLACE_TYPES.has(entry.label!))))) {
        return { polarity: 'CLAIM', cue: ctx.claim?.marker ?? '引号' };
      }
      if (ctx.notThePlace && (PLACES_OF_SALE.has(entry.label!) || NAME_OF_PLACE.test(ctx.notThePlace))) {
        return { polarity: 'MENTION', cue: ctx.notThePlace };
      }
      if (ctx.afterDenial) return { polarity: 'NEG', cue: ctx.afterDenial.marker };
      return { polarity: 'POS' };
    case 'flip':
      if (ctx.denial) return { polarity: 'NEG', cue: ctx.denial.marker };
      if (ctx.absence && !ctx.modifier) return { polarity: 'NEG', cue: ctx.absence.marker };
      if (ctx.afterDenial) return { polarity: 'NEG', cue: ctx.afterDenial.marker };
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
export function textEvidence(head: Head, matcher: TermMatcher, layout: TextLayout, focusFrom: number[]): Evidence[] {
  const out: Evidence[] = [];
  for (const hit of matcher.scan(layout.text)) {
    const ctx = hitContext(layout, hit, head);
    const focus = hit.start >= focusFrom[layout.clauseOf[hit.start]];
    const verdict = !!markerBefore(layout, hit.start, VERDICT_MARKERS, WINDOW.verdict);
    const material = head === 'category' && !!markerBefore(layout, hit.start, MATERIAL_MARKERS, WINDOW.material);
    for (const entry of hit.entries) {
      const { polarity, cue } = resolvePolarity(head, entry, ctx);
      const weight = material ? entry.weight * MATERIAL_WEIGHT : entry.weight;
      out.push({ head, label: entry.label!, term: hit.term, weight, polarity, focus, verdict, field: 'text', cue });
    }
  }
  return out;
}

/** Product and subject names are short labels: every hit counts as stated. */
export function fieldEvidence(head: Head, matcher: TermMatcher, value: string, field: Field): Evidence[] {
  return matcher.scan(value).flatMap((hit) =>
    hit.entries
      .filter((entry) => entry.mode !== 'anti' && entry.mode !== 'absence')
      .map((entry) => ({ head, label: entry.label!, term: hit.term, weight: entry.weight, polarity: 'POS' as const, focus: false, verdict: false, field })),
  );
}
