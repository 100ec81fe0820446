/**
 * npm run bench:history — a year's worth and more of tickets in their own database, then the
 * console's and the units' reads against it: p50/p95 per query, as the services send them.
 *   --count 10000000  --open 500000  --runs 30  --reuse (keep the generated database)
 *   --only <text> (queries whose name contains it)  --compare (also each read as sent before the last change)
 * Besides the round trip it prints PostgreSQL's own time (planning + execution from EXPLAIN ANALYZE,
 * summed over a query's statements): on a shared machine the round trip carries everyone's load.
 */
import { Client } from 'pg';
import { UNIT_OPEN_STATUSES } from '../../libs/contracts/src';
import { benchEnv, flags, numberFlag, pgUrl } from '../support/bench-env';
import { machineLine } from '../support/machine';
import { percentile, round, table } from '../support/stats';
import { freshSystem } from '../support/system';
import { fillSupervisionRollups, generateTickets } from './generate';
import { countAtMost } from '../../libs/core/src/database/estimated-count';
import { Built, HISTORY_QUERIES } from './queries';

const f = flags();
const COUNT = numberFlag(f, 'count', 10_000_000);
const OPEN = numberFlag(f, 'open', Math.min(500_000, Math.floor(COUNT / 20)));
const RUNS = numberFlag(f, 'runs', 30);

async function main(): Promise<void> {
  const env = benchEnv({ DATABASE_NAME: process.env.BENCH_HISTORY_DATABASE_NAME ?? 'hotline_hub_perf_history', REDIS_PREFIX: process.env.BENCH_REDIS_PREFIX ?? '{hubperfhist}' });
  console.log(`bench:history — ${machineLine()}`);
  const db = new Client({ connectionString: pgUrl(env) });
  if (!f.has('reuse')) {
    await freshSystem(env);
    await db.connect();
    const units: Array<{ code: string; region_code: string }> = (await db.query(`SELECT code, region_code FROM units ORDER BY code`)).rows;
    const started = Date.now();
    console.log(`  generating ${COUNT} tickets (${OPEN} open) by COPY into ${env.DATABASE_NAME}…`);
    await generateTickets(pgUrl(env), COUNT, OPEN, units);
    const copied = (Date.now() - started) / 1000;
    await db.query(`VACUUM ANALYZE tickets`);
    await fillSupervisionRollups(db);
    console.log(`  ${COUNT} tickets in ${copied.toFixed(0)} s (${Math.round(COUNT / copied)}/s), indexes and ANALYZE in ${((Date.now() - started) / 1000 - copied).toFixed(0)} s`);
  } else await db.connect();
  const size = (await db.query(`SELECT pg_size_pretty(pg_total_relation_size('tickets') + pg_total_relation_size('ticket_texts')) AS s, (SELECT count(*) FROM tickets) AS n`)).rows[0];
  const rollup = (await db.query(`SELECT (SELECT count(*) FROM supervision_daily_flow) AS n, (SELECT count(*) FROM supervision_daily_by) AS by, pg_size_pretty(pg_total_relation_size('supervision_daily_flow') + pg_total_relation_size('supervision_daily_by')) AS s`)).rows[0];
  console.log(`  tickets: ${size.n} rows, ${size.s} with indexes; supervision rollups: ${rollup.n} rows by every key, ${rollup.by} by one key, ${rollup.s}; ${RUNS} runs per query\n`);
  const sample = await sampleParams(db);
  const rows: Array<Array<string | number>> = [];
  const selected = HISTORY_QUERIES.filter((h) => !f.has('only') || h.name.includes(f.get('only') as string));
  const variants = selected.flatMap((q) => [
    ...(f.has('compare') && q.before ? [{ name: `${q.name} — before`, target: q.target, build: q.before }] : []),
    { name: q.name, target: q.target, build: q.build },
  ]);
  for (const q of variants) {
    const times: number[] = [];
    const server: number[] = [];
    try {
      for (let i = 0; i < RUNS; i++) {
        const built = q.build(sample, i);
        const t0 = process.hrtime.bigint();
        const ran = await runRead(db, built);
        times.push(Number(process.hrtime.bigint() - t0) / 1e6);
        server.push(await serverMs(db, ran));
      }
    } catch (error) {
      // e.g. a read that needs a migration this database does not have yet
      console.log(`  ${q.name}: failed (${(error as Error).message})`);
      continue;
    }
    times.sort((a, b) => a - b);
    server.sort((a, b) => a - b);
    rows.push([q.name, round(percentile(times, 50), 1), round(percentile(times, 95), 1), round(percentile(server, 50), 2), round(percentile(server, 95), 2), q.target ?? '']);
    console.log(`  ${q.name}: p50 ${round(percentile(times, 50), 1)} ms, p95 ${round(percentile(times, 95), 1)} ms; in PostgreSQL p50 ${round(percentile(server, 50), 2)} ms`);
  }
  console.log(`\n${table(['query', 'p50 ms', 'p95 ms', 'PostgreSQL p50 ms', 'PostgreSQL p95 ms', 'target p95'], rows)}`);
  console.log(`\ntimes are one round trip per statement from this process (a list = its count, if any, and its page); PostgreSQL's own time plus the driver's.`);
  console.log(`show_trgm('长春市宏达超市') here: ${(await db.query(`SELECT show_trgm('长春市宏达超市')::text AS t`).catch(() => ({ rows: [{ t: 'pg_trgm not installed' }] }))).rows[0].t}`);
  await db.end();
}

interface Sent {
  sql: string;
  params: unknown[];
}

/** Runs a read as the service does (the total first, when it has one); answers the statements sent. */
async function runRead(db: Client, built: Built): Promise<Sent[]> {
  const sent: Sent[] = [];
  const run = async (sql: string, params: unknown[]) => {
    sent.push({ sql, params });
    return (await db.query(sql, params)).rows;
  };
  if ('read' in built) {
    await built.read(run);
    return sent;
  }
  if (built.count) await countAtMost(run, built.count.from, built.params, built.count.trustEstimate);
  for (const statement of built.sql) await run(statement, built.params);
  return sent;
}

/** Planning + execution time of the statements, as PostgreSQL measured them (an EXPLAIN costs its planning). */
async function serverMs(db: Client, sent: Sent[]): Promise<number> {
  let ms = 0;
  for (const { sql, params } of sent) {
    const explained = sql.startsWith('EXPLAIN (FORMAT JSON) ') ? `EXPLAIN (SUMMARY, FORMAT JSON) ${sql.slice(22)}` : `EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`;
    const [row] = (await db.query(explained, params)).rows;
    const plan = row['QUERY PLAN'][0];
    ms += Number(plan['Planning Time']) + Number(plan['Execution Time'] ?? 0);
  }
  return ms;
}

export interface Sample {
  ids: string[];
  trackingCodes: string[];
  units: string[];
  regions: string[];
}

async function sampleParams(db: Client): Promise<Sample> {
  const ids = (await db.query(`SELECT id, tracking_code FROM tickets TABLESAMPLE SYSTEM (0.1) LIMIT 200`)).rows;
  const units = (await db.query(`SELECT code, region_code FROM units ORDER BY code`)).rows;
  // the workbench is measured for the units with the most open tickets
  const busiest = (await db.query(`SELECT lead_unit FROM tickets WHERE status = ANY($1) AND lead_unit IS NOT NULL GROUP BY lead_unit ORDER BY count(*) DESC LIMIT 10`, [UNIT_OPEN_STATUSES])).rows;
  return { ids: ids.map((r) => r.id), trackingCodes: ids.map((r) => r.tracking_code), units: busiest.map((u) => u.lead_unit), regions: [...new Set(units.map((u) => u.region_code as string))] };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
