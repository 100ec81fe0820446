import type { Head, Lexicon } from './lexicon/lexicon-types';

export interface ClassifierInput {
  text: string;
  productName?: string | null;
  subjectName?: string | null;
  feed: string;
  kind?: string | null;
  /** prefecture region; only matters for rule sets with region conditions */
  regionCode?: string | null;
}

export interface LabelledExample extends ClassifierInput {
  category: string;
  violation: string;
  stage: string;
  /** relative weight in training, e.g. an operator's correction counts more (default 1) */
  weight?: number;
}

export interface LabelScore {
  label: string;
  probability: number;
}

export interface ClassificationScores {
  category: LabelScore[];
  violation: LabelScore[];
  stage: LabelScore[];
  /** lead department over the joint of the three heads under the rule set */
  lead: LabelScore[];
}

export interface Classification {
  category: string;
  violation: string;
  stage: string;
  /** probability that the lead department these labels route to is right */
  confidence: number;
  /** lead department the labels route to under the classifier's rule set */
  leadDepartment: string;
  explanation: string;
  scores?: ClassificationScores;
}

export interface HeadModelJSON {
  classes: string[];
  bias: number[];
  tied: number[];
  /** sparse feature → one weight per class; features whose weights all rounded to 0 are left out */
  weights: Record<string, number[]>;
}

/** Everything needed to rebuild the classifier; stored as a versioned JSON document. */
export interface ClassifierModel {
  format: 'hotline-hub/ticket-classifier';
  formatVersion: 1;
  trainedAt: string;
  exampleCount: number;
  options: TrainOptions;
  lexicon: Lexicon;
  heads: Record<Head, HeadModelJSON>;
}

export interface TrainOptions {
  /** L2 penalty on per-class sparse weights */
  l2: number;
  /** L2 penalty on the shared dictionary-evidence weights */
  l2Tied: number;
  /** divides every head's logits before the softmax (>1 softens) */
  temperature: number;
  charBigrams: boolean;
  maxIterations: number;
  /** sparse features seen in fewer training examples are dropped */
  minFeatureCount: number;
}

export type { Head };
