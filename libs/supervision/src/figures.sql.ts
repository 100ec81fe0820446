import type { DashboardQuery, PeriodQuery } from '@hub/contracts';
import { Dimension, DIMENSIONS } from './rollup.sql';

/** The dashboard's and the assessment's reads of the rollups, as the service sends them (the benchmark sends the same). */
export interface Statement {
  sql: string;
  params: unknown[];
}

const SUMS = `sum(received)::int AS received, sum(dispatched)::int AS dispatched, sum(closed)::int AS closed, sum(overdue)::int AS overdue,
  sum(routed)::int AS routed, sum(auto_routed)::int AS auto_routed, sum(corrected)::int AS corrected,
  sum(no_case)::int AS no_case, sum(mediated)::int AS mediated, sum(mediation_failed)::int AS mediation_failed,
  sum(penalized)::int AS penalized, sum(transferred)::int AS transferred, sum(fine_fen)::bigint AS fine_fen, sum(confiscation_fen)::bigint AS confiscation_fen`;

function where(q: DashboardQuery): { clause: string; params: unknown[] } {
  const params: unknown[] = [q.from, q.to];
  const parts = ['day BETWEEN $1::date AND $2::date'];
  const add = (column: string, value: string | null | undefined) => {
    if (!value) return;
    params.push(value);
    parts.push(`${column} = $${params.length}`);
  };
  add('unit', q.unit);
  add('feed', q.feed);
  add('region_code', q.region);
  add('category', q.category);
  return { clause: parts.join(' AND '), params };
}

/** GROUPING(day, feed, region_code, category, unit) of each grouping set: a 1 bit per column rolled up. */
export const GROUPING = { day: 0b01111, feed: 0b10111, region: 0b11011, category: 0b11101, unit: 0b11110, total: 0b11111 } as const;

const filtersOf = (q: DashboardQuery) =>
  (Object.keys(DIMENSIONS) as Dimension[]).flatMap((d) => (q[d] ? [[d, q[d] as string] as const] : []));

/**
 * One row per day, feed, region, category and unit of the period, and the total row; `grouping` says
 * which. With no filter or one, from the one-dimension sums (a few hundred rows a day); with several,
 * from the full key (few rows match them), one pass with GROUPING SETS.
 */
export function dashboardStatement(q: DashboardQuery): Statement {
  const filters = filtersOf(q);
  return filters.length <= 1 ? byStatement(q, filters[0] ?? null) : filteredStatement(q);
}

function byStatement(q: DashboardQuery, filter: readonly [Dimension, string] | null): Statement {
  const k = `CASE WHEN dim = 'day' THEN day::text ELSE key END`;
  const column = (dim: string) => `CASE WHEN dim = '${dim}' THEN ${k} END`;
  const scope = `fdim = $3 AND fkey = $4 AND day BETWEEN $1::date AND $2::date`;
  // a filtered dimension has no breakdown of its own: its one key holds the whole
  const own = filter
    ? `UNION ALL
          SELECT ${GROUPING[filter[0]]}, NULL, ${(Object.keys(DIMENSIONS) as Dimension[]).map((d) => (d === filter[0] ? '$4' : 'NULL')).join(', ')}, ${SUMS}
            FROM supervision_daily_by WHERE ${scope} AND dim = 'day'`
    : '';
  return {
    sql: `SELECT CASE dim WHEN 'day' THEN ${GROUPING.day} WHEN 'feed' THEN ${GROUPING.feed} WHEN 'region' THEN ${GROUPING.region} WHEN 'category' THEN ${GROUPING.category} ELSE ${GROUPING.unit} END AS grouping,
                 ${column('day')} AS day, ${column('feed')} AS feed, ${column('region')} AS region_code, ${column('category')} AS category, ${column('unit')} AS unit, ${SUMS}
            FROM supervision_daily_by WHERE ${scope}
           GROUP BY dim, ${k}
          UNION ALL
          SELECT ${GROUPING.total}, NULL, NULL, NULL, NULL, NULL, ${SUMS}
            FROM supervision_daily_by WHERE ${scope} AND dim = 'day'
          ${own}`,
    params: [q.from, q.to, filter?.[0] ?? '', filter?.[1] ?? ''],
  };
}

function filteredStatement(q: DashboardQuery): Statement {
  const { clause, params } = where(q);
  return {
    sql: `SELECT GROUPING(day, feed, region_code, category, unit) AS grouping, day::text AS day, feed, region_code, category, unit, ${SUMS}
            FROM supervision_daily_flow WHERE ${clause}
           GROUP BY GROUPING SETS ((day), (feed), (region_code), (category), (unit), ())`,
    params,
  };
}

/** The assessment figures of every unit with anything in the period. */
export function assessmentStatement(q: PeriodQuery): Statement {
  return {
    sql: `SELECT key AS unit, sum(dispatched)::int AS dispatched, sum(accepted)::int AS accepted, sum(accepted_on_time)::int AS accepted_on_time,
                 sum(accept_missed)::int AS accept_missed, sum(closed)::int AS closed, sum(closed_on_time)::int AS closed_on_time,
                 sum(close_missed)::int AS close_missed, sum(returned)::int AS returned, sum(reopened)::int AS reopened
            FROM supervision_daily_by WHERE fdim = '' AND fkey = '' AND dim = 'unit' AND day BETWEEN $1::date AND $2::date AND key <> ''
           GROUP BY key
          HAVING sum(dispatched + accepted + closed + returned + reopened + accept_missed + close_missed) > 0`,
    params: [q.from, q.to],
  };
}
