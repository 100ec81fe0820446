import { assessmentStatement, dashboardStatement, Statement } from '@hub/supervision/figures.sql';
import { QueueFilter, readQueue } from '@hub/console/queue-read';
import type { Run } from '@hub/core/database/estimated-count';
import { ticketTextSearch } from '@hub/tickets/ticket-text-search';
import type { Sample } from './run';

/** Statements of one read; `count` is the list total as `countAtMost` (@hub/core) takes it, run before them. */
export interface Statements {
  sql: string[];
  params: unknown[];
  count?: { from: string; trustEstimate: boolean };
}
/** …or the read as a service function makes it, given the statement runner */
export type Built = Statements | { read: (run: Run) => Promise<unknown> };

export interface HistoryQuery {
  name: string;
  target?: string;
  build(sample: Sample, i: number): Built;
  /** the same read as the services sent it before the last change (`--compare`) */
  before?(sample: Sample, i: number): Built;
}

/** The console's list columns (ConsoleQueries) and its claim join. */
const SUMMARY = `t.id, t.tracking_code, t.feed, t.kind, t.channel, t.status, t.received_at, t.region_code, t.county_code, t.subject_name, t.product_name,
  left(t.description, 120) AS excerpt, t.classification, t.routing, t.lead_unit, t.assist_units, t.flags, t.duplicate_candidates, t.version,
  c.user_id AS claim_user, c.display_name AS claim_name, c.expires_at AS claim_expires`;
const CLAIM_JOIN = `LEFT JOIN ticket_claims c ON c.ticket_id = t.id AND c.expires_at > now()`;
const UNIT_OPEN = `{DISPATCHED,ACCEPTED,IN_PROGRESS,TRANSFERRED_TO_POLICE}`;
/** CaseQueries' list columns and next-deadline join */
const ITEM_COLUMNS = `t.id, t.tracking_code, t.kind, t.feed, t.status, t.received_at, t.dispatched_at, t.region_code, t.subject_name, t.product_name,
  left(t.description, 120) AS excerpt, t.classification, t.lead_unit, t.assist_units, t.flags, t.dispatch_by, t.accept_by, t.resolve_by, t.deadlines_provisional,
  t.transfer_decision_by, t.hand_over_by, t.police_decision_by, t.deadline_state, t.paused_at, t.transfer_state, t.outcome, t.version,
  nd.clock AS next_clock, nd.due_at AS next_due`;
const NEXT_DEADLINE = `LEFT JOIN LATERAL (SELECT clock, due_at FROM ticket_clocks c WHERE c.ticket_id = t.id AND c.stopped_at IS NULL ORDER BY c.due_at LIMIT 1) nd ON true`;

const page = (filter: string) => `SELECT ${SUMMARY} FROM tickets t ${CLAIM_JOIN} ${filter} ORDER BY t.received_at DESC, t.id DESC LIMIT 51`;

/** The console queue's first page and total as ConsoleQueries.queue reads them. */
const queue = (filter: QueueFilter): Built => ({ read: (run) => readQueue(run, filter, 50, null) });

/** A text search as it was sent before the newest tickets were read first: every match from the indexes, counted up to the limit. */
function searchThroughIndexes(q: string): Statements {
  const filter = `WHERE ${ticketTextSearch(q, '$1', '$2')}`;
  return { count: { from: `FROM tickets t ${filter}`, trustEstimate: false }, sql: [page(filter)], params: [q, `%${q}%`] };
}

/** …and as it sent it before: the capped count always, then the page. */
function queueBefore(where: string, params: unknown[]): Statements {
  const filter = where ? `WHERE ${where}` : '';
  return { sql: [`SELECT count(*) AS n FROM (SELECT 1 FROM tickets t ${filter} LIMIT 10001) capped`, page(filter)], params };
}

/** A unit's workbench as CaseQueries.workbench sends it (lead role, open, newest dispatch first). */
function workbench(unit: string, capped: boolean): Built {
  const filter = `WHERE t.lead_unit = $1 AND t.status = ANY($2) AND t.dispatched_at IS NOT NULL`;
  const list = `SELECT ${ITEM_COLUMNS}, t.dispatched_at AS sort_at FROM tickets t ${NEXT_DEADLINE} ${filter} ORDER BY t.dispatched_at DESC, t.id DESC LIMIT 51`;
  return capped ? { count: { from: `FROM tickets t ${filter}`, trustEstimate: true }, sql: [list], params: [unit, UNIT_OPEN] } : { sql: [`SELECT count(*) AS n FROM tickets t ${filter}`, list], params: [unit, UNIT_OPEN] };
}

const at = <T>(list: T[], i: number) => list[(i * 7) % list.length];

/** The supervision figures' rollup read as SupervisionFigures sends it (its watermark read, one row by primary key, is left out). */
const figures = ({ sql, params }: Statement): Statements => ({ sql: [sql], params });
const daysBack = (days: number) => ({ from: new Date(Date.now() + 8 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10), to: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10) });

export const HISTORY_QUERIES: HistoryQuery[] = [
  { name: 'console queue, no filter', target: '50', build: () => queue({}), before: () => queueBefore('', []) },
  { name: 'console queue, status=TRIAGE', target: '50', build: () => queue({ status: ['TRIAGE'] }), before: () => queueBefore(`t.status = ANY($1)`, [['TRIAGE']]) },
  {
    name: 'console queue, status=DISPATCHED,ACCEPTED',
    target: '50',
    build: () => queue({ status: ['DISPATCHED', 'ACCEPTED'] }),
    before: () => queueBefore(`t.status = ANY($1)`, [['DISPATCHED', 'ACCEPTED']]),
  },
  { name: 'console queue, feed=12365', target: '50', build: () => queue({ feed: ['12365'] }), before: () => queueBefore(`t.feed = ANY($1)`, [['12365']]) },
  { name: 'console queue, region', target: '50', build: (s, i) => queue({ region: at(s.regions, i) }), before: (s, i) => queueBefore(`t.region_code = $1`, [at(s.regions, i)]) },
  {
    name: 'console queue, category=FOOD',
    target: '50',
    build: () => queue({ category: 'FOOD' }),
    before: () => queueBefore(`t.classification->>'category' = $1`, ['FOOD']),
  },
  {
    name: 'console queue, q=tracking code',
    target: '50',
    build: (s, i) => queue({ q: at(s.trackingCodes, i) }),
    before: (s, i) => searchThroughIndexes(at(s.trackingCodes, i)),
  },
  ...['奶粉', '假药', '生产日期'].map(
    (words): HistoryQuery => ({
      name: `console queue, q=${words} (${[...words].length} characters)`,
      target: '200',
      build: () => queue({ q: words }),
      before: () => searchThroughIndexes(words),
    }),
  ),
  {
    name: 'console queue, q=537号店 (one ticket in a thousand)',
    target: '200',
    build: () => queue({ q: '537号店' }),
    before: () => searchThroughIndexes('537号店'),
  },
  {
    name: 'console queue, q=奶 (1 character)',
    target: '200',
    build: () => queue({ q: '奶' }),
    before: () => searchThroughIndexes('奶'),
  },
  {
    name: 'triage list',
    target: '50',
    build: () => ({
      count: { from: `FROM tickets WHERE status IN ('TRIAGE', 'RETURNED')`, trustEstimate: true },
      sql: [`SELECT ${SUMMARY} FROM tickets t ${CLAIM_JOIN} WHERE t.status IN ('TRIAGE', 'RETURNED') ORDER BY t.received_at, t.id LIMIT 51`],
      params: [],
    }),
  },
  {
    name: 'ticket by id (the statements TicketsService.get sends)',
    target: '5',
    build: (s, i) => ({
      sql: [`SELECT t.id FROM tickets t WHERE t.id = $1 AND TRUE LIMIT 1`, `SELECT * FROM tickets WHERE id = $1`, `SELECT user_id, display_name, expires_at FROM ticket_claims WHERE ticket_id = $1 AND expires_at > now()`],
      params: [at(s.ids, i)],
    }),
  },
  { name: "unit's workbench (busiest units, lead, open, newest dispatch)", target: '50', build: (s, i) => workbench(at(s.units, i), true), before: (s, i) => workbench(at(s.units, i), false) },
  {
    name: 'counters',
    target: '300',
    build: () => ({
      sql: [
        `SELECT (SELECT count(*) FROM tickets WHERE status IN ('TRIAGE', 'RETURNED')) AS triage,
                (SELECT min(received_at) FROM tickets WHERE status IN ('TRIAGE', 'RETURNED')) AS oldest,
                (SELECT count(*) FROM tickets WHERE dispatched_at >= date_trunc('day', now())) AS dispatched,
                (SELECT count(*) FROM raw_records WHERE state = 'UNREADABLE') AS unreadable`,
        `SELECT feed, count(*) AS n FROM tickets WHERE created_at >= date_trunc('day', now()) GROUP BY feed`,
      ],
      params: [],
    }),
  },
  {
    name: 'Chinese search, rare business name (万佳福超市37号店), newest 50',
    target: '200',
    build: () => ({ sql: [`SELECT id FROM tickets t WHERE ${ticketTextSearch('万佳福超市37号店', '$1', '$2')} ORDER BY received_at DESC LIMIT 50`], params: ['万佳福超市37号店', '%万佳福超市37号店%'] }),
  },
  { name: 'supervision dashboard, last 30 days', target: '300', build: () => figures(dashboardStatement(daysBack(29))) },
  { name: 'supervision dashboard, half-year', target: '300', build: () => figures(dashboardStatement(daysBack(181))) },
  { name: 'supervision dashboard, a year, one unit', target: '300', build: (s, i) => figures(dashboardStatement({ ...daysBack(364), unit: at(s.units, i) })) },
  { name: 'supervision dashboard, half-year, region', target: '300', build: (s, i) => figures(dashboardStatement({ ...daysBack(181), region: at(s.regions, i) })) },
  { name: 'supervision dashboard, half-year, feed + category', target: '300', build: () => figures(dashboardStatement({ ...daysBack(181), feed: '12315', category: 'FOOD' })) },
  { name: 'unit assessment, half-year', target: '300', build: () => figures(assessmentStatement(daysBack(181))) },
];
