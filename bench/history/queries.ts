import type { Sample } from './run';

export interface HistoryQuery {
  name: string;
  target?: string;
  build(sample: Sample, i: number): { sql: string[]; params: unknown[] };
}

/** The console's list columns (ConsoleQueries) and its claim join. */
const SUMMARY = `t.id, t.tracking_code, t.feed, t.kind, t.channel, t.status, t.received_at, t.region_code, t.county_code, t.subject_name, t.product_name,
  left(t.description, 120) AS excerpt, t.classification, t.routing, t.lead_unit, t.assist_units, t.flags, t.duplicate_candidates, t.version,
  c.user_id AS claim_user, c.display_name AS claim_name, c.expires_at AS claim_expires`;
const CLAIM_JOIN = `LEFT JOIN ticket_claims c ON c.ticket_id = t.id AND c.expires_at > now()`;
const OPEN = `'RECEIVED','TRIAGE','DISPATCHED','ACCEPTED','RETURNED','IN_PROGRESS','TRANSFERRED_TO_POLICE'`;

/** The console queue as ConsoleQueries.queue sends it: the total, then the first page. */
function queue(where: string, params: unknown[]): { sql: string[]; params: unknown[] } {
  const filter = where ? `WHERE ${where}` : '';
  return {
    sql: [`SELECT count(*) AS n FROM tickets t ${filter}`, `SELECT ${SUMMARY} FROM tickets t ${CLAIM_JOIN} ${filter} ORDER BY t.received_at DESC, t.id DESC LIMIT 51`],
    params,
  };
}

const at = <T>(list: T[], i: number) => list[(i * 7) % list.length];

export const HISTORY_QUERIES: HistoryQuery[] = [
  { name: 'console queue, no filter', target: '50', build: () => queue('', []) },
  { name: 'console queue, status=TRIAGE', target: '50', build: () => queue(`t.status = ANY($1)`, [['TRIAGE']]) },
  { name: 'console queue, status=DISPATCHED,ACCEPTED', target: '50', build: () => queue(`t.status = ANY($1)`, [['DISPATCHED', 'ACCEPTED']]) },
  { name: 'console queue, feed=12365', target: '50', build: () => queue(`t.feed = ANY($1)`, [['12365']]) },
  { name: 'console queue, region', target: '50', build: (s, i) => queue(`t.region_code = $1`, [at(s.regions, i)]) },
  { name: 'console queue, category=FOOD', target: '50', build: () => queue(`t.classification->>'category' = $1`, ['FOOD']) },
  {
    name: 'console queue, q=tracking code',
    target: '50',
    build: (s, i) => queue(`(t.tracking_code = $1 OR t.external_id = $1 OR t.subject_name ILIKE '%' || $1 || '%' OR t.description ILIKE '%' || $1 || '%')`, [at(s.trackingCodes, i)]),
  },
  {
    name: 'console queue, q=奶粉 (text)',
    target: '200',
    build: () => queue(`(t.tracking_code = $1 OR t.external_id = $1 OR t.subject_name ILIKE '%' || $1 || '%' OR t.description ILIKE '%' || $1 || '%')`, ['奶粉']),
  },
  {
    name: 'triage list',
    target: '50',
    build: () => ({
      sql: [`SELECT count(*) AS n FROM tickets WHERE status IN ('TRIAGE', 'RETURNED')`, `SELECT ${SUMMARY} FROM tickets t ${CLAIM_JOIN} WHERE t.status IN ('TRIAGE', 'RETURNED') ORDER BY t.received_at, t.id LIMIT 51`],
      params: [],
    }),
  },
  { name: 'ticket by id', target: '5', build: (s, i) => ({ sql: [`SELECT * FROM tickets WHERE id = $1`], params: [at(s.ids, i)] }) },
  {
    name: "unit's workbench (lead or assist, open, by deadline)",
    target: '50',
    build: (s, i) => ({
      sql: [
        `SELECT t.id, t.tracking_code, t.status, t.received_at, t.resolve_by, t.lead_unit, t.assist_units, left(t.description, 120) AS excerpt
           FROM tickets t WHERE (t.lead_unit = $1 OR $1 = ANY(t.assist_units)) AND t.status IN (${OPEN}) ORDER BY t.resolve_by NULLS LAST, t.id LIMIT 51`,
      ],
      params: [at(s.units, i)],
    }),
  },
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
    name: 'Chinese search, 3+ chars (生产日期), newest 50',
    target: '200',
    build: () => ({ sql: [`SELECT id FROM tickets WHERE description LIKE '%' || $1 || '%' ORDER BY received_at DESC LIMIT 50`], params: ['生产日期'] }),
  },
  {
    name: 'Chinese search, rare business name (万佳福超市37号店)',
    target: '200',
    build: () => ({ sql: [`SELECT id FROM tickets WHERE description LIKE '%' || $1 || '%' ORDER BY received_at DESC LIMIT 50`], params: ['万佳福超市37号店'] }),
  },
];
