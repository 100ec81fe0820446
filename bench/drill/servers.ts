import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, createWriteStream, existsSync, mkdirSync, readdirSync, WriteStream } from 'node:fs';
import { join } from 'node:path';

/** The drill's own servers: a PostgreSQL cluster and a Redis server on their own ports, never the machine's. */

const PG_VERSIONS_DIR = '/usr/lib/postgresql';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function pgBin(tool: string): string {
  const versions = existsSync(PG_VERSIONS_DIR) ? readdirSync(PG_VERSIONS_DIR).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) {
    const path = join(PG_VERSIONS_DIR, v, 'bin', tool);
    if (existsSync(path)) return path;
  }
  throw new Error(`PostgreSQL's ${tool} not found under ${PG_VERSIONS_DIR}: apt-get install postgresql`);
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** initdb and the server refuse to run as root: as root, they run as the postgres OS user. */
function runPg(tool: string, args: string[], allowFail = false): string {
  const [cmd, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', pgBin(tool), ...args]] : [pgBin(tool), args];
  const result = spawnSync(cmd, argv, { encoding: 'utf8' });
  if (result.status !== 0 && !allowFail) throw new Error(`${tool} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  return `${result.stdout}${result.stderr}`;
}

export class PgCluster {
  readonly dataDir: string;
  private readonly socketDir: string;
  readonly logFile: string;

  constructor(
    private readonly scratch: string,
    readonly port: number,
  ) {
    this.dataDir = join(scratch, 'pg');
    this.socketDir = join(scratch, 'pg-run');
    this.logFile = join(this.socketDir, 'postgresql.log');
  }

  init(): void {
    // the postgres user must reach its folders inside the (private) scratch folder
    if (isRoot()) chmodSync(this.scratch, 0o711);
    for (const dir of [this.dataDir, this.socketDir]) {
      mkdirSync(dir, { recursive: true });
      if (isRoot()) chownSync(dir, pgUid(), pgGid());
    }
    runPg('initdb', ['-D', this.dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  }

  start(): void {
    const options = `-p ${this.port} -k ${this.socketDir} -c listen_addresses=127.0.0.1 -c max_connections=100 -c shared_buffers=64MB`;
    runPg('pg_ctl', ['-D', this.dataDir, '-l', this.logFile, '-o', options, '-w', '-t', '60', 'start']);
  }

  /** A fast shutdown: open sessions are ended, as at a failover or a restart for an upgrade. */
  stop(): void {
    runPg('pg_ctl', ['-D', this.dataDir, '-m', 'fast', '-w', '-t', '60', 'stop']);
  }

  /** Stops it whatever state it is in; never throws. */
  destroy(): void {
    if (existsSync(join(this.dataDir, 'postmaster.pid'))) runPg('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', '-t', '30', 'stop'], true);
  }
}

function pgUid(): number {
  return Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
}
function pgGid(): number {
  return Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
}

/** A Redis without persistence: killing it and starting another loses every key, as a failed-over cache would. */
export class RedisServer {
  private child: ChildProcess | null = null;

  constructor(
    private readonly logDir: string,
    readonly port: number,
  ) {}

  async start(): Promise<void> {
    const log = createWriteStream(join(this.logDir, 'redis.log'), { flags: 'a' });
    const child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    this.child = child;
    for (let i = 0; i < 100; i++) {
      if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}; is port ${this.port} taken?`);
      if (spawnSync('redis-cli', ['-p', String(this.port), 'ping'], { encoding: 'utf8' }).stdout.trim() === 'PONG') return;
      await sleep(100);
    }
    throw new Error('redis-server did not answer PING');
  }

  async kill(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }
}

/** An api or worker process of the product, as deployed, its log in a file. */
export class NodeService {
  private child: ChildProcess | null = null;
  private log: WriteStream;

  constructor(
    readonly name: string,
    private readonly entry: string,
    private readonly root: string,
    private readonly env: Record<string, string>,
    logDir: string,
  ) {
    this.log = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
  }

  start(): void {
    const child = spawn(process.execPath, [join(this.root, 'scripts', 'run-ts.js'), this.entry], { cwd: this.root, env: { ...process.env, ...this.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.pipe(this.log, { end: false });
    child.stderr?.pipe(this.log, { end: false });
    this.child = child;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL', graceMs = 10_000): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
}

export async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs: number, everyMs = 250): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check().catch(() => false)) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(everyMs);
  }
}

export { sleep };
