import type { DashboardQuery, FlowBreakdownRow, FlowCounts, PeriodFigures } from '@hub/contracts';
import { GROUPING } from './figures.sql';
import { daysOf } from './period';

/** One row of the dashboard statement. */
export interface FlowRow {
  grouping: number;
  day: string | null;
  feed: string | null;
  region_code: string | null;
  category: string | null;
  unit: string | null;
  received: number;
  dispatched: number;
  closed: number;
  overdue: number;
  routed: number;
  auto_routed: number;
  corrected: number;
  no_case: number;
  mediated: number;
  mediation_failed: number;
  penalized: number;
  transferred: number;
  fine_fen: string | number;
  confiscation_fen: string | number;
}

const counts = (r: FlowRow | undefined): FlowCounts => ({ received: r?.received ?? 0, dispatched: r?.dispatched ?? 0, closed: r?.closed ?? 0, overdue: r?.overdue ?? 0 });

/** Largest first, then by code: the order of a ranked bar chart. */
function breakdown(rows: FlowRow[], set: number, key: (r: FlowRow) => string | null, skipEmptyKey = false): FlowBreakdownRow[] {
  return rows
    .filter((r) => r.grouping === set && !(skipEmptyKey && !key(r)))
    .map((r) => ({ key: key(r) ?? '', ...counts(r) }))
    .sort((a, b) => b.received + b.dispatched + b.closed - (a.received + a.dispatched + a.closed) || a.key.localeCompare(b.key));
}

/** The period's figures from the statement's rows; every day of the period present, empty days as zeros. */
export function shapeFigures(q: DashboardQuery, rows: FlowRow[], asOf: string | null): PeriodFigures {
  const total = rows.find((r) => r.grouping === GROUPING.total);
  const byDay = new Map(rows.filter((r) => r.grouping === GROUPING.day).map((r) => [r.day as string, r]));
  const days = daysOf(q.from, q.to);
  const outcomes: Array<[string, number]> = [
    ['NO_CASE', total?.no_case ?? 0],
    ['MEDIATED', total?.mediated ?? 0],
    ['MEDIATION_FAILED', total?.mediation_failed ?? 0],
    ['PENALIZED', total?.penalized ?? 0],
    ['TRANSFERRED', total?.transferred ?? 0],
  ];
  return {
    from: q.from,
    to: q.to,
    unit: q.unit ?? null,
    feed: q.feed ?? null,
    region: q.region ?? null,
    category: q.category ?? null,
    asOf,
    totals: {
      ...counts(total),
      penalized: total?.penalized ?? 0,
      transferred: total?.transferred ?? 0,
      fineFen: Number(total?.fine_fen ?? 0),
      confiscationFen: Number(total?.confiscation_fen ?? 0),
    },
    series: days.map((day) => ({ day, ...counts(byDay.get(day)) })),
    byFeed: breakdown(rows, GROUPING.feed, (r) => r.feed),
    byRegion: breakdown(rows, GROUPING.region, (r) => r.region_code),
    byCategory: breakdown(rows, GROUPING.category, (r) => r.category),
    // '' holds tickets received and not yet dispatched: no unit to show
    byUnit: breakdown(rows, GROUPING.unit, (r) => r.unit, true),
    routingQuality: {
      routed: total?.routed ?? 0,
      autoRouted: total?.auto_routed ?? 0,
      corrected: total?.corrected ?? 0,
      series: days.map((day) => {
        const r = byDay.get(day);
        return { day, routed: r?.routed ?? 0, autoRouted: r?.auto_routed ?? 0, corrected: r?.corrected ?? 0 };
      }),
    },
    outcomes: outcomes.map(([outcome, count]) => ({ outcome, count })),
  };
}
