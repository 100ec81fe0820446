/**
 * npm run bench:scale — one api + one worker, then two of each on the same PostgreSQL and Redis:
 * routed/s for the same load, every event at sockets on either api (ticket events, claim.changed,
 * counters), and no ticket processed twice.
 *   --duration 20 (s per phase)  --sockets-per-api 5  --load single|batch  --profile (every api and worker under node --cpu-prof)
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { io, Socket } from 'socket.io-client';
import { Client } from 'pg';
import { benchEnv, flags, numberFlag, pgUrl, SCRATCH } from '../support/bench-env';
import { loadWithAutocannon } from '../support/load';
import { machineLine } from '../support/machine';
import { record12315 } from '../support/payloads';
import { sleep } from '../support/processes';
import { routedFigures, waitUntilRouted } from '../support/routed';
import { staffTokens } from '../support/staff';
import { ratio, round, table } from '../support/stats';
import { cpuMsPerTicket, cpuParts, freshSystem, RunningSystem, startSystem } from '../support/system';

const f = flags();
const DURATION = numberFlag(f, 'duration', 20);
const SOCKETS_PER_API = numberFlag(f, 'sockets-per-api', 5);
const CLAIMS_PER_API = 10;
/** single: one record per POST from 50 connections; batch: 100-record POSTs from 4 connections (as bench:intake) */
const LOADS = { single: { connections: 50, records: 1 }, batch: { connections: 4, records: 100 } } as const;
const LOAD = LOADS[(f.get('load') ?? 'single') as keyof typeof LOADS];
if (!LOAD) throw new Error(`--load is one of ${Object.keys(LOADS).join(', ')}`);
const RUN = Date.now().toString(36);
const PROFILE_DIR = f.has('profile') ? join(SCRATCH, 'profiles', RUN) : undefined;

interface Seen {
  api: number;
  socket: Socket;
  created: Set<string>;
  updated: Set<string>;
  claims: Map<string, number>;
  counters: number;
}

interface Phase {
  name: string;
  posted: number;
  routedPerS: number;
  p99Ms: number;
  cpuMsPerTicket: number;
  /** api / worker / PostgreSQL CPU ms per routed ticket */
  split: string;
  processedTwice: number;
}

async function main(): Promise<void> {
  const env = benchEnv();
  console.log(`bench:scale — ${machineLine()}`);
  console.log(`${DURATION} s per phase, Redis prefix ${env.REDIS_PREFIX} (one Redis Cluster hash slot), on ${env.DATABASE_NAME}\n`);
  if (PROFILE_DIR) mkdirSync(PROFILE_DIR, { recursive: true });
  const one = await onFreshDatabase(env, 1);
  const two = await onFreshDatabase(env, 2);
  console.log(`\n${table(
    ['processes', 'tickets posted', 'routed/s e2e', 'vs 1+1', 'p99 ms', 'node CPU ms/ticket', 'api / worker / PostgreSQL ms', 'tickets processed twice'],
    [one, two].map((p) => [p.name, p.posted, p.routedPerS, ratio(p.routedPerS, one.routedPerS), p.p99Ms, p.cpuMsPerTicket, p.split, p.processedTwice]),
  )}`);
}

/** Each phase starts from an empty database: duplicate pools and indexes grow with the tickets, so a second phase on the first one's tickets would pay more per ticket. */
async function onFreshDatabase(env: Record<string, string>, count: number): Promise<Phase> {
  await freshSystem(env);
  const db = new Client({ connectionString: pgUrl(env) });
  await db.connect();
  try {
    return await phase(env, db, count);
  } finally {
    await db.end();
  }
}

async function phase(env: Record<string, string>, db: Client, count: number): Promise<Phase> {
  const system = await startSystem(env, { apis: count, workers: count, label: `scale${count}`, cpuProfDir: PROFILE_DIR });
  try {
    const tokens = await staffTokens(system.urls[0], [{ username: 'bench.scale.op', roles: ['OPERATOR'], unit: null }], 1);
    const token = tokens.get('bench.scale.op') as string;
    const seen = await connectAll(system, token);
    const tag = `${RUN}P${count}`;
    let n = 0;
    const cpuBefore = cpuParts(system);
    const loads = system.urls.map((url) =>
      loadWithAutocannon({
        url: `${url}/api/v1/intake/12315`,
        connections: Math.round(LOAD.connections / count),
        durationS: DURATION,
        headers: { 'content-type': 'application/json', 'x-feed-key': 'dev-key-12315' },
        body: () => JSON.stringify(LOAD.records === 1 ? record12315(tag, n++) : Array.from({ length: LOAD.records }, () => record12315(tag, n++))),
      }),
    );
    const claimed = claimSome(system, token, db, tag);
    const results = await Promise.all(loads);
    const claimedIds = await claimed;
    const posted = results.reduce((s, r) => s + r.ok, 0) * LOAD.records;
    await waitUntilRouted(db, `%${tag}%`, posted, 600000, (left) => console.log(`    ${count}+${count}: ${left} tickets still in the pipeline`));
    await sleep(3000);
    const figures = await routedFigures(db, `%${tag}%`);
    const { api, worker, postgres } = cpuMsPerTicket(cpuBefore, cpuParts(system), figures.routed);
    const twice = Number(
      (
        await db.query(
          `SELECT count(*) AS n FROM (SELECT t.id FROM tickets t JOIN ticket_history h ON h.ticket_id = t.id WHERE t.external_id LIKE $1 AND h.action IN ('RECEIVED', 'AUTO_DISPATCHED', 'TRIAGE')
             GROUP BY t.id HAVING count(*) FILTER (WHERE h.action = 'RECEIVED') <> 1 OR count(*) FILTER (WHERE h.action <> 'RECEIVED') <> 1) x`,
          [`%${tag}%`],
        )
      ).rows[0].n,
    );
    const ids: string[] = (await db.query(`SELECT id FROM tickets WHERE external_id LIKE $1`, [`%${tag}%`])).rows.map((r: { id: string }) => r.id);
    reportDelivery(count, seen, ids, claimedIds);
    for (const s of seen) s.socket.disconnect();
    return { name: `${count} api + ${count} worker`, posted, routedPerS: round(figures.routedPerS), p99Ms: round(figures.p99Ms), cpuMsPerTicket: round(api + worker, 2), split: `${api} / ${worker} / ${postgres}`, processedTwice: twice };
  } finally {
    await system.stop();
  }
}

async function connectAll(system: RunningSystem, token: string): Promise<Seen[]> {
  const seen: Seen[] = [];
  system.urls.forEach((url, api) => {
    for (let i = 0; i < SOCKETS_PER_API; i++) {
      const socket = io(`${url}/console`, { auth: { token }, transports: ['websocket'] });
      const s: Seen = { api, socket, created: new Set(), updated: new Set(), claims: new Map(), counters: 0 };
      socket.on('ticket.created', (e: { id: string }) => s.created.add(e.id));
      socket.on('ticket.updated', (e: { id: string; status: string }) => {
        if (e.status === 'DISPATCHED' || e.status === 'TRIAGE') s.updated.add(e.id);
      });
      socket.on('claim.changed', (e: { ticketId: string }) => s.claims.set(e.ticketId, (s.claims.get(e.ticketId) ?? 0) + 1));
      socket.on('counters', () => s.counters++);
      seen.push(s);
    }
  });
  await Promise.all(
    seen.map(
      (s) =>
        new Promise<void>((resolve, reject) => {
          if (s.socket.connected) return resolve();
          s.socket.once('connect', () => resolve());
          s.socket.once('connect_error', reject);
        }),
    ),
  );
  return seen;
}

/** Claims and releases tickets through each api in turn while the load runs: claim.changed must reach every api's sockets. */
async function claimSome(system: RunningSystem, token: string, db: Client, tag: string): Promise<string[]> {
  const wanted = CLAIMS_PER_API * system.urls.length;
  let ids: string[] = [];
  // a busy machine may take a while to store the first tickets
  for (let waited = 0; ids.length < wanted && waited < DURATION * 1000; waited += 1000) {
    await sleep(1000);
    ids = (await db.query(`SELECT id FROM tickets WHERE external_id LIKE $1 ORDER BY created_at LIMIT $2`, [`%${tag}%`, wanted])).rows.map((r: { id: string }) => r.id);
  }
  for (const [i, id] of ids.entries()) {
    const url = system.urls[i % system.urls.length];
    for (const action of ['claim', 'release']) {
      const res = await fetch(`${url}/api/v1/console/tickets/${id}/${action}`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      if (!res.ok) throw new Error(`${action} ${id}: ${res.status} ${await res.text()}`);
    }
  }
  return ids;
}

function reportDelivery(count: number, seen: Seen[], ids: string[], claimed: string[]): void {
  const rows = seen.map((s, i) => [
    `api ${s.api + 1} socket ${(i % SOCKETS_PER_API) + 1}`,
    `${ids.filter((id) => s.created.has(id)).length}/${ids.length}`,
    `${ids.filter((id) => s.updated.has(id)).length}/${ids.length}`,
    `${claimed.filter((id) => (s.claims.get(id) ?? 0) >= 2).length}/${claimed.length}`,
    s.counters,
  ]);
  const missing = seen.reduce((sum, s) => sum + ids.filter((id) => !s.created.has(id) || !s.updated.has(id)).length + claimed.filter((id) => (s.claims.get(id) ?? 0) < 2).length + (s.counters > 0 ? 0 : 1), 0);
  console.log(`\n  ${count}+${count}: events at each socket (created, routed, claim+release, counters pushes) — ${missing === 0 ? 'every socket got every event' : `${missing} missing`}`);
  console.log(table(['socket', 'ticket.created', 'ticket.updated routed', 'claim.changed ×2', 'counters'], rows).replace(/^/gm, '  '));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
