/**
 * Supervision figures shared by the dashboard, the unit assessment and the half-year reports:
 * the report of a period shows exactly what the dashboard shows for it. Import-free.
 */

/** A period of whole days in Beijing time, both ends included (YYYY-MM-DD). */
export interface PeriodQuery {
  from: string;
  to: string;
  /** one unit's figures (a unit report), or the province's when null */
  unit?: string | null;
}

/** The dashboard's period with its filters (each one code, or all when absent). */
export interface DashboardQuery extends PeriodQuery {
  feed?: string | null;
  region?: string | null;
  category?: string | null;
}

export interface FlowCounts {
  /** tickets received in the period */
  received: number;
  /** tickets dispatched to a unit in the period */
  dispatched: number;
  /** tickets closed in the period */
  closed: number;
  /** clocks that ran out in the period */
  overdue: number;
}

/** One day of the period. */
export interface FlowPoint extends FlowCounts {
  day: string;
}

/** One hotline, region, category or unit: `key` is its code (feed, region code, category code, unit code). */
export interface FlowBreakdownRow extends FlowCounts {
  key: string;
}

export interface RoutingQualityPoint {
  day: string;
  /** tickets routed (automatically or by an operator) */
  routed: number;
  /** routed by the rules with no operator */
  autoRouted: number;
  /** an operator changed the router's classification or unit */
  corrected: number;
}

export interface PeriodFigures {
  from: string;
  to: string;
  unit: string | null;
  /** the dashboard's filters, null when not filtered */
  feed?: string | null;
  region?: string | null;
  category?: string | null;
  /** when the rollups were last brought up to date (ISO), null before their first run */
  asOf?: string | null;
  totals: FlowCounts & { penalized: number; transferred: number; fineFen: number; confiscationFen: number };
  series: FlowPoint[];
  byFeed: FlowBreakdownRow[];
  byRegion: FlowBreakdownRow[];
  byCategory: FlowBreakdownRow[];
  byUnit: FlowBreakdownRow[];
  routingQuality: { routed: number; autoRouted: number; corrected: number; series: RoutingQualityPoint[] };
  /** closed tickets of the period by outcome */
  outcomes: Array<{ outcome: string; count: number }>;
}

/** One unit's 绩效考核 for a period, with the figures behind its score. */
export interface UnitAssessmentRow {
  unit: string;
  rank: number;
  /** 0–100 */
  score: number;
  /** false while nothing was due (no acceptance or closure to judge): score 0, ranked after every scored unit */
  scored: boolean;
  dispatched: number;
  accepted: number;
  acceptedOnTime: number;
  /** null when nothing was due */
  /** acceptance clocks that ran out on tickets the unit never accepted */
  acceptMissed: number;
  acceptOnTimeRate: number | null;
  closed: number;
  closedOnTime: number;
  /** resolution clocks that ran out on tickets never closed */
  closeMissed: number;
  closeOnTimeRate: number | null;
  returned: number;
  returnRate: number | null;
  reopened: number;
  reopenRate: number | null;
  /** reporter satisfaction 0–1 where collected, else null */
  satisfaction: number | null;
}

export interface UnitAssessment {
  from: string;
  to: string;
  rows: UnitAssessmentRow[];
}
