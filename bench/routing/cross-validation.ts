import { TicketClassifier, type Classification, type Lexicon, type TrainSettings } from '@hub/routing/classifier';
import { DEFAULT_RULE_SET, evaluateRules, type RuleSet } from '@hub/routing/rules';
import { toExample, type LabelledRecord } from './dataset';
import { stratifiedFolds } from './folds';
import type { RegionSource } from './region';

export interface Prediction {
  record: LabelledRecord;
  fold: number;
  classification: Classification;
  region: string;
  regionSource: RegionSource;
  leadUnit: string;
  expectedLeadUnit: string;
}

export interface CrossValidationOptions {
  k: number;
  seed: number;
  train?: TrainSettings;
  ruleSet?: RuleSet;
  regionOf: (record: LabelledRecord) => { regionCode: string; source: RegionSource };
  /** the dictionaries of one fold's model, from its training records (default: as shipped) */
  lexiconFor?: (training: readonly LabelledRecord[]) => Lexicon;
}

/** Every record is classified by a model trained on the other k−1 folds only. */
export function crossValidate(records: readonly LabelledRecord[], options: CrossValidationOptions): Prediction[] {
  const ruleSet = options.ruleSet ?? DEFAULT_RULE_SET;
  const folds = stratifiedFolds(records, options.k, (r) => r.expected.lead, options.seed);
  const predictions: Prediction[] = [];
  for (let fold = 0; fold < options.k; fold++) {
    const trainingRecords = records.filter((_, i) => folds[i] !== fold);
    const lexicon = options.lexiconFor?.(trainingRecords) ?? options.train?.lexicon;
    const classifier = TicketClassifier.train(trainingRecords.map(toExample), { ...options.train, ...(lexicon ? { lexicon } : {}), ruleSet });
    records.forEach((record, i) => {
      if (folds[i] !== fold) return;
      const classification = classifier.classify({ text: record.text, subjectName: record.subjectName, feed: record.feed, kind: record.kind });
      const { regionCode, source } = options.regionOf(record);
      const routed = evaluateRules(ruleSet, { ...classification, regionCode });
      const expected = evaluateRules(ruleSet, { ...record.expected, regionCode: record.expected.region });
      predictions.push({ record, fold, classification, region: regionCode, regionSource: source, leadUnit: routed.leadUnit, expectedLeadUnit: expected.leadUnit });
    });
  }
  return predictions;
}
