import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const SCRATCH = join(ROOT, 'bench', '.scratch');

/** Flags as `--name value` or `--name=value`; a bare `--name` is "true". */
export function flags(argv = process.argv.slice(2)): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) continue;
    const [name, inline] = arg.slice(2).split('=', 2);
    if (inline !== undefined) out.set(name, inline);
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) out.set(name, argv[++i]);
    else out.set(name, 'true');
  }
  return out;
}

export const numberFlag = (f: Map<string, string>, name: string, fallback: number) => (f.has(name) ? Number(f.get(name)) : fallback);

/**
 * The environment of the system under test. Everything is its own: database, Redis prefix
 * (in Redis Cluster hash-tag form) and ports, overridable by BENCH_* variables.
 */
export function benchEnv(overrides: Record<string, string> = {}): Record<string, string> {
  const e = process.env;
  return {
    NODE_ENV: 'development',
    DATABASE_HOST: e.BENCH_DATABASE_HOST ?? '127.0.0.1',
    DATABASE_PORT: e.BENCH_DATABASE_PORT ?? '5432',
    DATABASE_USER: e.BENCH_DATABASE_USER ?? 'postgres',
    DATABASE_NAME: e.BENCH_DATABASE_NAME ?? 'hotline_hub_perf_bench',
    REDIS_HOST: e.BENCH_REDIS_HOST ?? '127.0.0.1',
    REDIS_PORT: e.BENCH_REDIS_PORT ?? '6379',
    REDIS_PREFIX: e.BENCH_REDIS_PREFIX ?? '{hubperf}',
    PORT: e.BENCH_PORT ?? '3371',
    HOST: '127.0.0.1',
    LOG_LEVEL: e.BENCH_LOG_LEVEL ?? 'info',
    // the live and scale benches sign hundreds of staff in from one address within a minute
    LOGIN_RATE_PER_ACCOUNT: '1000',
    LOGIN_RATE_PER_ADDRESS: '100000',
    LOGIN_LOCKOUT_FAILURES: '100',
    ...overrides,
  };
}

/** A DATABASE_HOST starting with `/` is the directory of PostgreSQL's Unix socket. */
export function pgUrl(env: Record<string, string>, database = env.DATABASE_NAME): string {
  if (env.DATABASE_HOST.startsWith('/')) return `postgres://${env.DATABASE_USER}@/${database}?host=${env.DATABASE_HOST}&port=${env.DATABASE_PORT}`;
  return `postgres://${env.DATABASE_USER}@${env.DATABASE_HOST}:${env.DATABASE_PORT}/${database}`;
}
