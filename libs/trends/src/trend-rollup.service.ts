import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { ArrivalCursor, TicketArrival, ticketArrivalsAfter } from '@hub/tickets/ticket-arrivals';
import { BASELINE_DAYS } from './trend-rules';
import { hourOf, trendKeysOf } from './trend-keys';

/** Tickets read per transaction. */
const BATCH = 2000;
/**
 * How far before the watermark each run reads again: a ticket's created_at is its transaction's
 * start, so one committed after the last run may carry an earlier time. trend_counted remembers
 * the ids counted in that margin, so re-reading never counts one twice.
 */
const OVERLAP = '10 minutes';
/** Counts older than the baseline and window are not read again. */
const KEEP_DAYS = BASELINE_DAYS + 7;
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

interface CountRow {
  kind: string;
  key: string;
  hour: string;
  feed: string;
  tickets: number;
  label: string;
}

/**
 * Hourly ticket counts per key and hotline (trend_counts), kept up incrementally from a
 * watermark on tickets.created_at: each run reads only the tickets stored since the last
 * (a range scan of tickets_created_idx), never the whole table. The first run reads the
 * baseline period once.
 */
@Injectable()
export class TrendRollup {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Counts every ticket stored since the last run; returns how many it counted. */
  async catchUp(): Promise<number> {
    let cursor: ArrivalCursor = { at: await this.startAt(), id: NIL_UUID };
    let counted = 0;
    for (;;) {
      const page = await this.db.transaction(async (tx) => {
        await tx.query(`SELECT pg_advisory_xact_lock(hashtext('trend-rollup'))`);
        const arrivals = await ticketArrivalsAfter(tx, cursor, BATCH);
        const fresh = await this.claim(tx, arrivals);
        await this.addCounts(tx, fresh);
        if (arrivals.length > 0) await this.advance(tx, arrivals[arrivals.length - 1].cursorAt);
        return { arrivals, fresh: fresh.length };
      });
      counted += page.fresh;
      if (page.arrivals.length < BATCH) break;
      const last = page.arrivals[page.arrivals.length - 1];
      cursor = { at: last.cursorAt, id: last.id };
    }
    await this.db.query(`DELETE FROM trend_counts WHERE hour < now() - make_interval(days => $1)`, [KEEP_DAYS]);
    return counted;
  }

  private async startAt(): Promise<string> {
    const rows: Array<{ at: string }> = await this.db.query(
      `SELECT COALESCE((SELECT counted_to - interval '${OVERLAP}' FROM trend_watermark WHERE id = 1), now() - make_interval(days => $1 + 1))::text AS at`,
      [BASELINE_DAYS],
    );
    return rows[0].at;
  }

  /** The arrivals not counted yet (a re-read of the overlap finds them in trend_counted). */
  private async claim(tx: EntityManager, arrivals: TicketArrival[]): Promise<TicketArrival[]> {
    if (arrivals.length === 0) return [];
    const claimed: Array<{ ticket_id: string }> = await tx.query(
      `INSERT INTO trend_counted (ticket_id, created_at) SELECT * FROM unnest($1::uuid[], $2::timestamptz[]) ON CONFLICT DO NOTHING RETURNING ticket_id`,
      [arrivals.map((a) => a.id), arrivals.map((a) => a.cursorAt)],
    );
    const ids = new Set(claimed.map((c) => c.ticket_id));
    return arrivals.filter((a) => ids.has(a.id));
  }

  private async addCounts(tx: EntityManager, arrivals: TicketArrival[]): Promise<void> {
    const rows = countRows(arrivals);
    if (rows.length === 0) return;
    await tx.query(
      `INSERT INTO trend_counts (key_kind, key_value, hour, feed, tickets, label)
       SELECT kind, key, hour, feed, tickets, label FROM jsonb_to_recordset($1::jsonb) AS r(kind text, key text, hour timestamptz, feed text, tickets int, label text)
       ON CONFLICT (key_kind, key_value, hour, feed) DO UPDATE SET tickets = trend_counts.tickets + EXCLUDED.tickets, label = EXCLUDED.label`,
      [JSON.stringify(rows)],
    );
  }

  private async advance(tx: EntityManager, countedTo: string): Promise<void> {
    await tx.query(
      `INSERT INTO trend_watermark (id, counted_to) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET counted_to = GREATEST(trend_watermark.counted_to, EXCLUDED.counted_to), updated_at = now()`,
      [countedTo],
    );
    await tx.query(`DELETE FROM trend_counted WHERE created_at < $1::timestamptz - interval '${OVERLAP}' * 2`, [countedTo]);
  }
}

/** One row per key, hour and hotline, sorted (concurrent upserts take row locks in one order). */
export function countRows(arrivals: readonly TicketArrival[]): CountRow[] {
  const rows = new Map<string, CountRow>();
  for (const t of arrivals) {
    const hour = hourOf(t).toISOString();
    for (const k of trendKeysOf(t)) {
      const id = `${k.kind}\u0000${k.key}\u0000${hour}\u0000${t.feed}`;
      const row = rows.get(id);
      if (row) {
        row.tickets += 1;
        row.label = k.label;
      } else rows.set(id, { kind: k.kind, key: k.key, hour, feed: t.feed, tickets: 1, label: k.label });
    }
  }
  return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}
