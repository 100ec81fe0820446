import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { pgUrl, ROOT, SCRATCH } from './bench-env';
import { loadWithAutocannon } from './load';
import { cpuSecondsOf, startService, waitForHttp } from './processes';
import { percentile } from './stats';

export interface BaselineResult {
  acceptedPerS: number;
  routed: number;
  routedPerS: number;
  p50Ms: number;
  p99Ms: number;
  rssServerMb: number;
  rssWorkerMb: number;
  cpuMsPerTicket: number;
  postgresCpuMsPerTicket: number;
  redisCpuMsPerTicket: number;
}

/**
 * The bare baseline of ../shared/bench/baseline, copied to bench/.scratch (shared/ is read-only),
 * installed once, and run exactly as its run.sh does (50 connections, same body) but on our
 * own database, port and BullMQ prefix so that it never meets another run.
 */
export async function runBaseline(env: Record<string, string>, durationS: number, port: number): Promise<BaselineResult> {
  const dir = prepareBaselineCopy();
  const url = pgUrl(env);
  const db = new Client({ connectionString: url });
  await db.connect();
  await db.query(`DROP TABLE IF EXISTS bt; CREATE TABLE bt(id bigserial primary key, feed text, ext_id text, body text, status text default 'new', dept text, created_at timestamptz default clock_timestamp(), routed_at timestamptz, unique(feed, ext_id))`);
  const childEnv = { PG_URL: url, PORT: String(port), BULL_PREFIX: `${env.REDIS_PREFIX}:baseline` };
  const server = startService('baseline-server', join(dir, 'server.js'), { env: childEnv, cwd: dir });
  const worker = startService('baseline-worker', join(dir, 'worker.js'), { env: childEnv, cwd: dir });
  try {
    await waitForHttp(`http://127.0.0.1:${port}/`);
    const cpuBefore = server.rss.cpuSeconds() + worker.rss.cpuSeconds();
    const servicesBefore = { postgres: cpuSecondsOf('postgres'), redis: cpuSecondsOf('redis-server') };
    let n = 0;
    const load = await loadWithAutocannon({
      url: `http://127.0.0.1:${port}/tickets`,
      connections: 50,
      durationS,
      headers: { 'content-type': 'application/json' },
      body: () => JSON.stringify({ feed: '12315', extId: `x${++n}-${Math.random()}`, text: '在超市买到的食品过期了，投诉内容'.repeat(8) }),
    });
    const until = Date.now() + 120000;
    while (Date.now() < until && Number((await db.query(`SELECT count(*) AS n FROM bt WHERE status = 'new'`)).rows[0].n) > 0) await new Promise((r) => setTimeout(r, 500));
    const rows: Array<{ ms: number; created: Date; routed: Date }> = (
      await db.query(`SELECT extract(epoch FROM routed_at - created_at) * 1000 AS ms, created_at AS created, routed_at AS routed FROM bt WHERE routed_at IS NOT NULL`)
    ).rows.map((r) => ({ ms: Number(r.ms), created: r.created, routed: r.routed }));
    const cpuSeconds = server.rss.cpuSeconds() + worker.rss.cpuSeconds() - cpuBefore;
    const perTicket = (seconds: number) => Number(((seconds * 1000) / Math.max(rows.length, 1)).toFixed(2));
    const latencies = rows.map((r) => r.ms).sort((a, b) => a - b);
    const spanS = (Math.max(...rows.map((r) => r.routed.getTime())) - Math.min(...rows.map((r) => r.created.getTime()))) / 1000;
    return {
      acceptedPerS: load.okPerS,
      routed: rows.length,
      routedPerS: rows.length / spanS,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      rssServerMb: server.rss.takePeakMb(),
      rssWorkerMb: worker.rss.takePeakMb(),
      cpuMsPerTicket: perTicket(cpuSeconds),
      postgresCpuMsPerTicket: perTicket(cpuSecondsOf('postgres') - servicesBefore.postgres),
      redisCpuMsPerTicket: perTicket(cpuSecondsOf('redis-server') - servicesBefore.redis),
    };
  } finally {
    await Promise.all([server.stop(), worker.stop()]);
    await db.query(`DROP TABLE IF EXISTS bt`);
    await db.end();
  }
}

function prepareBaselineCopy(): string {
  const source = process.env.BASELINE_DIR ?? join(ROOT, '..', 'shared', 'bench', 'baseline');
  const dir = join(SCRATCH, 'baseline');
  if (!existsSync(join(dir, 'node_modules', 'bullmq'))) {
    if (!existsSync(join(source, 'server.js'))) throw new Error(`no baseline at ${source}; set BASELINE_DIR`);
    cpSync(source, dir, { recursive: true });
    spawnSync('chmod', ['-R', 'u+w', dir]);
    const install = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
    if (install.status !== 0) throw new Error('npm ci of the baseline failed');
  }
  // the only change to the baseline: its BullMQ keys under our prefix, so a run never meets another
  for (const file of ['server.js', 'worker.js']) {
    const path = join(dir, file);
    const code = readFileSync(path, 'utf8');
    if (!code.includes('BULL_PREFIX')) writeFileSync(path, code.replace(/connection: \{ host: '127\.0\.0\.1', port: 6379 \}/g, "connection: { host: '127.0.0.1', port: 6379 }, prefix: process.env.BULL_PREFIX || 'bull'"));
  }
  return dir;
}
