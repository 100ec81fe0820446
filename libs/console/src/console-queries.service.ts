import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Channel, Counters, Kind, TicketFeed, TicketStatus, TicketSummary, TRIAGE_STATUSES, TriageItem } from '@hub/contracts';
import { countAtMost, decodeCursor, encodeCursor, likeContains } from '@hub/core';
import { resolveRegion } from '@hub/taxonomy';
import { beijingDate, subjectNameContains, ticketTextSearch } from '@hub/tickets';
import { QueueQuery, TriageQuery } from './console-queries.dto';

export type { Counters, TicketSummary, TriageItem } from '@hub/contracts';

/** literal, so the partial index on the triage states applies */
const TRIAGE_SQL = TRIAGE_STATUSES.map((s) => `'${s}'`).join(', ');

const SUMMARY_COLUMNS = `t.id, t.tracking_code, t.feed, t.kind, t.channel, t.status, t.received_at, t.region_code, t.county_code, t.subject_name, t.product_name,
  left(t.description, 120) AS excerpt, t.classification, t.routing, t.lead_unit, t.assist_units, t.flags, t.duplicate_candidates, t.version,
  c.user_id AS claim_user, c.display_name AS claim_name, c.expires_at AS claim_expires`;
const CLAIM_JOIN = `LEFT JOIN ticket_claims c ON c.ticket_id = t.id AND c.expires_at > now()`;

/** The reads behind the operators' screens: live queue, triage list, counters, suggestions. */
@Injectable()
export class ConsoleQueries {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async queue(query: QueueQuery) {
    const limit = query.limit ?? 50;
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (query.status) add((p) => `t.status = ANY(${p})`, query.status.split(','));
    if (query.feed) add((p) => `t.feed = ANY(${p})`, query.feed.split(','));
    if (query.region) add((p) => `t.region_code = ${p}`, query.region);
    if (query.category) add((p) => `t.classification->>'category' = ${p}`, query.category);
    if (query.q) {
      const q = query.q.trim();
      params.push(q, likeContains(q));
      const [exact, like] = [`$${params.length - 1}`, `$${params.length}`];
      where.push(ticketTextSearch(q, exact, like));
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const n = await countAtMost((sql, p) => this.db.query(sql, p), `FROM tickets t ${filter}`, params, !query.q);
    const cursor = decodeCursor(query.cursor);
    if (cursor) {
      params.push(cursor.at, cursor.id);
      where.push(`(t.received_at, t.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(limit + 1);
    const rows: SummaryRow[] = await this.db.query(
      `SELECT ${SUMMARY_COLUMNS} FROM tickets t ${CLAIM_JOIN} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY t.received_at DESC, t.id DESC LIMIT $${params.length}`,
      params,
    );
    return page(rows, limit, Number(n), toSummary);
  }

  async triage(query: TriageQuery) {
    const limit = query.limit ?? 50;
    const cursor = decodeCursor(query.cursor);
    const params: unknown[] = cursor ? [cursor.at, cursor.id, limit + 1] : [limit + 1];
    const after = cursor ? `AND (t.received_at, t.id) > ($1::timestamptz, $2::uuid)` : '';
    const n = await countAtMost((sql, p) => this.db.query(sql, p), `FROM tickets WHERE status IN (${TRIAGE_SQL})`, []);
    const rows: SummaryRow[] = await this.db.query(
      `SELECT ${SUMMARY_COLUMNS} FROM tickets t ${CLAIM_JOIN} WHERE t.status IN (${TRIAGE_SQL}) ${after} ORDER BY t.received_at, t.id LIMIT $${params.length}`,
      params,
    );
    return page(rows, limit, Number(n), toTriageItem);
  }

  async summary(ticketId: string): Promise<TicketSummary | null> {
    const rows: SummaryRow[] = await this.db.query(`SELECT ${SUMMARY_COLUMNS} FROM tickets t ${CLAIM_JOIN} WHERE t.id = $1`, [ticketId]);
    return rows[0] ? toSummary(rows[0]) : null;
  }

  async counters(): Promise<Counters> {
    const todayStart = new Date(`${beijingDate(new Date())}T00:00:00+08:00`);
    const [row] = await this.db.query(
      `SELECT (SELECT count(*) FROM tickets WHERE status IN (${TRIAGE_SQL})) AS triage,
              (SELECT min(received_at) FROM tickets WHERE status IN (${TRIAGE_SQL})) AS oldest,
              (SELECT count(*) FROM tickets WHERE dispatched_at >= $1) AS dispatched,
              (SELECT count(*) FROM raw_records WHERE state = 'UNREADABLE') AS unreadable`,
      [todayStart],
    );
    const byFeed: Array<{ feed: string; n: string }> = await this.db.query(`SELECT feed, count(*) AS n FROM tickets WHERE created_at >= $1 GROUP BY feed`, [todayStart]);
    const feeds = Object.fromEntries(byFeed.map((r) => [r.feed, Number(r.n)]));
    return {
      triageWaiting: Number(row.triage),
      oldestTriageReceivedAt: row.oldest ? (row.oldest as Date).toISOString() : null,
      dispatchedToday: Number(row.dispatched),
      receivedToday: Object.values(feeds).reduce((a, b) => a + b, 0),
      byFeed: feeds,
      unreadable: Number(row.unreadable),
    };
  }

  async suggestSubjects(q: string, regionCode?: string) {
    const params: unknown[] = [likeContains(q.trim())];
    if (regionCode) params.push(regionCode);
    const rows: Array<{ name: string; uscc: string | null; address: string | null; region_code: string; tickets: string }> = await this.db.query(
      `SELECT subject_name AS name, max(subject_uscc) AS uscc, max(subject_address) AS address, region_code, count(*) AS tickets
       FROM tickets t WHERE ${subjectNameContains('$1')} ${regionCode ? 'AND region_code = $2' : ''}
       GROUP BY subject_name, region_code ORDER BY count(*) DESC, subject_name LIMIT 10`,
      params,
    );
    return rows.map((r) => ({ name: r.name, uscc: r.uscc, address: r.address, regionCode: r.region_code, tickets: Number(r.tickets) }));
  }

  suggestRegion(text: string) {
    return resolveRegion({ address: text, text });
  }
}

interface SummaryRow {
  id: string;
  tracking_code: string;
  feed: TicketFeed;
  kind: Kind;
  channel: Channel;
  status: TicketStatus;
  received_at: Date;
  region_code: string;
  county_code: string | null;
  subject_name: string | null;
  product_name: string | null;
  excerpt: string;
  classification: { category: string; violation: string; stage: string; confidence: number; explanation: string } | null;
  routing: { leadUnit: string; assistUnits: string[]; ruleId: string } | null;
  lead_unit: string | null;
  assist_units: string[];
  flags: string[];
  duplicate_candidates: string[];
  version: number;
  claim_user: string | null;
  claim_name: string | null;
  claim_expires: Date | null;
}

function toSummary(r: SummaryRow): TicketSummary {
  return {
    id: r.id,
    trackingCode: r.tracking_code,
    feed: r.feed,
    kind: r.kind,
    channel: r.channel,
    status: r.status,
    receivedAt: r.received_at.toISOString(),
    regionCode: r.region_code,
    countyCode: r.county_code,
    subjectName: r.subject_name,
    productName: r.product_name,
    excerpt: r.excerpt,
    category: r.classification?.category ?? null,
    violation: r.classification?.violation ?? null,
    stage: r.classification?.stage ?? null,
    confidence: r.classification?.confidence ?? null,
    leadUnit: r.lead_unit ?? r.routing?.leadUnit ?? null,
    assistUnits: r.assist_units.length ? r.assist_units : (r.routing?.assistUnits ?? []),
    flags: r.flags,
    duplicateCandidates: r.duplicate_candidates,
    claim: r.claim_user ? { userId: r.claim_user, displayName: r.claim_name as string, expiresAt: (r.claim_expires as Date).toISOString() } : null,
    version: r.version,
  };
}

function toTriageItem(r: SummaryRow): TriageItem {
  const c = r.classification;
  return {
    ...toSummary(r),
    explanation: c?.explanation ?? null,
    proposal: c ? { category: c.category, violation: c.violation, stage: c.stage, leadUnit: r.routing?.leadUnit ?? null, assistUnits: r.routing?.assistUnits ?? [], ruleId: r.routing?.ruleId ?? null, confidence: c.confidence } : null,
  };
}

function page<T>(rows: SummaryRow[], limit: number, total: number, map: (r: SummaryRow) => T) {
  const items = rows.slice(0, limit);
  const last = rows.length > limit ? items[items.length - 1] : null;
  return { items: items.map(map), total, nextCursor: last ? encodeCursor(last.received_at, last.id) : null };
}
