export { TicketClassifier, DEFAULT_AUTO_THRESHOLD, DEFAULT_TRAIN_OPTIONS, type TrainSettings } from './ticket-classifier';
export type {
  Classification,
  ClassificationScores,
  ClassifierInput,
  ClassifierModel,
  HeadModelJSON,
  LabelledExample,
  LabelScore,
  TrainOptions,
} from './types';
export { DEFAULT_LEXICON, HEADS, LABEL_NAMES, HEAD_NAMES, type Head, type Lexicon, type LexiconEntry, type NegationMode } from './lexicon';
export { refineKind, kindScores, type TicketKind } from './kind';
export { detectFlags, type DetectedFlag, type TicketFlag } from './flags';
