import { Client } from 'pg';
import { percentile } from './stats';

export interface RoutedFigures {
  tickets: number;
  routed: number;
  routedPerS: number;
  p50Ms: number;
  p99Ms: number;
  dispatched: number;
  triage: number;
}

/** Waits until every ticket whose external id starts with `tag`'s pattern has left the pipeline (or the timeout); once a second, the count being work for PostgreSQL too. */
export async function waitUntilRouted(db: Client, likePattern: string, expected: number, timeoutMs: number, onProgress?: (left: number) => void): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  let lastReport = 0;
  while (Date.now() < until) {
    const { rows } = await db.query(`SELECT count(*) AS n, count(*) FILTER (WHERE pipeline_step <> 'DONE') AS open FROM tickets WHERE external_id LIKE $1`, [likePattern]);
    const left = Math.max(expected - Number(rows[0].n), 0) + Number(rows[0].open);
    if (left <= 0) return true;
    if (onProgress && Date.now() - lastReport > 5000) {
      lastReport = Date.now();
      onProgress(left);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  return false;
}

/**
 * Routed/s end to end and the wait from intake to routed, from the ticket history:
 * `RECEIVED` is written in the intake transaction, `AUTO_DISPATCHED` or `TRIAGE` by the router
 * (both at clock_timestamp()). Routed/s = routed tickets / (last routed − first received), as the baseline counts.
 */
export async function routedFigures(db: Client, likePattern: string): Promise<RoutedFigures> {
  const { rows } = await db.query(
    `SELECT t.status, extract(epoch FROM r.at) * 1000 AS routed_ms, extract(epoch FROM c.at) * 1000 AS received_ms
       FROM tickets t
       JOIN LATERAL (SELECT min(at) AS at FROM ticket_history WHERE ticket_id = t.id AND action = 'RECEIVED') c ON true
       LEFT JOIN LATERAL (SELECT min(at) AS at FROM ticket_history WHERE ticket_id = t.id AND action IN ('AUTO_DISPATCHED', 'TRIAGE')) r ON true
      WHERE t.external_id LIKE $1`,
    [likePattern],
  );
  const routed = rows.filter((r) => r.routed_ms !== null);
  const latencies = routed.map((r) => Number(r.routed_ms) - Number(r.received_ms)).sort((a, b) => a - b);
  const first = Math.min(...rows.map((r) => Number(r.received_ms)));
  const last = Math.max(...routed.map((r) => Number(r.routed_ms)));
  return {
    tickets: rows.length,
    routed: routed.length,
    routedPerS: routed.length / ((last - first) / 1000),
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    dispatched: rows.filter((r) => r.status === 'DISPATCHED').length,
    triage: rows.filter((r) => r.status === 'TRIAGE').length,
  };
}
