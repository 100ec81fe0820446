/**
 * npm run bench:intake — intake throughput end to end, side by side with the bare baseline.
 *   --duration 20        seconds per timed scenario
 *   --scenarios single,batch,csv
 *   --csv-rows 10000
 *   --no-baseline        skip the baseline
 *   --profile            run api and worker with --cpu-prof (profiles in bench/.scratch/profiles)
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { runBaseline } from '../support/baseline';
import { benchEnv, flags, numberFlag, pgUrl, SCRATCH } from '../support/bench-env';
import { loadWithAutocannon } from '../support/load';
import { csv12358, record12315 } from '../support/payloads';
import { cpuMsPerTicket, cpuParts, msPerTicket, RunningSystem, freshSystem, startSystem } from '../support/system';
import { routedFigures, waitUntilRouted } from '../support/routed';
import { ratio, round, table } from '../support/stats';
import { machineLine } from '../support/machine';

interface ScenarioResult {
  name: string;
  records: number;
  acceptedPerS: number;
  non2xx: number;
  routed: number;
  routedPerS: number;
  p50Ms: number;
  p99Ms: number;
  dispatched: number;
  triage: number;
  rssApiMb: number;
  rssWorkerMb: number;
  /** CPU ms of the api and worker processes per routed ticket */
  cpuMsPerTicket: number;
  /** CPU ms per routed ticket of each part: api, worker, PostgreSQL (every postgres process), Redis */
  cpuSplit?: Record<'api' | 'worker' | 'postgres' | 'redis', number>;
  /** KB written per routed ticket by the api and by the worker (their statements, Redis commands, events and logs) */
  kbWritten?: { api: number; worker: number };
}

const f = flags();
const DURATION = numberFlag(f, 'duration', 20);
const CSV_ROWS = numberFlag(f, 'csv-rows', 10000);
const SCENARIOS = (f.get('scenarios') ?? 'single,batch,csv').split(',');
const DRAIN_TIMEOUT_MS = numberFlag(f, 'drain-timeout', 600) * 1000;
const RUN = Date.now().toString(36);

async function main(): Promise<void> {
  const env = benchEnv();
  console.log(`bench:intake — ${machineLine()}`);
  console.log(`hotline-hub on ${env.DATABASE_NAME}, Redis prefix ${env.REDIS_PREFIX}, port ${env.PORT}; ${DURATION} s per timed scenario\n`);
  await freshSystem(env);
  const profileDir = f.has('profile') ? join(SCRATCH, 'profiles', RUN) : undefined;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const system = await startSystem(env, { cpuProfDir: profileDir });
  const db = new Client({ connectionString: pgUrl(env) });
  await db.connect();
  const results: ScenarioResult[] = [];
  try {
    for (const scenario of SCENARIOS) {
      system.apis[0].rss.takePeakMb();
      system.workers[0].rss.takePeakMb();
      const cpuBefore = cpuOf(system);
      const partsBefore = cpuParts(system);
      const writtenBefore = bytesWritten(system);
      const result = await SCENARIO_RUNNERS[scenario](system, db);
      result.cpuMsPerTicket = msPerTicket(cpuOf(system) - cpuBefore, result.routed);
      const partsAfter = cpuParts(system);
      const writtenAfter = bytesWritten(system);
      result.kbWritten = { api: round((writtenAfter.api - writtenBefore.api) / 1024 / Math.max(result.routed, 1), 1), worker: round((writtenAfter.worker - writtenBefore.worker) / 1024 / Math.max(result.routed, 1), 1) };
      result.cpuSplit = cpuMsPerTicket(partsBefore, partsAfter, result.routed);
      results.push(result);
      console.log(`  ${scenario}: ${JSON.stringify(result)}`);
    }
  } finally {
    await db.end();
    await system.stop();
  }
  if (profileDir) console.log(`\nCPU profiles: ${profileDir}`);

  const baseline = f.has('no-baseline') ? null : await runBaseline(env, DURATION, Number(env.PORT) + 1);
  if (baseline) console.log(`  baseline: ${JSON.stringify(baseline)}`);
  console.log(`\n${report(results, baseline)}`);
}

const bytesWritten = (system: RunningSystem) => ({
  api: system.apis.reduce((sum, s) => sum + s.rss.bytesWritten(), 0),
  worker: system.workers.reduce((sum, s) => sum + s.rss.bytesWritten(), 0),
});
const cpuOf = (system: RunningSystem) => [...system.apis, ...system.workers].reduce((sum, s) => sum + s.rss.cpuSeconds(), 0);

type Runner = (system: RunningSystem, db: Client) => Promise<ScenarioResult>;

const feedHeaders = (contentType: string) => ({ 'content-type': contentType, 'x-feed-key': 'dev-key-12315' });

const SCENARIO_RUNNERS: Record<string, Runner> = {
  /** single 12315 records from 50 connections */
  single: async (system, db) => {
    const tag = `${RUN}S`;
    let n = 0;
    const load = await loadWithAutocannon({ url: `${system.urls[0]}/api/v1/intake/12315`, connections: 50, durationS: DURATION, headers: feedHeaders('application/json'), body: () => JSON.stringify(record12315(tag, n++)) });
    return finish('single 12315, 50 conns', system, db, tag, load.ok, load.okPerS, load.non2xx + load.errors);
  },
  /** 100-record 12315 batches from 4 connections */
  batch: async (system, db) => {
    const tag = `${RUN}B`;
    let n = 0;
    const load = await loadWithAutocannon({
      url: `${system.urls[0]}/api/v1/intake/12315`,
      connections: 4,
      durationS: DURATION,
      headers: feedHeaders('application/json'),
      body: () => JSON.stringify(Array.from({ length: 100 }, () => record12315(tag, n++))),
    });
    return finish('batch 12315 ×100, 4 conns', system, db, tag, load.ok * 100, (load.ok * 100) / load.seconds, load.non2xx + load.errors);
  },
  /** one 12358 CSV upload of CSV_ROWS rows */
  csv: async (system, db) => {
    const tag = `${RUN}C`;
    const upload = csv12358(tag, CSV_ROWS);
    const started = Date.now();
    const res = await fetch(`${system.urls[0]}/api/v1/intake/12358`, { method: 'POST', headers: { 'content-type': upload.contentType, 'x-feed-key': 'dev-key-12358' }, body: upload.body });
    const body = (await res.json()) as { accepted?: unknown[] };
    const seconds = (Date.now() - started) / 1000;
    const accepted = body.accepted?.length ?? 0;
    return finish(`csv 12358 ×${CSV_ROWS}, 1 request`, system, db, `JG${tag}`, accepted, accepted / seconds, res.status === 202 ? 0 : 1);
  },
};

async function finish(name: string, system: RunningSystem, db: Client, tag: string, records: number, acceptedPerS: number, non2xx: number): Promise<ScenarioResult> {
  const pattern = `%${tag}%`;
  const drained = await waitUntilRouted(db, pattern, records, DRAIN_TIMEOUT_MS, (left) => console.log(`    ${name}: ${left} tickets still in the pipeline`));
  if (!drained) console.log(`    ${name}: NOT all routed within ${DRAIN_TIMEOUT_MS / 1000} s`);
  const routed = await routedFigures(db, pattern);
  return {
    name,
    records,
    acceptedPerS: round(acceptedPerS),
    non2xx,
    routed: routed.routed,
    routedPerS: round(routed.routedPerS),
    p50Ms: round(routed.p50Ms),
    p99Ms: round(routed.p99Ms),
    dispatched: routed.dispatched,
    triage: routed.triage,
    rssApiMb: system.apis[0].rss.takePeakMb(),
    rssWorkerMb: system.workers[0].rss.takePeakMb(),
    cpuMsPerTicket: NaN,
  };
}

function report(results: ScenarioResult[], baseline: Awaited<ReturnType<typeof runBaseline>> | null): string {
  const rows = results.map((r) => [
    r.name, r.records, r.acceptedPerS, r.routedPerS, baseline ? ratio(r.routedPerS, baseline.routedPerS) : '', r.p50Ms, r.p99Ms, `${r.dispatched}/${r.triage}`, r.non2xx, r.rssApiMb, r.rssWorkerMb,
    r.cpuMsPerTicket, baseline ? ratio(baseline.cpuMsPerTicket, r.cpuMsPerTicket) : '', `${r.cpuSplit?.api} / ${r.cpuSplit?.worker}`, r.cpuSplit?.postgres ?? '', r.cpuSplit?.redis ?? '', `${r.kbWritten?.api} / ${r.kbWritten?.worker}`,
  ]);
  if (baseline) rows.push(['baseline (bare node:http + BullMQ), 50 conns', baseline.routed, round(baseline.acceptedPerS), round(baseline.routedPerS), '1.00×', round(baseline.p50Ms), round(baseline.p99Ms), '', '', baseline.rssServerMb, baseline.rssWorkerMb, baseline.cpuMsPerTicket, '1.00×', '', baseline.postgresCpuMsPerTicket, baseline.redisCpuMsPerTicket, '']);
  return [
    table(['scenario', 'records', 'accepted/s', 'routed/s e2e', 'vs baseline', 'p50 ms', 'p99 ms', 'dispatched/triage', 'errors', 'api MB', 'worker MB', 'node CPU ms/ticket', 'CPU efficiency vs baseline', 'api / worker ms', 'PostgreSQL ms', 'Redis ms', 'api / worker KB written'], rows),
    '',
    'routed/s: routed tickets / (last routed − first received), from the ticket history (the baseline: from its table, as its run.sh counts).',
    'node CPU ms/ticket: user+system CPU of the api and worker processes (the baseline: server and worker) per routed ticket, PostgreSQL and Redis not included;',
    'it hardly depends on what else the machine runs, unlike the rates, so on a shared machine it is the steadier comparison.',
    'PostgreSQL ms, Redis ms: CPU of every postgres and redis-server process on the machine per routed ticket (their share of the two cores).',
    'KB written: bytes the api and the worker wrote per routed ticket (/proc wchar: statements to PostgreSQL, commands and events to Redis, logs).',
  ].join('\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
