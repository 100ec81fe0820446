/**
 * npm run bench:history — a year's worth and more of tickets in their own database, then the
 * console's and the units' reads against it: p50/p95 per query, as the services send them.
 *   --count 10000000  --open 500000  --runs 30  --reuse (keep the generated database)
 */
import { Client } from 'pg';
import { benchEnv, flags, numberFlag, pgUrl } from '../support/bench-env';
import { machineLine } from '../support/machine';
import { percentile, round, table } from '../support/stats';
import { freshSystem } from '../support/system';
import { generateTickets } from './generate';
import { HISTORY_QUERIES } from './queries';

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
    console.log(`  ${COUNT} tickets in ${copied.toFixed(0)} s (${Math.round(COUNT / copied)}/s), indexes and ANALYZE in ${((Date.now() - started) / 1000 - copied).toFixed(0)} s`);
  } else await db.connect();
  const size = (await db.query(`SELECT pg_size_pretty(pg_total_relation_size('tickets')) AS s, (SELECT count(*) FROM tickets) AS n`)).rows[0];
  console.log(`  tickets: ${size.n} rows, ${size.s} with indexes; ${RUNS} runs per query\n`);
  const sample = await sampleParams(db);
  const rows: Array<Array<string | number>> = [];
  for (const q of HISTORY_QUERIES) {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { sql, params } = q.build(sample, i);
      const t0 = process.hrtime.bigint();
      for (const statement of sql) await db.query(statement, params);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    times.sort((a, b) => a - b);
    rows.push([q.name, round(percentile(times, 50), 1), round(percentile(times, 95), 1), q.target ?? '']);
    console.log(`  ${q.name}: p50 ${round(percentile(times, 50), 1)} ms, p95 ${round(percentile(times, 95), 1)} ms`);
  }
  console.log(`\n${table(['query', 'p50 ms', 'p95 ms', 'target p95'], rows)}`);
  console.log(`\ntimes are one round trip per statement from this process (a list = its count, if any, and its page); PostgreSQL's own time plus the driver's.`);
  console.log(`show_trgm('长春市宏达超市') here: ${(await db.query(`SELECT show_trgm('长春市宏达超市')::text AS t`).catch(() => ({ rows: [{ t: 'pg_trgm not installed' }] }))).rows[0].t}`);
  await db.end();
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
  return { ids: ids.map((r) => r.id), trackingCodes: ids.map((r) => r.tracking_code), units: units.map((u) => u.code), regions: [...new Set(units.map((u) => u.region_code as string))] };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
