import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { TrendAlertStatus, TrendAlertView, TrendKeyKind } from '@hub/contracts';
import type { Viewer } from '@hub/auth/roles';
import { Conflict, NotFound, OUTBOX_TOPICS, TimeSource, writeOutbox } from '@hub/core';
import type { TrendAlertMessage } from '@hub/live/live-messages';
import { BASELINE_DAYS, judgeTrend, MIN_COUNT, nextAlertState, WINDOW_HOURS } from './trend-rules';
import { TrendRollup } from './trend-rollup.service';
import { TrendAlertRow, toTrendAlertView } from './trend-alert.view';

const HOUR_MS = 3_600_000;
const LIST_LIMIT = 200;

export interface TrendFinding {
  kind: TrendKeyKind;
  key: string;
  label: string;
  observed: number;
  hotlines: string[];
  baseline: number;
  expected: number;
  pValue: number;
  score: number;
  /** the test says the rise is well above the key's usual rate */
  alert: boolean;
}

export interface ScanResult {
  counted: number;
  findings: number;
  raised: number;
  pushed: number;
}

/**
 * The trend watch: tests every key with tickets in the last 24 h against its own 28-day
 * baseline (trend-rules.ts), keeps one alert per key (re-raising updates it) and pushes a
 * new, grown or reopened alert to every SUPERVISOR over /console (through the outbox, after commit).
 */
@Injectable()
export class TrendAlerts {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rollup: TrendRollup,
    private readonly time: TimeSource,
  ) {}

  /** One pass of the watch; running it again with nothing new changes no alert and pushes nothing. */
  async scan(): Promise<ScanResult> {
    const counted = await this.rollup.catchUp();
    const now = this.time.now();
    const findings = (await this.findings(now)).filter((f) => f.alert);
    let raised = 0;
    let pushed = 0;
    await this.db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('trend-alerts'))`);
      for (const finding of findings) {
        const outcome = await this.raise(tx, finding, now);
        if (outcome === 'raised') raised++;
        if (outcome !== 'refreshed') pushed++;
      }
    });
    return { counted, findings: findings.length, raised, pushed };
  }

  /** Every key of the window with at least MIN_COUNT tickets, with its baseline and test figures. */
  async findings(now: Date): Promise<TrendFinding[]> {
    const { windowStart, baselineStart } = windowOf(now);
    const window: Array<{ key_kind: TrendKeyKind; key_value: string; observed: number; hotlines: string[]; label: string }> = await this.db.query(
      `SELECT key_kind, key_value, sum(tickets)::int AS observed, array_agg(DISTINCT feed ORDER BY feed) AS hotlines, (array_agg(label ORDER BY hour DESC))[1] AS label
       FROM trend_counts WHERE hour >= $1 AND hour <= $2 GROUP BY key_kind, key_value HAVING sum(tickets) >= $3`,
      [windowStart, now, MIN_COUNT],
    );
    if (window.length === 0) return [];
    const baselines: Array<{ key_kind: string; key_value: string; tickets: number }> = await this.db.query(
      `SELECT c.key_kind, c.key_value, sum(c.tickets)::int AS tickets
       FROM trend_counts c JOIN jsonb_to_recordset($1::jsonb) AS k(kind text, key text) ON c.key_kind = k.kind AND c.key_value = k.key
       WHERE c.hour >= $2 AND c.hour < $3 GROUP BY c.key_kind, c.key_value`,
      [JSON.stringify(window.map((w) => ({ kind: w.key_kind, key: w.key_value }))), baselineStart, windowStart],
    );
    const baselineOf = new Map(baselines.map((b) => [`${b.key_kind}\u0000${b.key_value}`, b.tickets]));
    return window.map((w) => {
      const baseline = baselineOf.get(`${w.key_kind}\u0000${w.key_value}`) ?? 0;
      const verdict = judgeTrend({ kind: w.key_kind, observed: w.observed, hotlines: w.hotlines.length, baseline });
      return { kind: w.key_kind, key: w.key_value, label: w.label, observed: w.observed, hotlines: w.hotlines, baseline, expected: verdict.expected, pValue: verdict.pValue, score: verdict.score, alert: verdict.alert };
    });
  }

  async list(status: TrendAlertStatus | undefined): Promise<{ items: TrendAlertView[] }> {
    const rows: TrendAlertRow[] = await this.db.query(
      `SELECT * FROM trend_alerts WHERE ($1::text IS NULL OR status = $1) ORDER BY (status = 'OPEN') DESC, updated_at DESC, id DESC LIMIT ${LIST_LIMIT}`,
      [status ?? null],
    );
    return { items: rows.map(toTrendAlertView) };
  }

  async acknowledge(viewer: Viewer, id: string): Promise<TrendAlertView> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw NotFound('Alert not found');
    return this.db.transaction(async (tx) => {
      const rows: TrendAlertRow[] = await tx.query(
        `WITH acknowledged AS (
           UPDATE trend_alerts SET status = 'ACKNOWLEDGED', acknowledged_at = $2, acknowledged_by_id = $3, acknowledged_by = $4, acknowledged_observed = observed
           WHERE id = $1 AND status = 'OPEN' RETURNING *)
         SELECT * FROM acknowledged`,
        [id, this.time.now(), viewer.id, viewer.displayName],
      );
      if (rows.length === 0) {
        const [exists] = await tx.query(`SELECT 1 FROM trend_alerts WHERE id = $1`, [id]);
        throw exists ? Conflict(ALREADY_ACKNOWLEDGED, 'The alert was acknowledged already') : NotFound('Alert not found');
      }
      const view = toTrendAlertView(rows[0]);
      await push(tx, view);
      return view;
    });
  }

  /** Updates the key's alert of this episode, or raises a new one; pushes what a supervisor should see. */
  private async raise(tx: EntityManager, f: TrendFinding, now: Date): Promise<'raised' | 'grown' | 'reopened' | 'refreshed'> {
    const { windowStart } = windowOf(now);
    const [current]: TrendAlertRow[] = await tx.query(
      `SELECT * FROM trend_alerts WHERE key_kind = $1 AND key_value = $2 AND (status = 'OPEN' OR updated_at >= $3)
       ORDER BY (status = 'OPEN') DESC, updated_at DESC LIMIT 1 FOR UPDATE`,
      [f.kind, f.key, windowStart],
    );
    const figures = [f.label, windowStart, now, f.observed, f.expected, f.pValue, f.score, f.hotlines];
    if (!current) {
      const [row]: TrendAlertRow[] = await tx.query(
        `INSERT INTO trend_alerts (key_kind, key_value, label, window_start, window_end, observed, expected, p_value, score, hotlines, raised_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $5, $5) RETURNING *`,
        [f.kind, f.key, ...figures],
      );
      await push(tx, toTrendAlertView(row));
      return 'raised';
    }
    const state = nextAlertState(
      { status: current.status, observed: current.observed, acknowledgedObserved: current.acknowledged_observed, hotlines: current.hotlines },
      { observed: f.observed, hotlines: f.hotlines },
    );
    const reopen = state === 'reopened';
    const [row]: TrendAlertRow[] = await tx.query(
      `WITH updated AS (
         UPDATE trend_alerts SET label = $2, window_start = $3, window_end = $4, observed = $5, expected = $6, p_value = $7, score = $8, hotlines = $9, updated_at = $4
           ${reopen ? `, status = 'OPEN', acknowledged_at = NULL, acknowledged_by_id = NULL, acknowledged_by = NULL, acknowledged_observed = NULL` : ''}
         WHERE id = $1 RETURNING *)
       SELECT * FROM updated`,
      [current.id, ...figures],
    );
    if (state !== 'refreshed') await push(tx, toTrendAlertView(row));
    return state;
  }
}

export const ALREADY_ACKNOWLEDGED = 'ALREADY_ACKNOWLEDGED';

/** The window: the current hour and the 23 before it; the baseline: the BASELINE_DAYS before the window. */
export function windowOf(now: Date): { windowStart: Date; baselineStart: Date } {
  const hour = now.getTime() - (now.getTime() % HOUR_MS);
  const windowStart = new Date(hour - (WINDOW_HOURS - 1) * HOUR_MS);
  return { windowStart, baselineStart: new Date(windowStart.getTime() - BASELINE_DAYS * 24 * HOUR_MS) };
}

async function push(tx: EntityManager, alert: TrendAlertView): Promise<void> {
  const message: TrendAlertMessage = { event: 'trend.alert', alert };
  await writeOutbox(tx, [{ topic: OUTBOX_TOPICS.event, ticketId: null, payload: { ...message } }]);
}
