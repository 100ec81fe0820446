import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SCRATCH } from './bench-env';

const { ensureBuilt, builtEntry } = require('../../scripts/built-app') as { ensureBuilt(): boolean; builtEntry(entry: string): string };
let builtOnce = false;

/** The compiled entry point the product runs in production (`npm run build` first when a source is newer). */
function compiledEntry(entry: string): string {
  if (!builtOnce && !ensureBuilt()) throw new Error('npm run build failed');
  builtOnce = true;
  return builtEntry(entry);
}

export interface Service {
  name: string;
  child: ChildProcess;
  rss: RssSampler;
  logFile: string;
  stop(): Promise<void>;
}

export interface ServiceOptions {
  env: Record<string, string>;
  /** directory for a `--cpu-prof` profile, written when the process stops */
  cpuProfDir?: string;
  cwd?: string;
}

/** Starts an entry point of the repo, compiled (or a plain .js file), as its own process, logging to bench/.scratch/logs. */
export function startService(name: string, entry: string, options: ServiceOptions): Service {
  mkdirSync(join(SCRATCH, 'logs'), { recursive: true });
  const logFile = join(SCRATCH, 'logs', `${name}.log`);
  const log = createWriteStream(logFile);
  const args = ['--max-old-space-size=1024', '-r', join(__dirname, 'exit-on-signal.js')];
  if (options.cpuProfDir) args.push('--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`, `--cpu-prof-name=${name}.cpuprofile`);
  args.push(entry.endsWith('.ts') ? compiledEntry(entry) : entry);
  const child = spawn(process.execPath, args, { cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const rss = new RssSampler(child.pid as number);
  return {
    name,
    child,
    rss,
    logFile,
    stop: async () => {
      rss.stop();
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Runs an entry point to its end, compiled (setup, migrations). */
export function runToEnd(entry: string, args: string[], env: Record<string, string>): void {
  const result = spawnSync(process.execPath, [compiledEntry(entry), ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${entry} failed:\n${result.stdout}\n${result.stderr}`);
}

export async function waitForHttp(url: string, timeoutMs = 600000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** USER_HZ: 100 on Linux everywhere this runs */
const CLOCK_TICKS = 100;

function processCpuSeconds(pid: number | string): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** CPU seconds used so far by every process of this name (`postgres`, `redis-server`): the database's share of a ticket. */
export function cpuSecondsOf(command: string): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === command) total += processCpuSeconds(pid) ?? 0;
    } catch {
      // the process has gone
    }
  }
  return total;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Peak resident memory of a process, sampled from /proc every 100 ms; resettable per scenario. */
export class RssSampler {
  private peakBytes = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly pid: number) {
    this.timer = setInterval(() => this.sample(), 100);
    this.timer.unref();
  }

  sample(): void {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      this.peakBytes = Math.max(this.peakBytes, kb * 1024);
    } catch {
      // the process has gone
    }
  }

  /** CPU seconds (user + system) the process has used so far: a figure other load on the machine barely changes. */
  cpuSeconds(): number {
    return processCpuSeconds(this.pid) ?? NaN;
  }

  /** Bytes the process has written through write calls so far (files, pipes and sockets: its queries, commands and events). */
  bytesWritten(): number {
    try {
      return Number(/wchar:\s+(\d+)/.exec(readFileSync(`/proc/${this.pid}/io`, 'utf8'))?.[1] ?? NaN);
    } catch {
      return NaN;
    }
  }

  /** Peak in MB since the last reset. */
  takePeakMb(): number {
    this.sample();
    const mb = this.peakBytes / 1024 / 1024;
    this.peakBytes = 0;
    return Math.round(mb);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
