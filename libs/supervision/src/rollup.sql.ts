/**
 * The statements of the supervision rollup. A day's rows are rebuilt whole from the ticket history
 * (and the tickets' feed, region, category and outcome), so running them again gives the same rows.
 *
 * Where each figure comes from (history action / status; the unit is the lead unit of the ticket's
 * latest dispatch at the event, so a return counts against the unit that returned it):
 *   received          tickets.received_at (the hotline's time), under the ticket's current lead unit
 *   dispatched        an entry to DISPATCHED (router or operator)
 *   routed            AUTO_DISPATCHED, CONFIRMED or CORRECTED; auto_routed: AUTO_DISPATCHED; corrected: CORRECTED of a
 *                     ticket the router had proposed for (an operator deciding an unclassified ticket corrects nothing)
 *   closed            an entry to CLOSED (the unit's close, or the police accepting a transfer), by outcome
 *   overdue           DEADLINE_OVERDUE (any clock)
 *   accepted          ACCEPTED; on time when at or before the acceptBy clock's end
 *   accept_missed     acceptBy ran out and that dispatch was never accepted
 *   closed_on_time    closed at or before the resolveBy clock's end (acceptBy's where none ran)
 *   close_missed      resolveBy ran out on a ticket never closed
 *   returned          RETURNED
 *   reopened          FOLLOW_UP or RESENT_CHANGED on a ticket already closed
 */

export const ROLLUP_LOCK_KEY = 'supervision-rollup';

/** Re-reads days already rolled up this far back, for history written by transactions still open at the last run. */
export const WATERMARK_OVERLAP = '10 minutes';

/**
 * Beijing days to rebuild ($1: since, or null for every day): the days of the events since then, and
 * the earlier days those events change the figures of —
 *   a ticket received, classified or dispatched (its category and lead unit): its receipt day; dispatched: every day of it
 *   accepted or closed: the days its clocks ran out (accept_missed / close_missed no longer hold)
 *   paused or resumed (its clocks' ends move): the days it was accepted (accepted on time or not)
 * Every other event counts on its own day only (a reopen looks back at the close, not the other way).
 */
export const TOUCHED_DAYS_SQL = `
  WITH recent AS (
    SELECT ticket_id, at, action, to_status FROM ticket_history WHERE $1::timestamptz IS NULL OR at >= $1::timestamptz
  ),
  touched AS (
    SELECT ticket_id,
           bool_or(to_status = 'DISPATCHED') AS dispatched,
           bool_or(action = 'RECEIVED' OR to_status IN ('TRIAGE', 'DISPATCHED')) AS arrived,
           bool_or(action = 'ACCEPTED' OR to_status = 'CLOSED') AS settled,
           bool_or(action IN ('PAUSED', 'RESUMED')) AS clocks_moved
      FROM recent GROUP BY ticket_id
  )
  SELECT DISTINCT (at AT TIME ZONE 'Asia/Shanghai')::date::text AS day FROM recent
  UNION
  SELECT DISTINCT (t.received_at AT TIME ZONE 'Asia/Shanghai')::date::text FROM tickets t JOIN touched ON touched.ticket_id = t.id AND touched.arrived
  UNION
  SELECT DISTINCT (h.at AT TIME ZONE 'Asia/Shanghai')::date::text
    FROM touched JOIN ticket_history h ON h.ticket_id = touched.ticket_id
   WHERE touched.dispatched
      OR (touched.settled AND h.action = 'DEADLINE_OVERDUE')
      OR (touched.clocks_moved AND h.action = 'ACCEPTED')`;

export const DELETE_DAYS_SQL = [
  `DELETE FROM supervision_daily_flow WHERE day BETWEEN $1::date AND $2::date`,
  `DELETE FROM supervision_daily_by WHERE day BETWEEN $1::date AND $2::date`,
];

export const FLOW_COLUMNS = [
  'received', 'dispatched', 'closed', 'overdue', 'routed', 'auto_routed', 'corrected', 'no_case', 'mediated', 'mediation_failed',
  'penalized', 'transferred', 'fine_fen', 'confiscation_fen', 'accepted', 'accepted_on_time', 'accept_missed', 'closed_on_time',
  'close_missed', 'returned', 'reopened',
] as const;

/** Rebuilds the rows of the Beijing days $1..$2 (inclusive). */
export const INSERT_DAYS_SQL = `
  WITH bounds AS (
    SELECT ($1::date::timestamp AT TIME ZONE 'Asia/Shanghai') AS lo, (($2::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') AS hi
  ),
  ev AS (
    SELECT h.id, h.ticket_id, h.at, h.action, h.to_status, h.data->>'clock' AS clock,
           t.feed, t.region_code, coalesce(t.classification->>'category', '') AS category, t.outcome, t.case_file->'closure' AS closure,
           (t.classification->'proposal') IS NOT NULL AND jsonb_typeof(t.classification->'proposal') = 'object' AS proposal,
           d.id AS dispatch_id, coalesce(d.unit, '') AS unit
      FROM bounds, ticket_history h
      JOIN tickets t ON t.id = h.ticket_id
      LEFT JOIN LATERAL (
        SELECT x.id, x.data->>'leadUnit' AS unit FROM ticket_history x
         WHERE x.ticket_id = h.ticket_id AND x.id <= h.id AND x.to_status = 'DISPATCHED'
         ORDER BY x.id DESC LIMIT 1
      ) d ON true
     WHERE h.at >= bounds.lo AND h.at < bounds.hi
       AND (h.to_status IN ('DISPATCHED', 'CLOSED') OR h.action IN ('ACCEPTED', 'RETURNED', 'DEADLINE_OVERDUE', 'FOLLOW_UP', 'RESENT_CHANGED'))
  ),
  flags AS (
    SELECT (ev.at AT TIME ZONE 'Asia/Shanghai')::date AS day, ev.feed, ev.region_code, ev.category, ev.unit,
           0 AS received,
           (ev.to_status = 'DISPATCHED')::int AS dispatched,
           (ev.to_status = 'CLOSED')::int AS closed,
           (ev.action = 'DEADLINE_OVERDUE')::int AS overdue,
           (ev.action IN ('AUTO_DISPATCHED', 'CONFIRMED', 'CORRECTED'))::int AS routed,
           (ev.action = 'AUTO_DISPATCHED')::int AS auto_routed,
           (ev.action = 'CORRECTED' AND ev.proposal)::int AS corrected,
           (ev.to_status = 'CLOSED' AND ev.outcome = 'NO_CASE')::int AS no_case,
           (ev.to_status = 'CLOSED' AND ev.outcome = 'MEDIATED')::int AS mediated,
           (ev.to_status = 'CLOSED' AND ev.outcome = 'MEDIATION_FAILED')::int AS mediation_failed,
           (ev.to_status = 'CLOSED' AND ev.outcome = 'PENALIZED')::int AS penalized,
           (ev.to_status = 'CLOSED' AND ev.outcome = 'TRANSFERRED')::int AS transferred,
           CASE WHEN ev.to_status = 'CLOSED' THEN coalesce((ev.closure->>'fineFen')::bigint, 0) ELSE 0 END AS fine_fen,
           CASE WHEN ev.to_status = 'CLOSED' THEN coalesce((ev.closure->>'confiscationFen')::bigint, 0) ELSE 0 END AS confiscation_fen,
           (ev.action = 'ACCEPTED')::int AS accepted,
           (ev.action = 'ACCEPTED' AND (ab.due_at IS NULL OR ev.at <= ab.due_at))::int AS accepted_on_time,
           (ev.action = 'DEADLINE_OVERDUE' AND ev.clock = 'acceptBy' AND ev.dispatch_id IS NOT NULL AND (
              SELECT y.action FROM ticket_history y
               WHERE y.ticket_id = ev.ticket_id AND y.id > ev.dispatch_id AND y.action IN ('ACCEPTED', 'RETURNED')
               ORDER BY y.id LIMIT 1) IS DISTINCT FROM 'ACCEPTED')::int AS accept_missed,
           (ev.to_status = 'CLOSED' AND ev.at <= coalesce(rb.due_at, ab.due_at, 'infinity'::timestamptz))::int AS closed_on_time,
           (ev.action = 'DEADLINE_OVERDUE' AND ev.clock = 'resolveBy'
              AND NOT EXISTS (SELECT 1 FROM ticket_history y WHERE y.ticket_id = ev.ticket_id AND y.to_status = 'CLOSED'))::int AS close_missed,
           (ev.action = 'RETURNED')::int AS returned,
           (ev.action IN ('FOLLOW_UP', 'RESENT_CHANGED')
              AND EXISTS (SELECT 1 FROM ticket_history y WHERE y.ticket_id = ev.ticket_id AND y.to_status = 'CLOSED' AND y.id < ev.id))::int AS reopened
      FROM ev
      LEFT JOIN ticket_clocks ab ON ab.ticket_id = ev.ticket_id AND ab.clock = 'acceptBy'
      LEFT JOIN ticket_clocks rb ON rb.ticket_id = ev.ticket_id AND rb.clock = 'resolveBy'
    UNION ALL
    SELECT (t.received_at AT TIME ZONE 'Asia/Shanghai')::date, t.feed, t.region_code, coalesce(t.classification->>'category', ''), coalesce(t.lead_unit, ''),
           1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
      FROM bounds, tickets t
     WHERE t.received_at >= bounds.lo AND t.received_at < bounds.hi
  )
  INSERT INTO supervision_daily_flow (day, feed, region_code, category, unit, ${FLOW_COLUMNS.join(', ')})
  SELECT day, feed, region_code, category, unit, ${FLOW_COLUMNS.map((c) => `sum(${c})`).join(', ')}
    FROM flags
   GROUP BY day, feed, region_code, category, unit`;

/** The dimensions of the dashboard: what `dim` and `fdim` name, and their column in `supervision_daily_flow`. */
export const DIMENSIONS = { feed: 'feed', region: 'region_code', category: 'category', unit: 'unit' } as const;
export type Dimension = keyof typeof DIMENSIONS;

/**
 * The days $1..$2 of `supervision_daily_by`, summed from their rows of `supervision_daily_flow`: one
 * statement for the whole (fdim '') and one for each dimension a dashboard may be filtered by.
 */
export const INSERT_DAYS_BY_SQL: string[] = [null, ...(Object.keys(DIMENSIONS) as Dimension[])].map((within) => {
  const others = (Object.keys(DIMENSIONS) as Dimension[]).filter((d) => d !== within);
  const columns = others.map((d) => DIMENSIONS[d]);
  const fixed = within ? [DIMENSIONS[within]] : [];
  const sets = [[...fixed, 'day'], ...columns.map((c) => [...fixed, 'day', c])].map((set) => `(${set.join(', ')})`);
  // GROUPING(others): every bit set for the day's row, all but one for a breakdown by that one
  const all = (1 << others.length) - 1;
  const dim = `CASE GROUPING(${columns.join(', ')}) WHEN ${all} THEN 'day' ${others.map((d, n) => `WHEN ${all - (1 << (others.length - 1 - n))} THEN '${d}'`).join(' ')} END`;
  return `
    INSERT INTO supervision_daily_by (fdim, fkey, dim, day, key, ${FLOW_COLUMNS.join(', ')})
    SELECT '${within ?? ''}', ${within ? DIMENSIONS[within] : `''`}, ${dim}, day, coalesce(${columns.join(', ')}, ''), ${FLOW_COLUMNS.map((c) => `sum(${c})`).join(', ')}
      FROM supervision_daily_flow
     WHERE day BETWEEN $1::date AND $2::date
     GROUP BY GROUPING SETS (${sets.join(', ')})`;
});
