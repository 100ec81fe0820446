import type { Evidence } from './evidence';
import { HEAD_NAMES, LABEL_NAMES } from './lexicon/labels';
import { HEADS, type Head } from './lexicon/lexicon-types';

const MAX_TERMS = 4;

function labelName(head: Head, label: string): string {
  return LABEL_NAMES[head][label] ?? label;
}

function supportingTerms(evidence: readonly Evidence[], head: Head, label: string): string[] {
  const rank = (e: Evidence) => e.weight + (e.focus ? 3 : 0) + (e.verdict ? 2 : 0) + (e.field === 'text' ? 0 : 1);
  const terms = evidence
    .filter((e) => e.head === head && e.label === label && e.polarity === 'POS')
    .sort((a, b) => rank(b) - rank(a))
    .map((e) => e.term);
  return [...new Set(terms)].slice(0, MAX_TERMS);
}

function excludedLabels(evidence: readonly Evidence[], head: Head, chosen: string): string[] {
  const seen = new Map<string, string>();
  for (const e of evidence) {
    if (e.head !== head || e.polarity !== 'NEG' || e.label === chosen || seen.has(e.label)) continue;
    seen.set(e.label, !e.cue ? e.term : e.cueAfter ? `${e.term}…${e.cue}` : `${e.cue}…${e.term}`);
  }
  return [...seen].map(([label, phrase]) => `${labelName(head, label)}（${phrase}）`);
}

/** "类别 食品：奶粉、罐底；违法类型 假冒伪劣：过期，排除 价格违法（不是…价格）；环节 流通：超市" */
export function explain(evidence: readonly Evidence[], chosen: Record<Head, string>, feed: string): string {
  return HEADS.map((head) => {
    const terms = supportingTerms(evidence, head, chosen[head]);
    const basis = terms.length ? terms.join('、') : `无直接用词，按 ${feed} 热线与上下文推断`;
    const excluded = excludedLabels(evidence, head, chosen[head]);
    const exclusion = excluded.length ? `，排除 ${excluded.join('、')}` : '';
    return `${HEAD_NAMES[head]} ${labelName(head, chosen[head])}：${basis}${exclusion}`;
  }).join('；');
}
