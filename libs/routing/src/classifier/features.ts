import { fieldEvidence, focusStarts, textEvidence, type Evidence } from './evidence';
import { HEADS, type Head, type Lexicon } from './lexicon/lexicon-types';
import { LexiconMatcher } from './matcher';
import { segmenterFor, type Segmenter } from './segmenter';
import { layoutText, normalizeText, quotedNames } from './text';
import type { ClassifierInput } from './types';

/**
 * Class-aligned features: one value per (feature, class), one weight per feature shared by all
 * classes, so "dictionary evidence for X" means the same for a class seen 8 times as for one seen 50.
 */
export const TIED_FEATURES = ['pos', 'neg', 'focus', 'verdict', 'claim', 'product', 'subject', 'share'] as const;
export const TIED_COUNT = TIED_FEATURES.length;

export interface FeatureOptions {
  /** add character bigrams of the description as sparse features */
  charBigrams: boolean;
}

export interface AnalysedInput {
  evidence: Evidence[];
  /** sparse feature name → value */
  sparse: Map<string, number>;
}

const STOPWORDS = new Set(
  '的 了 是 在 我 他 她 它 们 你 也 就 都 还 说 有 和 与 及 这 那 一 个 不 没 很 把 被 给 到 去 来 上 下 里 中 后 前 又 再 让 对 从 而 等 着 过 吗 呢 吧 啊 呀 之 其 或 并 但 因为 所以 如果 已经 什么 这个 那个 一个 一些 这些 那些 我们 他们 自己 现在 时候 没有 就是 还是 可以'.split(' '),
);
const CJK = /[\u4e00-\u9fff]/;
const POLARITY_PREFIX: Record<Evidence['polarity'], string> = { POS: 't', NEG: 'n', CLAIM: 'c', MENTION: 'm' };
const COMPANY_SUFFIX = /(股份有限公司|有限责任公司|有限公司|公司|集团)$/;

export class FeatureExtractor {
  private readonly matcher: LexiconMatcher;
  private readonly segment: Segmenter;

  constructor(
    readonly lexicon: Lexicon,
    readonly options: FeatureOptions,
  ) {
    this.matcher = new LexiconMatcher(lexicon);
    this.segment = segmenterFor(lexicon);
  }

  analyse(input: ClassifierInput): AnalysedInput {
    const text = normalizeText(input.text);
    const product = normalizeText(input.productName);
    const subject = normalizeText(input.subjectName);
    const evidence = this.evidenceOf(text, product, subject);
    const sparse = new Map<string, number>();
    sparse.set(`f:${input.feed}`, 1);
    if (input.kind) sparse.set(`k:${input.kind}`, 1);
    this.addEvidenceFeatures(evidence, sparse);
    this.addWordFeatures(text, sparse);
    addNameFeatures(text, product, subject, sparse);
    if (this.options.charBigrams) addBigrams(text, sparse);
    return { evidence, sparse };
  }

  private evidenceOf(text: string, product: string, subject: string): Evidence[] {
    const layout = layoutText(text);
    const focusFrom = focusStarts(layout);
    const hits = this.matcher.scan(text);
    const productHits = product ? this.matcher.scan(product) : undefined;
    const subjectHits = subject ? this.matcher.scan(subject) : undefined;
    const evidence = HEADS.flatMap((head) => [
      ...textEvidence(head, hits[head], layout, focusFrom),
      ...(productHits ? fieldEvidence(head, productHits[head], 'product') : []),
      ...(subjectHits ? fieldEvidence(head, subjectHits[head], 'subject') : []),
    ]);
    return discountRepeats(evidence);
  }

  private addEvidenceFeatures(evidence: Evidence[], sparse: Map<string, number>): void {
    const sums = new Map<string, number>();
    for (const e of evidence) {
      if (e.field !== 'text') continue;
      sparse.set(`${POLARITY_PREFIX[e.polarity]}:${e.term}`, 1);
      if (e.polarity === 'POS' || e.polarity === 'NEG') {
        const key = `${e.polarity === 'POS' ? 'd' : 'dn'}:${e.head}:${e.label}`;
        sums.set(key, (sums.get(key) ?? 0) + e.weight);
      }
    }
    for (const [key, sum] of sums) sparse.set(key, Math.log1p(sum));
  }

  private addWordFeatures(text: string, sparse: Map<string, number>): void {
    for (const word of this.segment(text)) {
      if (CJK.test(word) && !STOPWORDS.has(word)) sparse.set(`w:${word}`, 1);
    }
  }
}

/** Saying a word again adds little: later mentions of the same term with the same reading count 0.3. */
const REPEAT_WEIGHT = 0.3;

/** Evidence objects are fresh per call, so the discount is applied in place. */
function discountRepeats(evidence: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  for (const e of evidence) {
    const key = `${e.head}|${e.label}|${e.term}|${e.polarity}|${e.field}`;
    if (seen.has(key)) e.weight *= REPEAT_WEIGHT;
    else seen.add(key);
  }
  return evidence;
}

function addNameFeatures(text: string, product: string, subject: string, sparse: Map<string, number>): void {
  for (const name of quotedNames(text)) sparse.set(`q:${name.slice(-1)}`, 1);
  if (product) sparse.set(`p:${product.slice(-1)}`, 1);
  const subjectCore = subject.replace(COMPANY_SUFFIX, '');
  if (subjectCore.length >= 2) sparse.set(`s:${subjectCore.slice(-2)}`, 1);
}

function addBigrams(text: string, sparse: Map<string, number>): void {
  for (let i = 0; i + 1 < text.length; i++) {
    const bigram = text.slice(i, i + 2);
    if (CJK.test(bigram[0]) && CJK.test(bigram[1])) sparse.set(`b:${bigram}`, 1);
  }
}

const SLOT = Object.fromEntries(TIED_FEATURES.map((name, g) => [name, g])) as Record<(typeof TIED_FEATURES)[number], number>;
const classIndexes = new WeakMap<readonly string[], Map<string, number>>();

function classIndex(classes: readonly string[]): Map<string, number> {
  let index = classIndexes.get(classes);
  if (!index) classIndexes.set(classes, (index = new Map(classes.map((label, c) => [label, c]))));
  return index;
}

/** G×C matrix (feature-major) of class-aligned values for one head. */
export function tiedValues(evidence: readonly Evidence[], head: Head, classes: readonly string[]): Float64Array {
  const C = classes.length;
  const values = new Float64Array(TIED_COUNT * C);
  const index = classIndex(classes);
  for (const e of evidence) {
    const c = e.head === head ? index.get(e.label) : undefined;
    if (c === undefined) continue;
    if (e.field !== 'text') values[(e.field === 'product' ? SLOT.product : SLOT.subject) * C + c] += e.weight;
    else if (e.polarity === 'NEG') values[SLOT.neg * C + c] += e.weight;
    else if (e.polarity === 'CLAIM') values[SLOT.claim * C + c] += e.weight;
    else if (e.polarity === 'POS') {
      values[SLOT.pos * C + c] += e.weight;
      if (e.focus) values[SLOT.focus * C + c] += e.weight;
      if (e.verdict) values[SLOT.verdict * C + c] += e.weight;
    }
  }
  let total = 0;
  for (let c = 0; c < C; c++) total += values[SLOT.pos * C + c];
  for (let c = 0; c < C; c++) values[SLOT.share * C + c] = total > 0 ? values[SLOT.pos * C + c] / total : 0;
  for (let i = 0; i < values.length; i++) if (i < SLOT.share * C || i >= (SLOT.share + 1) * C) values[i] = Math.log1p(values[i]);
  return values;
}
