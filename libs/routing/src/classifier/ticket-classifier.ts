import { DEFAULT_RULE_SET, DEFAULT_VOCABULARY, PROVINCE_REGION } from '../rules/default-rule-set';
import { leadTable } from '../rules/lead-table';
import type { RuleSet } from '../rules/rule-types';
import { explain } from './explanation';
import { FeatureExtractor, tiedValues, type AnalysedInput } from './features';
import { encodeFeatures, HeadModel, type BoundHead, type EncodedExample } from './head-model';
import { DEFAULT_LEXICON } from './lexicon';
import { HEADS, type Head, type Lexicon } from './lexicon/lexicon-types';
import { leadOutcome } from './routing-outcome';
import type { Classification, ClassifierInput, ClassifierModel, LabelledExample, LabelScore, TrainOptions } from './types';

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  l2: 1,
  l2Tied: 0.05,
  // the public folds are nearly all right, so they cannot calibrate; 1.5 keeps confidence close to
  // accuracy when a share of the dictionary is missing (bench robustness section)
  temperature: 1.5,
  charBigrams: false,
  maxIterations: 300,
  minFeatureCount: 2,
};

/** Tickets whose confidence is at least this are dispatched without an operator (see bench/README.md). */
export const DEFAULT_AUTO_THRESHOLD = 0.8;

export interface TrainSettings extends Partial<TrainOptions> {
  lexicon?: Lexicon;
  ruleSet?: RuleSet;
}

const BASE_CLASSES: Record<Head, readonly string[]> = {
  category: DEFAULT_VOCABULARY.categories,
  violation: DEFAULT_VOCABULARY.violations,
  stage: DEFAULT_VOCABULARY.stages,
};

function classesFor(head: Head, lexicon: Lexicon, examples: readonly LabelledExample[]): string[] {
  const labels = new Set<string>(BASE_CLASSES[head]);
  for (const entry of lexicon.entries[head]) if (entry.label) labels.add(entry.label);
  for (const example of examples) labels.add(example[head]);
  return [...labels];
}

function trainingVocabulary(analysed: readonly AnalysedInput[], minCount: number): string[] {
  const counts = new Map<string, number>();
  for (const a of analysed) for (const feature of a.sparse.keys()) counts.set(feature, (counts.get(feature) ?? 0) + 1);
  return [...counts].filter(([, n]) => n >= minCount).map(([feature]) => feature).sort();
}

function encode(a: AnalysedInput, head: Head, classes: string[], index: Map<string, number>, label: string, weight: number): EncodedExample {
  return { ...encodeFeatures(a.sparse, index), tied: tiedValues(a.evidence, head, classes), label: classes.indexOf(label), weight };
}

/** One index over every feature any head weighs, and each head bound to it. */
function bindHeads(heads: Record<Head, HeadModel>): { index: Map<string, number>; bound: Record<Head, BoundHead> } {
  const features = new Set<string>();
  for (const head of HEADS) for (const feature of heads[head].weights.keys()) features.add(feature);
  const index = new Map([...features].map((feature, i) => [feature, i]));
  const bound = {} as Record<Head, BoundHead>;
  for (const head of HEADS) bound[head] = heads[head].bind(index);
  return { index, bound };
}

function topScores(classes: readonly string[], probabilities: ArrayLike<number>, n = 3): LabelScore[] {
  return classes
    .map((label, i) => ({ label, probability: probabilities[i] }))
    .sort((a, b) => b.probability - a.probability)
    .slice(0, n);
}

export class TicketClassifier {
  private readonly extractor: FeatureExtractor;
  private readonly featureIndex: Map<string, number>;
  private readonly bound: Record<Head, BoundHead>;
  private readonly labels: { categories: string[]; violations: string[]; stages: string[] };

  private constructor(
    private readonly meta: Pick<ClassifierModel, 'trainedAt' | 'exampleCount' | 'options' | 'lexicon'>,
    private readonly heads: Record<Head, HeadModel>,
    readonly ruleSet: RuleSet,
  ) {
    this.extractor = new FeatureExtractor(meta.lexicon, { charBigrams: meta.options.charBigrams });
    ({ index: this.featureIndex, bound: this.bound } = bindHeads(heads));
    this.labels = { categories: heads.category.classes, violations: heads.violation.classes, stages: heads.stage.classes };
  }

  static train(examples: readonly LabelledExample[], settings: TrainSettings = {}): TicketClassifier {
    if (examples.length === 0) throw new Error('cannot train a classifier on no examples');
    const { lexicon = DEFAULT_LEXICON, ruleSet = DEFAULT_RULE_SET, ...overrides } = settings;
    const options: TrainOptions = { ...DEFAULT_TRAIN_OPTIONS, ...overrides };
    const extractor = new FeatureExtractor(lexicon, { charBigrams: options.charBigrams });
    const analysed = examples.map((example) => extractor.analyse(example));
    const vocabulary = trainingVocabulary(analysed, options.minFeatureCount);
    const index = new Map(vocabulary.map((feature, i) => [feature, i]));
    const heads = {} as Record<Head, HeadModel>;
    for (const head of HEADS) {
      const classes = classesFor(head, lexicon, examples);
      const encoded = analysed.map((a, i) => encode(a, head, classes, index, examples[i][head], examples[i].weight ?? 1));
      heads[head] = HeadModel.train(classes, vocabulary, encoded, options);
    }
    const meta = { trainedAt: new Date().toISOString(), exampleCount: examples.length, options, lexicon };
    return new TicketClassifier(meta, heads, ruleSet);
  }

  static fromJSON(model: ClassifierModel, settings: { ruleSet?: RuleSet } = {}): TicketClassifier {
    if (model.format !== 'hotline-hub/ticket-classifier' || model.formatVersion !== 1) {
      throw new Error(`unsupported classifier model format ${model.format}@${model.formatVersion}`);
    }
    const heads = {} as Record<Head, HeadModel>;
    for (const head of HEADS) heads[head] = HeadModel.fromJSON(model.heads[head]);
    const options = { ...DEFAULT_TRAIN_OPTIONS, ...model.options };
    const meta = { trainedAt: model.trainedAt, exampleCount: model.exampleCount, options, lexicon: model.lexicon };
    return new TicketClassifier(meta, heads, settings.ruleSet ?? DEFAULT_RULE_SET);
  }

  /** The same model judged against another rule set (rule sets change at run time). */
  withRuleSet(ruleSet: RuleSet): TicketClassifier {
    return new TicketClassifier(this.meta, this.heads, ruleSet);
  }

  classify(input: ClassifierInput): Classification {
    const analysed = this.extractor.analyse(input);
    const encoded = encodeFeatures(analysed.sparse, this.featureIndex);
    const temperature = this.meta.options.temperature;
    const p = {} as Record<Head, Float64Array>;
    for (const head of HEADS) {
      p[head] = this.bound[head].probabilities(tiedValues(analysed.evidence, head, this.heads[head].classes), encoded, temperature);
    }
    const classes = this.labels;
    const outcome = leadOutcome(leadTable(this.ruleSet, classes, input.regionCode || PROVINCE_REGION), p);
    const chosen: Record<Head, string> = {
      category: classes.categories[outcome.best.category],
      violation: classes.violations[outcome.best.violation],
      stage: classes.stages[outcome.best.stage],
    };
    const leadScores = [...outcome.leads].filter(([dept]) => dept).map(([label, probability]) => ({ label, probability }));
    return {
      ...chosen,
      confidence: outcome.best.probability,
      leadDepartment: outcome.best.lead,
      explanation: explain(analysed.evidence, chosen, input.feed),
      scores: {
        category: topScores(classes.categories, p.category),
        violation: topScores(classes.violations, p.violation),
        stage: topScores(classes.stages, p.stage),
        lead: leadScores.sort((a, b) => b.probability - a.probability).slice(0, 3),
      },
    };
  }

  toJSON(): ClassifierModel {
    return {
      format: 'hotline-hub/ticket-classifier',
      formatVersion: 1,
      ...this.meta,
      heads: { category: this.heads.category.toJSON(), violation: this.heads.violation.toJSON(), stage: this.heads.stage.toJSON() },
    };
  }
}
