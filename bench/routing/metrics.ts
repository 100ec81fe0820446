import type { Prediction } from './cross-validation';

export type Head = 'category' | 'violation' | 'stage' | 'lead';

export function expectedOf(p: Prediction, head: Head): string {
  return head === 'lead' ? p.record.expected.lead : p.record.expected[head];
}

export function predictedOf(p: Prediction, head: Head): string {
  return head === 'lead' ? p.classification.leadDepartment : p.classification[head];
}

export const isLeadUnitRight = (p: Prediction): boolean => p.leadUnit === p.expectedLeadUnit;

export function share<T>(items: readonly T[], test: (item: T) => boolean): number {
  return items.length ? items.filter(test).length / items.length : NaN;
}

export function headAccuracy(predictions: readonly Prediction[], head: Head): number {
  return share(predictions, (p) => predictedOf(p, head) === expectedOf(p, head));
}

export interface AutoRouting {
  threshold: number;
  autoShare: number;
  autoPrecision: number;
  autoCount: number;
  wrongAuto: number;
}

export function autoRouting(predictions: readonly Prediction[], threshold: number): AutoRouting {
  const auto = predictions.filter((p) => p.classification.confidence >= threshold);
  return {
    threshold,
    autoShare: auto.length / predictions.length,
    autoPrecision: share(auto, isLeadUnitRight),
    autoCount: auto.length,
    wrongAuto: auto.filter((p) => !isLeadUnitRight(p)).length,
  };
}

export interface ConfusionPair {
  expected: string;
  predicted: string;
  count: number;
  ids: string[];
}

export function worstPairs(predictions: readonly Prediction[], head: Head, limit: number): ConfusionPair[] {
  const pairs = new Map<string, ConfusionPair>();
  for (const p of predictions) {
    const expected = expectedOf(p, head);
    const predicted = predictedOf(p, head);
    if (expected === predicted) continue;
    const key = `${expected}>${predicted}`;
    const pair = pairs.get(key) ?? { expected, predicted, count: 0, ids: [] };
    pair.count++;
    pair.ids.push(p.record.id);
    pairs.set(key, pair);
  }
  return [...pairs.values()].sort((a, b) => b.count - a.count || a.expected.localeCompare(b.expected)).slice(0, limit);
}

export interface CalibrationBin {
  from: number;
  to: number;
  count: number;
  meanConfidence: number;
  leadUnitAccuracy: number;
}

export function calibration(predictions: readonly Prediction[], edges: readonly number[]): CalibrationBin[] {
  return edges.slice(0, -1).map((from, i) => {
    const to = edges[i + 1];
    const bin = predictions.filter((p) => p.classification.confidence >= from && p.classification.confidence < to);
    const meanConfidence = bin.reduce((sum, p) => sum + p.classification.confidence, 0) / (bin.length || 1);
    return { from, to, count: bin.length, meanConfidence, leadUnitAccuracy: share(bin, isLeadUnitRight) };
  });
}

/** Mean squared gap between confidence and lead-unit correctness (lower is better). */
export function brierScore(predictions: readonly Prediction[]): number {
  const sum = predictions.reduce((s, p) => s + (p.classification.confidence - (isLeadUnitRight(p) ? 1 : 0)) ** 2, 0);
  return sum / predictions.length;
}
