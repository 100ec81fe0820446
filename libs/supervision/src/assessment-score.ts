import type { UnitAssessmentRow } from '@hub/contracts';

/** What a unit did in a period, as the rollups count it. */
export interface UnitFigures {
  unit: string;
  dispatched: number;
  accepted: number;
  acceptedOnTime: number;
  /** acceptance clocks that ran out on tickets the unit never accepted */
  acceptMissed: number;
  closed: number;
  closedOnTime: number;
  /** resolution clocks that ran out on tickets never closed */
  closeMissed: number;
  returned: number;
  reopened: number;
  /** reporter satisfaction 0–1; nothing collects it yet */
  satisfaction: number | null;
}

/**
 * The 绩效考核 score, 0–100: a weighted mean of the unit's rates, each turned into "higher is better":
 *   on-time acceptance  30  acceptedOnTime / (accepted + acceptMissed)
 *   on-time closure     40  closedOnTime / (closed + closeMissed)
 *   returns             15  1 − returned / dispatched
 *   reopens             15  1 − reopened / closed   (a follow-up or changed resend on a closed ticket)
 *   satisfaction        20  where collected
 * A rate with nothing behind it (null: nothing was due, dispatched or closed) is left out and the
 * remaining weights are scaled up, so a unit is judged only on what it had to do. A unit with no
 * acceptance or closure to judge (its tickets not yet due) is not scored: returns alone would give an
 * idle unit full marks; it scores 0 and ranks after every scored unit. Rates are clamped to 0–1 (a
 * period may hold returns of tickets dispatched before it).
 */
export const SCORE_WEIGHTS = { acceptOnTime: 30, closeOnTime: 40, returns: 15, reopens: 15, satisfaction: 20 } as const;

export function rate(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.min(1, Math.max(0, part / whole));
}

type Rates = Pick<UnitAssessmentRow, 'acceptOnTimeRate' | 'closeOnTimeRate' | 'returnRate' | 'reopenRate' | 'satisfaction'>;

export function ratesOf(f: UnitFigures): Rates {
  return {
    acceptOnTimeRate: rate(f.acceptedOnTime, f.accepted + f.acceptMissed),
    closeOnTimeRate: rate(f.closedOnTime, f.closed + f.closeMissed),
    returnRate: rate(f.returned, f.dispatched),
    reopenRate: rate(f.reopened, f.closed),
    satisfaction: f.satisfaction,
  };
}

export function assessmentScore(r: Rates): number {
  const parts: Array<[number | null, number]> = [
    [r.acceptOnTimeRate, SCORE_WEIGHTS.acceptOnTime],
    [r.closeOnTimeRate, SCORE_WEIGHTS.closeOnTime],
    [r.returnRate === null ? null : 1 - r.returnRate, SCORE_WEIGHTS.returns],
    [r.reopenRate === null ? null : 1 - r.reopenRate, SCORE_WEIGHTS.reopens],
    [r.satisfaction, SCORE_WEIGHTS.satisfaction],
  ];
  const counted = parts.filter((p): p is [number, number] => p[0] !== null);
  const weight = counted.reduce((sum, [, w]) => sum + w, 0);
  if (weight === 0) return 0;
  const score = (100 * counted.reduce((sum, [value, w]) => sum + value * w, 0)) / weight;
  return Math.round(score * 10) / 10;
}

/** Whether a unit had anything due to judge it on: an acceptance or a closure. */
export const isScored = (r: Pick<UnitAssessmentRow, 'acceptOnTimeRate' | 'closeOnTimeRate'>) => r.acceptOnTimeRate !== null || r.closeOnTimeRate !== null;

/** Rows with rates and score, best first, unscored units last; equal scores share a rank (more dispatched first, then by code). */
export function rankUnits(figures: UnitFigures[]): UnitAssessmentRow[] {
  const rows = figures.map((f) => {
    const rates = ratesOf(f);
    const scored = isScored(rates);
    return {
      unit: f.unit,
      rank: 0,
      score: scored ? assessmentScore(rates) : 0,
      scored,
      dispatched: f.dispatched,
      accepted: f.accepted,
      acceptedOnTime: f.acceptedOnTime,
      acceptMissed: f.acceptMissed,
      closed: f.closed,
      closedOnTime: f.closedOnTime,
      closeMissed: f.closeMissed,
      returned: f.returned,
      reopened: f.reopened,
      ...rates,
    };
  });
  rows.sort((a, b) => Number(b.scored) - Number(a.scored) || b.score - a.score || b.dispatched - a.dispatched || a.unit.localeCompare(b.unit));
  rows.forEach((row, i) => {
    const previous = rows[i - 1];
    row.rank = previous && previous.scored === row.scored && previous.score === row.score ? previous.rank : i + 1;
  });
  return rows;
}
