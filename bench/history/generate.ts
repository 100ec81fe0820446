import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { INSERT_DAYS_BY_SQL } from '@hub/supervision/rollup.sql';
import { Client } from 'pg';
import { LABELLED } from '../support/payloads';

const COLUMNS = [
  'id', 'tracking_code', 'feed', 'external_id', 'kind', 'kind_source', 'channel', 'received_at', 'reporter_anonymous', 'reporter_masked',
  'subject_name', 'subject_name_norm', 'subject_uscc', 'subject_uscc_valid', 'region_code', 'region_source', 'product_name', 'description',
  'classification', 'routing', 'lead_unit', 'assist_units', 'flags', 'status', 'pipeline_step', 'dispatch_by', 'dispatched_at', 'accept_by', 'resolve_by',
  'created_at', 'updated_at',
];
const FEEDS = ['12315', '12315', '12315', '12365', '12316', '12312', '12330', '12390', '12358'];
const KINDS = ['COMPLAINT', 'COMPLAINT', 'COMPLAINT', 'REPORT', 'CONSULTATION', 'SUGGESTION'];
const CHANNELS = ['PHONE', 'WEB', 'WECHAT', 'APP'];
const OPEN = ['TRIAGE', 'DISPATCHED', 'DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'IN_PROGRESS', 'RETURNED', 'TRANSFERRED_TO_POLICE'];
const CLOSED = ['CLOSED', 'CLOSED', 'CLOSED', 'CLOSED', 'CLOSED', 'CLOSED', 'MERGED', 'DISCARDED'];
const DAY = 86_400_000;

const csv = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' ? v : v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\n\r]/.test(s) || s === '' ? `"${s.replace(/"/g, '""')}"` : s;
};
const pgArray = (items: string[]) => `{${items.join(',')}}`;

/**
 * Streams `count` tickets over the `days` before now into `tickets` by one COPY (through psql, so no
 * driver extension is needed): the labelled set's texts with varied businesses and numbers, units
 * and regions from the seeded taxonomy, `open` of them open (the newest), the rest closed.
 */
export async function generateTickets(pgUrl: string, count: number, open: number, units: Array<{ code: string; region_code: string }>, days = 730): Promise<void> {
  // the texts' copy is filled by the insert trigger, in the same COPY
  await withoutSecondaryIndexes(pgUrl, 'tickets', () => withoutSecondaryIndexes(pgUrl, 'ticket_texts', () => copyTickets(pgUrl, count, open, units, days)));
}

/**
 * Runs a bulk load with the table's secondary indexes dropped, then builds them again: building a
 * GIN trigram index once over 10 M rows is far cheaper than updating it 10 M times. Indexes that back
 * a constraint (primary key, unique) stay.
 */
async function withoutSecondaryIndexes(pgUrl: string, table: string, load: () => Promise<void>): Promise<void> {
  const db = new Client({ connectionString: pgUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ name: string; definition: string }>(
      `SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS definition
         FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
        WHERE x.indrelid = $1::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`,
      [table],
    );
    for (const index of rows) await db.query(`DROP INDEX ${index.name}`);
    await load();
    const started = Date.now();
    await db.query(`SET maintenance_work_mem = '1GB'`);
    await db.query(`SET max_parallel_maintenance_workers = 2`);
    for (const index of rows) await db.query(index.definition);
    console.log(`    ${rows.length} indexes built again in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await db.end();
  }
}

async function copyTickets(pgUrl: string, count: number, open: number, units: Array<{ code: string; region_code: string }>, days: number): Promise<void> {
  const psql = spawn('psql', ['-q', '-v', 'ON_ERROR_STOP=1', pgUrl, '-c', `COPY tickets (${COLUMNS.join(', ')}) FROM STDIN WITH (FORMAT csv)`], { stdio: ['pipe', 'inherit', 'inherit'] });
  const exited = once(psql, 'exit');
  const now = Date.now();
  const perDay = new Map<string, number>();
  let chunk: string[] = [];
  for (let n = 0; n < count; n++) {
    // oldest first: the last `open` rows are the open ones, as in a live system
    const receivedAt = new Date(now - days * DAY + Math.floor((n / count) * days * DAY));
    const source = LABELLED[(n * 7919) % LABELLED.length];
    const unit = units[(n * 31) % units.length];
    const isOpen = n >= count - open;
    const status = isOpen ? OPEN[n % OPEN.length] : CLOSED[n % CLOSED.length];
    const dispatched = status !== 'TRIAGE' && status !== 'RECEIVED' && status !== 'DISCARDED';
    const day = new Date(receivedAt.getTime() + 8 * 3600_000).toISOString().slice(2, 10).replace(/-/g, '');
    const seq = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, seq);
    const shop = `${['宏达', '万佳福', '永辉', '欧亚', '家乐', '华联', '百信', '金达'][n % 8]}${['超市', '药店', '商场', '汽修厂', '农资店', '网店'][n % 6]}${n % 997}号店`;
    const row = [
      randomUUID(), `JL${day}${String(seq).padStart(7, '0')}`, FEEDS[n % FEEDS.length], `H-${n}`, KINDS[n % KINDS.length], 'FEED', CHANNELS[n % 4], receivedAt,
      n % 13 === 0, '{}', shop, shop, n % 5 === 0 ? null : `91220${String(100000000 + (n % 99991)).slice(1)}XY${n % 10}`, n % 5 === 0 ? null : true,
      unit.region_code, 'DECLARED', null, `${source.text}（${shop}，第${n % 10000}号）`,
      { category: (source as unknown as { expected: { category: string } }).expected.category, violation: 'COUNTERFEIT', stage: 'RETAIL', confidence: 0.9 },
      dispatched ? { leadUnit: unit.code, assistUnits: [], auto: true } : null, dispatched ? unit.code : null, pgArray(dispatched && n % 4 === 0 ? [units[(n * 17) % units.length].code] : []),
      '{}', status, 'DONE', new Date(receivedAt.getTime() + 2 * DAY), dispatched ? receivedAt : null, dispatched ? new Date(receivedAt.getTime() + DAY) : null,
      dispatched ? new Date(receivedAt.getTime() + 15 * DAY + (n % 20) * DAY) : null, receivedAt, receivedAt,
    ];
    chunk.push(row.map(csv).join(','));
    if (chunk.length === 5000 || n === count - 1) {
      if (!psql.stdin.write(chunk.join('\n') + '\n')) await once(psql.stdin, 'drain');
      chunk = [];
      if ((n + 1) % 500000 === 0) console.log(`    ${n + 1} tickets written`);
    }
  }
  psql.stdin.end();
  const [code] = await exited;
  if (code !== 0) throw new Error(`COPY failed (${code})`);
}

/**
 * The supervision rollups of the generated tickets. They have no history to roll up (COPY writes
 * only `tickets`), so their rows are made from the tickets' own columns, one row per Beijing day of
 * receipt, feed, region, category and unit as the rollup job keys them: as many rows as years of
 * real history give, which is what the dashboard's reads scale with.
 */
export async function fillSupervisionRollups(db: { query(sql: string, params?: unknown[]): Promise<unknown> }): Promise<void> {
  await db.query(`TRUNCATE supervision_daily_flow, supervision_daily_by`);
  await db.query(`
    INSERT INTO supervision_daily_flow (day, feed, region_code, category, unit, received, dispatched, closed, overdue, routed, auto_routed, corrected,
      no_case, mediated, penalized, transferred, fine_fen, accepted, accepted_on_time, closed_on_time, returned, reopened)
    SELECT (received_at AT TIME ZONE 'Asia/Shanghai')::date, feed, region_code, coalesce(classification->>'category', ''), coalesce(lead_unit, ''),
           count(*), count(dispatched_at), count(*) FILTER (WHERE status = 'CLOSED'), count(*) FILTER (WHERE resolve_by < received_at + interval '20 days'),
           count(dispatched_at), count(*) FILTER (WHERE (routing->>'auto')::boolean), count(*) FILTER (WHERE dispatched_at IS NOT NULL AND tracking_code LIKE '%7'),
           count(*) FILTER (WHERE status = 'CLOSED' AND kind = 'CONSULTATION'), count(*) FILTER (WHERE status = 'CLOSED' AND kind = 'COMPLAINT'),
           count(*) FILTER (WHERE status = 'CLOSED' AND kind = 'REPORT'), count(*) FILTER (WHERE status = 'CLOSED' AND kind = 'SUGGESTION'),
           200000 * count(*) FILTER (WHERE status = 'CLOSED' AND kind = 'REPORT'),
           count(*) FILTER (WHERE status NOT IN ('TRIAGE', 'RECEIVED', 'DISPATCHED', 'RETURNED', 'DISCARDED', 'MERGED')),
           count(*) FILTER (WHERE status NOT IN ('TRIAGE', 'RECEIVED', 'DISPATCHED', 'RETURNED', 'DISCARDED', 'MERGED') AND tracking_code NOT LIKE '%3'),
           count(*) FILTER (WHERE status = 'CLOSED' AND resolve_by >= received_at + interval '20 days'),
           count(*) FILTER (WHERE status = 'RETURNED'), count(*) FILTER (WHERE status = 'CLOSED' AND tracking_code LIKE '%11')
      FROM tickets
     GROUP BY 1, 2, 3, 4, 5`);
  // the one-dimension sums, as the rollup job makes them from the full rows
  for (const statement of INSERT_DAYS_BY_SQL) await db.query(statement, ['2000-01-01', '2100-01-01']);
  await db.query(`INSERT INTO supervision_rollup_state (name, watermark) VALUES ('flow', now()) ON CONFLICT (name) DO UPDATE SET watermark = now()`);
  await db.query(`VACUUM ANALYZE supervision_daily_flow, supervision_daily_by`);
}
