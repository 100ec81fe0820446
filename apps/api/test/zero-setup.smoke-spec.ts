import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, Socket } from 'socket.io-client';
import { tipBody } from '@hub/testing/tip-builders';

/**
 * Zero-setup mode as a newcomer meets it: `npm start` (scripts/start.js) where nothing
 * answers on the configured PostgreSQL and Redis addresses (unused ports) runs an
 * embedded PostgreSQL and single-machine mode; a feed record is dispatched and reaches
 * the console's socket live; after a stop and a restart the ticket is still there.
 */
const ROOT = join(__dirname, '..', '..', '..');
/**
 * How long to wait for /health: far above a start on an idle 2-core machine (15–25 s; `npm run
 * bench:start` measures it), so a busy machine does not fail the suite; the time is printed.
 */
const START_WAIT_MS = 180_000;
const STOP_WAIT_MS = 60_000;
const FEED_RECORD = { gdbh: 'SMOKE-12315-0001', ldsj: '2026-03-15 09:12:33', qdly: '电话', sjlx: '投诉', sqnr: '超市销售的奶粉生产日期被涂改' };

interface RunningSystem {
  process: ChildProcess;
  output: () => string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/** A shell with nothing configured but the addresses: no database or Redis settings, no test settings. */
function newcomerEnvironment(ports: { db: number; redis: number; api: number }, dataDir: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(DATABASE_|REDIS_|TEST_|E2E_|JEST|NODE_ENV$|PORT$|HOST$|LOG_LEVEL$|SINGLE_MACHINE$|LOCAL_DATA_DIR$)/.test(key)));
  return { ...env, DATABASE_PORT: String(ports.db), REDIS_PORT: String(ports.redis), PORT: String(ports.api), HOST: '127.0.0.1', LOCAL_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
}

function startSystem(env: NodeJS.ProcessEnv): RunningSystem {
  let output = '';
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.js')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { process: child, output: () => output };
}

async function untilHealthy(base: string, system: RunningSystem): Promise<{ ms: number; body: unknown }> {
  const started = Date.now();
  while (Date.now() - started < START_WAIT_MS) {
    if (system.process.exitCode !== null) throw new Error(`npm start exited (${system.process.exitCode}):\n${system.output()}`);
    const res = await fetch(`${base}/health`).catch(() => null);
    if (res?.status === 200) return { ms: Date.now() - started, body: await res.json() };
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no answer on /health within ${START_WAIT_MS} ms:\n${system.output()}`);
}

function stopSystem(system: RunningSystem, signal: NodeJS.Signals): Promise<number | null> {
  if (system.process.exitCode !== null) return Promise.resolve(system.process.exitCode);
  return new Promise((resolve) => {
    system.process.once('exit', (code) => resolve(code));
    system.process.kill(signal);
  });
}

async function login(base: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'operator1', password: 'demo-pass-2026' }) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function findTicket(base: string, token: string, externalId: string) {
  const res = await fetch(`${base}/api/v1/tickets?feed=12315&externalId=${externalId}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: Array<{ id: string; status: string; trackingCode: string }> }).items;
}

describe('zero-setup start: npm start with no PostgreSQL and no Redis answering', () => {
  let ports: { db: number; redis: number; api: number };
  let dataDir: string;
  let base: string;
  let system: RunningSystem | null = null;
  let ticketId: string;

  beforeAll(async () => {
    ports = { db: await freePort(), redis: await freePort(), api: await freePort() };
    dataDir = mkdtempSync(join(tmpdir(), 'hotline-hub-smoke-'));
    base = `http://127.0.0.1:${ports.api}`;
  });

  afterAll(async () => {
    if (system) await stopSystem(system, 'SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts an embedded PostgreSQL in single-machine mode and answers /health', async () => {
    expect(await answers(ports.db)).toBe(false);
    system = startSystem(newcomerEnvironment(ports, dataDir));
    const { ms, body } = await untilHealthy(base, system);
    process.stderr.write(`zero-setup start: /health answered after ${(ms / 1000).toFixed(1)} s\n`);
    expect(body).toMatchObject({ status: 'ok', info: { postgres: { status: 'up' } } });
    expect(body).not.toHaveProperty('info.redis');
    const modeLines = system.output().split('\n').filter((line) => line.startsWith('Single-machine mode:'));
    expect(modeLines).toHaveLength(1);
    expect(modeLines[0]).toMatch(new RegExp(`embedded PostgreSQL 1[5-9]\\.\\d+ on 127\\.0\\.0\\.1:${ports.db}.*To switch to Redis`));
  }, START_WAIT_MS + 10_000);

  it('dispatches a feed record and pushes it live to the console socket', async () => {
    const token = await login(base);
    const socket: Socket = io(`${base}/console`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      // the demo tickets may still be on their way through the pipeline: only this ticket's events count
      const seen: Array<{ event: string; id: string; status: string; leadUnit: string | null }> = [];
      let dispatchedId: (id: string) => void = () => undefined;
      const dispatchedIds = new Set<string>();
      for (const event of ['ticket.created', 'ticket.updated']) {
        socket.on(event, (payload: { id: string; status: string; leadUnit: string | null }) => {
          seen.push({ event, ...payload });
          if (payload.status === 'DISPATCHED') {
            dispatchedIds.add(payload.id);
            dispatchedId(payload.id);
          }
        });
      }
      const res = await fetch(`${base}/api/v1/intake/12315`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-feed-key': 'dev-key-12315' }, body: JSON.stringify(FEED_RECORD) });
      expect(res.status).toBe(202);
      ticketId = ((await res.json()) as { accepted: Array<{ ticketId: string }> }).accepted[0].ticketId;
      if (!dispatchedIds.has(ticketId)) await new Promise<void>((resolve) => (dispatchedId = (id) => id === ticketId && resolve()));
      const own = seen.filter((e) => e.id === ticketId);
      expect(own.map((e) => [e.event, e.id, e.status])).toEqual([
        ['ticket.created', ticketId, 'RECEIVED'],
        ['ticket.updated', ticketId, 'DISPATCHED'],
      ]);
      expect(own[1].leadUnit).toBe('AIC@220000');
    } finally {
      socket.disconnect();
    }
  });

  it('takes a tip on the public portal, answers its status to the tracking code and PIN, and locks the code after 5 wrong PINs', async () => {
    const post = (path: string, body: unknown) => fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const submitted = await post('/api/v1/public/tips', tipBody());
    expect(submitted.status).toBe(201);
    const { trackingCode, pin } = (await submitted.json()) as { trackingCode: string; pin: string };

    const status = await post('/api/v1/public/tips/status', { trackingCode, pin });
    expect(status.status).toBe(200);
    expect(await status.json()).toMatchObject({ trackingCode, reward: null });

    const wrongPin = pin.slice(0, -1) + String((Number(pin.slice(-1)) + 1) % 10);
    const failures = [];
    for (let i = 0; i < 5; i++) failures.push((await post('/api/v1/public/tips/status', { trackingCode, pin: wrongPin })).status);
    expect(failures).toEqual([404, 404, 404, 404, 404]);
    const locked = await post('/api/v1/public/tips/status', { trackingCode, pin });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('stops cleanly on SIGTERM: the api, the worker and the embedded PostgreSQL', async () => {
    const code = await stopSystem(system as RunningSystem, 'SIGTERM');
    system = null;
    expect(code).toBe(0);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    expect(await answers(ports.db)).toBe(false);
    expect(await answers(ports.api)).toBe(false);
  }, STOP_WAIT_MS);

  it('starts again on the same data and still has the dispatched ticket', async () => {
    system = startSystem(newcomerEnvironment(ports, dataDir));
    await untilHealthy(base, system);
    expect(system.output()).not.toMatch(/not shut down cleanly/);
    const tickets = await findTicket(base, await login(base), FEED_RECORD.gdbh);
    expect(tickets.map((t) => [t.id, t.status])).toEqual([[ticketId, 'DISPATCHED']]);
  }, START_WAIT_MS + 10_000);
});
