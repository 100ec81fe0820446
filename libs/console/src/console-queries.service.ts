import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import { Channel, Counters, Kind, TicketFeed, TicketStatus, TicketSummary, TRIAGE_STATUSES, TriageItem } from '@hub/contracts';
import { AppConfig, countAtMost, decodeCursor, encodeCursor, Invalid, likeContains, Run } from '@hub/core';
import { resolveRegion } from '@hub/taxonomy';
import { beijingDate, subjectNameContains } from '@hub/tickets';
import { QueueQuery, TriageQuery } from './console-queries.dto';
import { CLAIM_JOIN, readQueue, SUMMARY_COLUMNS } from './queue-read';

export type { Counters, TicketSummary, TriageItem } from '@hub/contracts';

/** literal, so the partial index on the triage states applies */
const TRIAGE_SQL = TRIAGE_STATUSES.map((s) => `'${s}'`).join(', ');
/** PostgreSQL's query_canceled, which a statement timeout raises */
const QUERY_CANCELED = '57014';

/** The reads behind the operators' screens: live queue, triage list, counters, suggestions. */
@Injectable()
export class ConsoleQueries {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  async queue(query: QueueQuery) {
    const limit = query.limit ?? 50;
    const filter = { status: query.status?.split(','), feed: query.feed?.split(','), region: query.region, category: query.category, q: query.q?.trim() || undefined };
    const after = decodeCursor(query.cursor);
    const { rows, total } = filter.q
      ? await this.withSearchTimeout((run) => readQueue<SummaryRow>(run, filter, limit, after))
      : await readQueue<SummaryRow>((sql, p) => this.db.query(sql, p), filter, limit, after);
    return page(rows, limit, total, toSummary);
  }

  /**
   * A text search has no bound on what it reads (one rare character: every ticket's text), so it runs
   * under a statement timeout, and one that hits it is answered 422 rather than holding a connection.
   */
  private async withSearchTimeout<T>(read: (run: Run) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction(async (manager) => {
        await manager.query(`SET LOCAL statement_timeout = ${this.config.env.SEARCH_TIMEOUT_MS}`);
        return read((sql, p) => manager.query(sql, p));
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === QUERY_CANCELED) {
        throw Invalid('the search reads too many tickets', [{ field: 'q', message: 'add a word or a filter (status, hotline, region, category)' }]);
      }
      throw error;
    }
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
