/**
 * When a key's recent tickets are "well above its usual rate" (定期研判), as plain functions.
 *
 * Method: a one-sided Poisson test of the window's count against the key's own baseline.
 * - Window: the last WINDOW_HOURS (24 h) of hourly buckets; baseline: the BASELINE_DAYS (28 days) before it.
 * - Expected count: the baseline rate with a small Gamma prior (PRIOR_TICKETS over PRIOR_DAYS), so a
 *   never-seen key expects 0.5 / (28 + 7) ≈ 0.014 tickets a day instead of 0 (no division by zero, and
 *   a key seen once in a month is not alarming at its second ticket):
 *       expected = windowDays × (baselineCount + PRIOR_TICKETS) / (baselineDays + PRIOR_DAYS)
 * - p = P(X ≥ observed) for X ~ Poisson(expected), summed in log space (no 1 − CDF cancellation).
 * - An alert needs all of: observed ≥ MIN_COUNT (3), p ≤ MAX_P_VALUE (0.001), observed ≥ MIN_RATIO (2) ×
 *   expected (a large region's ordinary day-to-day wobble is over-dispersed and would pass the p-value
 *   alone), and for subjects and products tickets from MIN_HOTLINES (2) hotlines (one caller ringing one
 *   hotline three times is not a trend; a region's burst from one hotline still is).
 * A never-seen key with 3 tickets from 2 hotlines in a day: expected 0.014, p ≈ 5e-7: it alerts.
 */
export const WINDOW_HOURS = 24;
export const BASELINE_DAYS = 28;
export const PRIOR_TICKETS = 0.5;
export const PRIOR_DAYS = 7;
export const MIN_COUNT = 3;
export const MAX_P_VALUE = 0.001;
export const MIN_RATIO = 2;
export const MIN_HOTLINES: Record<'SUBJECT' | 'PRODUCT' | 'REGION', number> = { SUBJECT: 2, PRODUCT: 2, REGION: 1 };

export interface TrendCounts {
  kind: 'SUBJECT' | 'PRODUCT' | 'REGION';
  /** tickets in the window */
  observed: number;
  /** distinct hotlines among them */
  hotlines: number;
  /** tickets in the baseline period before the window */
  baseline: number;
}

export interface TrendVerdict {
  expected: number;
  pValue: number;
  score: number;
  alert: boolean;
}

/** Tickets the key's baseline (with the prior) predicts for one window. */
export function expectedCount(baseline: number, windowHours = WINDOW_HOURS, baselineDays = BASELINE_DAYS): number {
  return ((windowHours / 24) * (baseline + PRIOR_TICKETS)) / (baselineDays + PRIOR_DAYS);
}

/** P(X ≥ k) for X ~ Poisson(mean). */
export function poissonUpperTail(k: number, mean: number): number {
  if (k <= 0) return 1;
  if (mean <= 0) return 0;
  if (k <= mean) return Math.max(0, Math.min(1, 1 - poissonCdfBelow(k, mean)));
  // terms from k upwards fall at least geometrically once i > mean
  let logTerm = -mean + k * Math.log(mean) - logFactorial(k);
  let sum = 0;
  for (let i = k; i < k + 10_000; i++) {
    const term = Math.exp(logTerm);
    sum += term;
    if (term <= sum * 1e-15) break;
    logTerm += Math.log(mean) - Math.log(i + 1);
  }
  return Math.min(1, sum);
}

/** P(X < k), summed from 0. */
function poissonCdfBelow(k: number, mean: number): number {
  let logTerm = -mean;
  let sum = 0;
  for (let i = 0; i < k; i++) {
    sum += Math.exp(logTerm);
    logTerm += Math.log(mean) - Math.log(i + 1);
  }
  return sum;
}

function logFactorial(n: number): number {
  let sum = 0;
  for (let i = 2; i <= n; i++) sum += Math.log(i);
  return sum;
}

/** The test of one key: its expected count, p-value, score (−log10 p) and whether it alerts. */
export function judgeTrend(counts: TrendCounts): TrendVerdict {
  const expected = expectedCount(counts.baseline);
  const pValue = poissonUpperTail(counts.observed, expected);
  const score = pValue > 0 ? -Math.log10(pValue) : 300;
  const alert =
    counts.observed >= MIN_COUNT && pValue <= MAX_P_VALUE && counts.observed >= MIN_RATIO * expected && counts.hotlines >= MIN_HOTLINES[counts.kind];
  return { expected, pValue, score, alert };
}

/** An acknowledged alert comes back (OPEN, pushed again) once its count has grown this much since. */
export const REOPEN_GROWTH = 1.5;

/** What the watch does with a finding for a key that already has an alert. */
export function nextAlertState(
  current: { status: 'OPEN' | 'ACKNOWLEDGED'; observed: number; acknowledgedObserved: number | null; hotlines: readonly string[] },
  found: { observed: number; hotlines: readonly string[] },
): 'grown' | 'reopened' | 'refreshed' {
  const newHotline = found.hotlines.some((h) => !current.hotlines.includes(h));
  if (current.status === 'OPEN') return found.observed > current.observed || newHotline ? 'grown' : 'refreshed';
  const since = current.acknowledgedObserved ?? current.observed;
  return found.observed >= Math.ceil(since * REOPEN_GROWTH) ? 'reopened' : 'refreshed';
}
