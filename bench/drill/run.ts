/**
 * `npm run drill [-- --records N] [--rate R] [--json FILE]`: the fault drill. Starts its own
 * PostgreSQL cluster and Redis server, the api and the worker on them, feeds N records
 * across every feed at a steady rate while it SIGKILLs the worker, restarts Redis with its
 * data wiped and restarts PostgreSQL; then checks that nothing was lost, doubled or left
 * stuck, and prints the numbers. Exits non-zero when an invariant fails.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { FeedRequest, Ledger, newLedger, RecordFactory, sendWithRetry } from './feeds';
import { backlog, checkInvariants, Invariant, Stores } from './invariants';
import { NodeService, PgCluster, RedisServer, sleep, waitUntil } from './servers';

const ROOT = join(__dirname, '..', '..');
// its own cluster, Redis and api; DRILL_*_PORT move them when several copies run on one machine
const PG_PORT = Number(process.env.DRILL_PG_PORT ?? 55433);
const REDIS_PORT = Number(process.env.DRILL_REDIS_PORT ?? 56380);
const API_PORT = Number(process.env.DRILL_API_PORT ?? 3281);
const DATABASE = 'hotline_hub_drill';
const PREFIX = 'hubdrill';
const ARM_AHEAD_MS = 40 * 86_400_000;
/** how long PostgreSQL stays down at its restart */
const PG_DOWN_MS = 6000;
/** requests in flight at once, as a handful of feed connections would hold: a slow api slows the feeds instead of piling retries on it */
const MAX_IN_FLIGHT = 16;

type Fault = 'kill-worker' | 'wipe-redis' | 'restart-postgres';

interface Options {
  records: number;
  rate: number;
  faults: Array<{ at: number; fault: Fault }>;
  json: string | null;
  drainTimeoutMs: number;
}

function parseOptions(argv: string[]): Options {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const records = Number(value('--records') ?? 10_000);
  const short = records <= 2000;
  // the Redis wipe comes after the last worker kill, so a worker restart cannot re-arm what the wipe lost
  const faults: Options['faults'] = short
    ? [
        { at: 0.25, fault: 'kill-worker' },
        { at: 0.45, fault: 'restart-postgres' },
        { at: 0.7, fault: 'wipe-redis' },
      ]
    : [
        { at: 0.15, fault: 'kill-worker' },
        { at: 0.3, fault: 'kill-worker' },
        { at: 0.45, fault: 'restart-postgres' },
        { at: 0.55, fault: 'kill-worker' },
        { at: 0.75, fault: 'wipe-redis' },
      ];
  return { records, rate: Number(value('--rate') ?? (short ? 12 : 15)), faults, json: value('--json') ?? null, drainTimeoutMs: Number(value('--drain-timeout') ?? 300_000) };
}

const log = (message: string) => console.log(`[drill ${new Date().toISOString().slice(11, 19)}] ${message}`);

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const scratch = mkdtempSync(join(tmpdir(), 'hotline-hub-drill-'));
  const logDir = join(scratch, 'logs');
  mkdirSync(logDir);
  const pg = new PgCluster(scratch, PG_PORT);
  const redis = new RedisServer(logDir, REDIS_PORT);
  const env: Record<string, string> = {
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(API_PORT),
    DATABASE_HOST: '127.0.0.1',
    DATABASE_PORT: String(PG_PORT),
    DATABASE_NAME: DATABASE,
    DATABASE_USER: 'postgres',
    REDIS_HOST: '127.0.0.1',
    REDIS_PORT: String(REDIS_PORT),
    REDIS_PREFIX: PREFIX,
    LOG_LEVEL: 'warn',
    CLOCK_RECONCILE_MS: '10000',
    CLOCK_ARM_AHEAD_MS: String(ARM_AHEAD_MS),
    REQUEUE_SWEEP_MS: '5000',
    REQUEUE_AFTER_MS: '15000',
    WORKER_CONCURRENCY: '8',
    DEMO_DATA: 'false',
  };
  const api = new NodeService('api', 'apps/api/src/main.ts', ROOT, env, logDir);
  const worker = new NodeService('worker', 'apps/worker/src/main.ts', ROOT, env, logDir);
  let db: Client | null = null;
  const cleanup = async () => {
    await api.kill('SIGTERM').catch(() => undefined);
    await worker.kill('SIGTERM').catch(() => undefined);
    await db?.end().catch(() => undefined);
    await redis.kill().catch(() => undefined);
    pg.destroy();
    const kept = join(ROOT, 'artifacts', 'drill');
    rmSync(kept, { recursive: true, force: true });
    mkdirSync(kept, { recursive: true });
    cpSync(logDir, kept, { recursive: true });
    if (existsSync(pg.logFile)) cpSync(pg.logFile, join(kept, 'postgresql.log'));
    rmSync(scratch, { recursive: true, force: true });
  };
  const interrupted = () => void cleanup().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);

  try {
    log(`own PostgreSQL on ${PG_PORT}, own Redis on ${REDIS_PORT}, api on ${API_PORT}; data in ${scratch}`);
    pg.init();
    pg.start();
    await redis.start();
    const setup = spawnSync(process.execPath, [join(ROOT, 'scripts', 'run-ts.js'), 'apps/api/src/setup.ts'], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
    if (setup.status !== 0) throw new Error(`setup failed:\n${setup.stdout}${setup.stderr}`);
    log(setup.stdout.split('\n').filter((line) => line && !line.includes('[Nest]')).join('; '));
    api.start();
    worker.start();
    const apiUrl = `http://127.0.0.1:${API_PORT}`;
    await waitUntil('api healthy', () => fetch(`${apiUrl}/health`).then((r) => r.ok), 180_000);
    await waitUntil('worker ready', async () => (await redisKeys(`${PREFIX}:bull:routing:*`)) > 0, 180_000);
    db = new Client({ host: '127.0.0.1', port: PG_PORT, user: 'postgres', database: DATABASE });
    const stores: Stores = { db, redis: { host: '127.0.0.1', port: REDIS_PORT }, prefix: PREFIX };

    const ledger = newLedger();
    const faultLog: string[] = [];
    let lastFaultEnd = 0;
    const injectFault = async (fault: Fault) => {
      const started = Date.now();
      if (fault === 'kill-worker') {
        await worker.kill('SIGKILL');
        worker.start();
      } else if (fault === 'wipe-redis') {
        await redis.kill();
        await redis.start();
      } else {
        await db!.end().catch(() => undefined);
        pg.stop();
        faultLog.push(`PostgreSQL down: api answered ${await probeWhileDown(apiUrl)}`);
        await sleep(PG_DOWN_MS);
        pg.start();
        db = new Client({ host: '127.0.0.1', port: PG_PORT, user: 'postgres', database: DATABASE });
        await db.connect();
        stores.db = db;
      }
      lastFaultEnd = Date.now();
      faultLog.push(`${fault} at ${new Date(started).toISOString().slice(11, 19)} (${lastFaultEnd - started} ms)`);
      log(`fault: ${fault} (${lastFaultEnd - started} ms)`);
    };

    await db.connect();
    const feedStarted = Date.now();
    await feed(apiUrl, options, ledger, injectFault);
    const feedEnded = Date.now();
    log(`fed ${ledger.accepted.size} records in ${((feedEnded - feedStarted) / 1000).toFixed(1)} s; waiting for the pipeline to drain`);
    const drainedAt = await waitForDrain(stores, options.drainTimeoutMs);
    // the reconciler re-arms on its own period: give it one pass after the drain
    await sleep(12_000);
    const invariants = await checkInvariants(stores, ledger, { armAheadMs: ARM_AHEAD_MS });
    invariants.push(statusInvariant(ledger));
    invariants.push({ name: 'drained after the last fault', ok: drainedAt !== null, detail: drainedAt === null ? `not within ${options.drainTimeoutMs / 1000} s` : `drain time ${((drainedAt - lastFaultEnd) / 1000).toFixed(1)} s after the last fault, ${((drainedAt - feedEnded) / 1000).toFixed(1)} s after the last record` });
    report(options, ledger, faultLog, invariants, feedEnded - feedStarted);
    if (options.json) writeFileSync(options.json, JSON.stringify({ passed: invariants.filter((i) => i.ok).length, failed: invariants.filter((i) => !i.ok).length, invariants }, null, 2));
    return invariants.every((i) => i.ok) ? 0 : 1;
  } catch (error) {
    console.error(`[drill] failed: ${(error as Error).stack ?? error}`);
    if (options.json) writeFileSync(options.json, JSON.stringify({ passed: 0, failed: 1, invariants: [{ name: 'drill ran to its end', ok: false, detail: String(error) }] }));
    return 1;
  } finally {
    await cleanup();
    log(`stopped its servers, removed ${scratch}; logs in artifacts/drill`);
  }
}

/** Records at a steady rate; each request retried by its own client; faults injected at fractions of the records sent. */
async function feed(apiUrl: string, options: Options, ledger: Ledger, injectFault: (f: Fault) => Promise<void>): Promise<void> {
  const factory = new RecordFactory();
  const pending = new Set<Promise<void>>();
  const faults = [...options.faults];
  // one fault at a time, in order, while the records keep coming
  let faultsRunning: Promise<void> = Promise.resolve();
  const started = Date.now();
  let sent = 0;
  while (sent < options.records) {
    while (faults.length > 0 && sent >= faults[0].at * options.records) {
      const fault = faults.shift()!.fault;
      faultsRunning = faultsRunning.then(() => injectFault(fault));
    }
    while (pending.size >= MAX_IN_FLIGHT) await Promise.race(pending);
    const request: FeedRequest = factory.nextRequest(options.records - sent);
    sent += request.externalIds.length;
    const p = sendWithRetry(apiUrl, request, ledger).finally(() => pending.delete(p));
    pending.add(p);
    const due = started + (sent / options.rate) * 1000;
    if (due > Date.now()) await sleep(due - Date.now());
  }
  await faultsRunning;
  await Promise.all(pending);
}

/** One intake while PostgreSQL is down: the status and Retry-After a feed sees. */
async function probeWhileDown(apiUrl: string): Promise<string> {
  const request = new RecordFactory().nextRequest(1);
  const response = await fetch(`${apiUrl}/api/v1/intake/${request.feed}`, {
    method: 'POST',
    headers: { 'Content-Type': request.contentType, 'X-Feed-Key': `dev-key-${request.feed}` },
    body: request.body,
  }).catch((e: Error) => null);
  return response ? `${response.status} Retry-After ${response.headers.get('retry-after') ?? 'missing'}` : 'no answer';
}

async function waitForDrain(stores: Stores, timeoutMs: number): Promise<number | null> {
  const started = Date.now();
  let last = '';
  while (Date.now() - started < timeoutMs) {
    const b = await backlog(stores).catch(() => null);
    if (b && b.pipeline === 0 && b.outbox === 0 && b.jobs === 0) return Date.now();
    const now = b ? `pipeline ${b.pipeline}, outbox ${b.outbox}, jobs ${b.jobs}` : 'stores unreachable';
    if (now !== last && (Date.now() - started) % 5000 < 1000) log(`backlog: ${now}`);
    last = now;
    await sleep(1000);
  }
  return null;
}

function statusInvariant(ledger: Ledger): Invariant {
  const statuses = [...ledger.status.entries()].map(([s, n]) => `${s} ×${n}`).join(', ');
  const errors = [...ledger.status.entries()].filter(([s]) => s === 500).reduce((a, [, n]) => a + n, 0);
  return {
    name: 'no 500; 503 answered with Retry-After while a store was down',
    ok: errors === 0 && ledger.unavailableWithoutRetryAfter === 0 && ledger.rejected === 0,
    detail: `answers ${statuses}; 503 without Retry-After ${ledger.unavailableWithoutRetryAfter}; records refused ${ledger.rejected}; retries ${ledger.retries}; answered duplicate: true ${ledger.duplicatesAnswered} (unanswered deliveries retried)`,
  };
}

function report(options: Options, ledger: Ledger, faults: string[], invariants: Invariant[], feedMs: number): void {
  console.log('');
  const achieved = (ledger.accepted.size / (feedMs / 1000)).toFixed(1);
  console.log(`Fault drill: ${options.records} records over ${new RecordFactory().feeds.length} feeds at ${options.rate}/s asked, ${achieved}/s achieved (${(feedMs / 1000).toFixed(0)} s), ${ledger.requests} requests`);
  for (const f of faults) console.log(`  fault  ${f}`);
  for (const i of invariants) console.log(`  ${i.ok ? 'PASS' : 'FAIL'}  ${i.name}: ${i.detail}`);
  const failed = invariants.filter((i) => !i.ok).length;
  console.log(`${invariants.length - failed} invariants held, ${failed} failed`);
}

async function redisKeys(pattern: string): Promise<number> {
  const out = spawnSync('redis-cli', ['-p', String(REDIS_PORT), '--scan', '--pattern', pattern], { encoding: 'utf8' }).stdout;
  return out.split('\n').filter(Boolean).length;
}

void main().then((code) => process.exit(code));
