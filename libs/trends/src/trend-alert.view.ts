import type { TrendAlertStatus, TrendAlertView, TrendKeyKind } from '@hub/contracts';

export interface TrendAlertRow {
  id: string;
  key_kind: TrendKeyKind;
  key_value: string;
  label: string;
  window_start: Date;
  window_end: Date;
  observed: number;
  expected: number;
  p_value: number;
  score: number;
  hotlines: string[];
  status: TrendAlertStatus;
  raised_at: Date;
  updated_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  acknowledged_observed: number | null;
}

export function toTrendAlertView(r: TrendAlertRow): TrendAlertView {
  return {
    id: r.id,
    keyKind: r.key_kind,
    key: r.key_value,
    label: r.label,
    windowStart: r.window_start.toISOString(),
    windowEnd: r.window_end.toISOString(),
    observed: r.observed,
    expected: Number(r.expected),
    pValue: Number(r.p_value),
    score: Number(r.score),
    hotlines: r.hotlines,
    status: r.status,
    raisedAt: r.raised_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    acknowledgedAt: r.acknowledged_at?.toISOString() ?? null,
    acknowledgedBy: r.acknowledged_by,
  };
}
