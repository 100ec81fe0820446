/**
 * npm run bench:live — live latency under load: socket.io clients as operators and unit staff,
 * a steady stream of single 12315 records; feed POST → `ticket.updated` DISPATCHED at the lead
 * unit's sockets, events lost, and whether a unit's socket ever sees another unit's ticket.
 *   --sockets 300  --rate 200 (tickets/s)  --duration 60 (s)  --operators-share 0.2
 *   --profile  run api and worker with --cpu-prof (profiles in bench/.scratch/profiles)
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { io, Socket } from 'socket.io-client';
import { Client } from 'pg';
import autocannon from 'autocannon';
import { benchEnv, flags, numberFlag, pgUrl, SCRATCH } from '../support/bench-env';
import { machineLine } from '../support/machine';
import { record12315 } from '../support/payloads';
import { sleep } from '../support/processes';
import { waitUntilRouted } from '../support/routed';
import { allUnits, staffTokens } from '../support/staff';
import { percentile, round, table } from '../support/stats';
import { cpuMsPerTicket, cpuParts, freshSystem, msPerTicket, startSystem } from '../support/system';

interface LiveEvent {
  id: string;
  status: string;
  leadUnit: string | null;
  assistUnits: string[] | null;
}

interface Watcher {
  unit: string | null;
  socket: Socket;
  dispatchedAt: Map<string, number>;
  foreign: number;
}

const f = flags();
const SOCKETS = numberFlag(f, 'sockets', 300);
const RATE = numberFlag(f, 'rate', 200);
const DURATION = numberFlag(f, 'duration', 60);
const OPERATOR_SHARE = numberFlag(f, 'operators-share', 0.2);
const RUN = Date.now().toString(36);

async function main(): Promise<void> {
  const env = benchEnv();
  console.log(`bench:live — ${machineLine()}`);
  console.log(`${SOCKETS} sockets, ${RATE} tickets/s for ${DURATION} s, on ${env.DATABASE_NAME} port ${env.PORT}\n`);
  if (!f.has('reuse')) await freshSystem(env);
  const profileDir = f.has('profile') ? join(SCRATCH, 'profiles', RUN) : undefined;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const system = await startSystem(env, { label: 'live', cpuProfDir: profileDir });
  const db = new Client({ connectionString: pgUrl(env) });
  await db.connect();
  const base = system.urls[0];
  try {
    const units = await allUnits(db);
    const operators = Math.max(1, Math.round(SOCKETS * OPERATOR_SHARE));
    const users = [
      ...Array.from({ length: Math.min(4, operators) }, (_, i) => ({ username: `bench.op${i}`, roles: ['OPERATOR'], unit: null })),
      ...units.slice(0, SOCKETS - operators).map((unit) => ({ username: `bench.${unit.replace('@', '.').toLowerCase()}`, roles: ['HANDLER'], unit })),
    ];
    const started = Date.now();
    const tokens = await staffTokens(base, users);
    console.log(`  ${users.length} staff created and logged in (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    const watchers: Watcher[] = [];
    for (let i = 0; i < SOCKETS; i++) {
      const operator = i < operators;
      const user = operator ? users[i % Math.min(4, operators)] : users[Math.min(4, operators) + ((i - operators) % (users.length - Math.min(4, operators)))];
      watchers.push(watch(base, tokens.get(user.username) as string, user.unit));
    }
    await Promise.all(watchers.map((w) => new Promise<void>((resolve, reject) => {
      w.socket.once('connect', () => resolve());
      w.socket.once('connect_error', reject);
    })));
    console.log(`  ${watchers.length} sockets connected (${operators} operators)`);

    const sentAt = new Map<string, number>();
    const ticketOf = new Map<string, string>();
    let n = 0;
    const tag = `${RUN}L`;
    const cpuBefore = cpuParts(system);
    const benchCpuBefore = process.cpuUsage();
    const load = await new Promise<autocannon.Result>((resolve, reject) =>
      autocannon(
        {
          url: `${base}/api/v1/intake/12315`,
          method: 'POST',
          connections: 50,
          overallRate: RATE,
          duration: DURATION,
          headers: { 'content-type': 'application/json', 'x-feed-key': 'dev-key-12315' },
          requests: [
            {
              setupRequest: (req, ctx) => {
                const context = ctx as Record<string, unknown>;
                const record = record12315(tag, n++);
                context.externalId = record.gdbh;
                context.sentAt = Date.now();
                return { ...req, body: JSON.stringify(record) };
              },
              onResponse: (status, body, ctx) => {
                const context = ctx as Record<string, unknown>;
                if (status !== 202) return;
                const ticketId = (JSON.parse(body) as { accepted: Array<{ ticketId: string }> }).accepted[0].ticketId;
                sentAt.set(ticketId, context.sentAt as number);
                ticketOf.set(context.externalId as string, ticketId);
              },
            },
          ],
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      ),
    );
    await waitUntilRouted(db, `%${tag}%`, load['2xx'], 300000, (left) => console.log(`    ${left} tickets still in the pipeline`));
    await sleep(3000);
    const cpuAfter = cpuParts(system);
    const benchCpu = process.cpuUsage(benchCpuBefore);
    const dispatched: Array<{ id: string; lead_unit: string; assist_units: string[]; dispatched_at: Date }> = (
      await db.query(
        // the first dispatch: the one whose event the watchers time
        `SELECT t.id, t.lead_unit, t.assist_units, (SELECT min(h.at) FROM ticket_history h WHERE h.ticket_id = t.id AND h.to_status = 'DISPATCHED') AS dispatched_at
           FROM tickets t
          WHERE t.external_id LIKE $1 AND t.status = 'DISPATCHED'`,
        [`%${tag}%`],
      )
    ).rows;
    const latencies: number[] = [];
    const toDispatch: number[] = [];
    const toSocket: number[] = [];
    let lost = 0;
    let unwatched = 0;
    const operatorWatchers = watchers.filter((w) => w.unit === null);
    for (const t of dispatched) {
      const sent = sentAt.get(t.id);
      const unitWatchers = watchers.filter((w) => w.unit === t.lead_unit || t.assist_units.includes(w.unit as string));
      if (unitWatchers.length === 0) unwatched++;
      const expected = [...operatorWatchers, ...unitWatchers];
      const arrivals = expected.map((w) => w.dispatchedAt.get(t.id));
      lost += arrivals.filter((a) => a === undefined).length;
      const leadArrivals = watchers.filter((w) => w.unit === t.lead_unit).map((w) => w.dispatchedAt.get(t.id));
      if (sent !== undefined && leadArrivals.length > 0 && leadArrivals.every((a) => a !== undefined)) {
        const arrived = Math.max(...(leadArrivals as number[]));
        latencies.push(arrived - sent);
        toDispatch.push(t.dispatched_at.getTime() - sent);
        toSocket.push(arrived - t.dispatched_at.getTime());
      }
    }
    for (const series of [latencies, toDispatch, toSocket]) series.sort((a, b) => a - b);
    const foreign = watchers.reduce((s, w) => s + w.foreign, 0);
    console.log(
      `\n${table(
        ['tickets posted', 'accepted/s', 'dispatched', 'p50 ms', 'p99 ms', 'max ms', 'events lost', "other units' events seen", 'lead unit unwatched'],
        [[load.requests.total, round(load['2xx'] / DURATION), dispatched.length, round(percentile(latencies, 50)), round(percentile(latencies, 99)), round(latencies[latencies.length - 1] ?? NaN), lost, foreign, unwatched]],
      )}`,
    );
    console.log(
      `\n${table(
        ['segment', 'p50 ms', 'p99 ms'],
        [
          ['POST sent → dispatch written (history row, before its commit)', round(percentile(toDispatch, 50)), round(percentile(toDispatch, 99))],
          ['dispatch written → last lead-unit socket', round(percentile(toSocket, 50)), round(percentile(toSocket, 99))],
        ],
      )}`,
    );
    console.log(`\nlatency: feed POST sent → the last socket of the ticket's lead unit got ticket.updated DISPATCHED; "lost" counts every expected (socket, ticket) pair that never arrived (operators get all, units their own).`);
    const cpu = cpuMsPerTicket(cpuBefore, cpuAfter, dispatched.length);
    console.log(
      `CPU ms per dispatched ticket: api ${cpu.api}, worker ${cpu.worker}, PostgreSQL ${cpu.postgres}, Redis ${cpu.redis}, ` +
        `this bench (load and ${SOCKETS} sockets) ${msPerTicket((benchCpu.user + benchCpu.system) / 1e6, dispatched.length)}`,
    );
    if (profileDir) console.log(`\nCPU profiles: ${profileDir}`);
    for (const w of watchers) w.socket.disconnect();
  } finally {
    await db.end();
    await system.stop();
  }
}

function watch(base: string, token: string, unit: string | null): Watcher {
  const socket = io(`${base}/console`, { auth: { token }, transports: ['websocket'], reconnection: true });
  const watcher: Watcher = { unit, socket, dispatchedAt: new Map(), foreign: 0 };
  socket.on('ticket.updated', (e: LiveEvent) => {
    if (unit && e.leadUnit !== unit && !(e.assistUnits ?? []).includes(unit)) watcher.foreign++;
    if (e.status === 'DISPATCHED' && !watcher.dispatchedAt.has(e.id)) watcher.dispatchedAt.set(e.id, Date.now());
  });
  socket.on('ticket.created', (e: LiveEvent) => {
    if (unit && e.leadUnit !== unit && !(e.assistUnits ?? []).includes(unit)) watcher.foreign++;
  });
  return watcher;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
