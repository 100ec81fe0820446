import Redis from 'ioredis';
import { existsSync, readFileSync } from 'node:fs';
import { Client } from 'pg';
import { pgUrl } from './bench-env';
import { cpuSecondsOf, runToEnd, Service, startService, waitForHttp } from './processes';
import { round } from './stats';

/** A fresh database and Redis prefix, migrated and seeded by the product's own setup (no demo data). */
export async function freshSystem(env: Record<string, string>): Promise<void> {
  if (!/perf|bench/.test(env.DATABASE_NAME)) throw new Error(`refusing to drop ${env.DATABASE_NAME}: a benchmark database name contains "bench" or "perf"`);
  const admin = new Client({ connectionString: pgUrl(env, 'postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${env.DATABASE_NAME}" WITH (FORCE)`);
  await admin.end();
  await clearRedisPrefix(env);
  runToEnd('apps/api/src/setup.ts', [], env);
}

export async function clearRedisPrefix(env: Record<string, string>): Promise<void> {
  const redis = new Redis({ host: env.REDIS_HOST, port: Number(env.REDIS_PORT), lazyConnect: true });
  await redis.connect();
  const pattern = `${env.REDIS_PREFIX.replace(/[*?[\]]/g, '\\$&')}*`;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
  redis.disconnect();
}

export interface RunningSystem {
  apis: Service[];
  workers: Service[];
  urls: string[];
  stop(): Promise<void>;
}

/** Starts `apis` api processes (consecutive ports from env.PORT) and `workers` worker processes. */
export async function startSystem(env: Record<string, string>, opts: { apis?: number; workers?: number; cpuProfDir?: string; label?: string } = {}): Promise<RunningSystem> {
  const label = opts.label ?? 'hub';
  const apis: Service[] = [];
  const workers: Service[] = [];
  const urls: string[] = [];
  for (let i = 0; i < (opts.apis ?? 1); i++) {
    const port = String(Number(env.PORT) + i);
    apis.push(startService(`${label}-api${i ? i + 1 : ''}`, 'apps/api/src/main.ts', { env: { ...env, PORT: port }, cpuProfDir: opts.cpuProfDir }));
    urls.push(`http://127.0.0.1:${port}`);
  }
  for (let i = 0; i < (opts.workers ?? 1); i++) workers.push(startService(`${label}-worker${i ? i + 1 : ''}`, 'apps/worker/src/main.ts', { env, cpuProfDir: opts.cpuProfDir }));
  await Promise.all(urls.map((u) => waitForHttp(`${u}/health`)));
  await Promise.all(workers.map((w) => waitForLog(w, 'worker started')));
  return { apis, workers, urls, stop: () => Promise.all([...apis, ...workers].map((s) => s.stop())).then(() => undefined) };
}

/** The worker logs "worker started" once its queues, relay and classifier are up. */
async function waitForLog(service: Service, text: string, timeoutMs = 600000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (service.child.exitCode !== null) throw new Error(`${service.name} exited (${service.child.exitCode}); see bench/.scratch/logs/${service.name}.log`);
    if (existsSync(service.logFile) && readFileSync(service.logFile, 'utf8').includes(text)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${service.name} did not log "${text}" within ${timeoutMs} ms`);
}

/** CPU seconds so far of the system's api and worker processes, and of every PostgreSQL and Redis process on the machine. */
export const cpuParts = (system: RunningSystem) => ({
  api: system.apis.reduce((sum, s) => sum + s.rss.cpuSeconds(), 0),
  worker: system.workers.reduce((sum, s) => sum + s.rss.cpuSeconds(), 0),
  postgres: cpuSecondsOf('postgres'),
  redis: cpuSecondsOf('redis-server'),
});

export type CpuParts = ReturnType<typeof cpuParts>;

/** CPU milliseconds per ticket of each part, between two readings of `cpuParts`. */
export function cpuMsPerTicket(before: CpuParts, after: CpuParts, tickets: number): CpuParts {
  const part = (key: keyof CpuParts) => msPerTicket(after[key] - before[key], tickets);
  return { api: part('api'), worker: part('worker'), postgres: part('postgres'), redis: part('redis') };
}

/** `seconds` of CPU as milliseconds per ticket, two decimals */
export const msPerTicket = (seconds: number, tickets: number) => round((seconds * 1000) / Math.max(tickets, 1), 2);
