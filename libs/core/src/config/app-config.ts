import { readFileSync } from 'node:fs';
import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Max, Min, MinLength, validateSync } from 'class-validator';

/** Development defaults named in contracts.md; production refuses them. */
export const DEV_ADMIN_PASSWORD = 'admin-demo-2026';
export const DEV_JWT_SECRET = 'dev-jwt-secret-change-me-in-production';
/** 32 zero-free bytes, base64, for development only. */
export const DEV_PII_KEY = 'ZGV2LXBpaS1rZXktMzItYnl0ZXMtbG9uZy0hISEhISE=';
export const devFeedKey = (feed: string) => `dev-key-${feed}`;

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/** Every setting the system reads, with its development default. Validated at boot. */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test']) NODE_ENV = 'development';
  @Transform(toInt) @IsInt() @Min(0) @Max(65535) PORT = 3000;
  @IsString() HOST = '0.0.0.0';

  @IsString() DATABASE_HOST = '127.0.0.1';
  @Transform(toInt) @IsInt() DATABASE_PORT = 5432;
  @IsString() DATABASE_USER = 'postgres';
  @IsOptional() @IsString() DATABASE_PASSWORD?: string;
  @IsString() DATABASE_NAME = 'hotline_hub';
  @Transform(toInt) @IsInt() @Min(1) DATABASE_POOL_SIZE = 10;

  @IsString() REDIS_HOST = '127.0.0.1';
  @Transform(toInt) @IsInt() REDIS_PORT = 6379;
  @IsOptional() @IsString() REDIS_PASSWORD?: string;
  @Transform(toInt) @IsInt() @Min(0) REDIS_DB = 0;
  /** prefix of every Redis key (queues, pub/sub), so test runs never touch a live system */
  @IsString() REDIS_PREFIX = 'hub';
  /** no Redis: queues and live events on PostgreSQL, socket.io in process (`npm start` sets it when no Redis answers) */
  @IsIn(['true', 'false']) SINGLE_MACHINE = 'false';

  @IsString() @MinLength(16) JWT_SECRET = DEV_JWT_SECRET;
  /** access tokens are short-lived; the console renews them with its refresh token */
  @Transform(toInt) @IsInt() @Min(60) JWT_TTL_SECONDS = 900;
  /** a refresh token (one login session) lasts at most this long; each use rotates it */
  @Transform(toInt) @IsInt() @Min(300) REFRESH_TTL_SECONDS = 43200;
  /** login attempts per minute from one address, and for one username, before 429 */
  @Transform(toInt) @IsInt() @Min(1) LOGIN_RATE_PER_ADDRESS = 60;
  @Transform(toInt) @IsInt() @Min(1) LOGIN_RATE_PER_ACCOUNT = 10;
  /** this many wrong passwords for one username (or from one address, ×4) lock it for LOGIN_LOCKOUT_SECONDS */
  @Transform(toInt) @IsInt() @Min(1) LOGIN_LOCKOUT_FAILURES = 5;
  @Transform(toInt) @IsInt() @Min(1) LOGIN_LOCKOUT_SECONDS = 900;

  /** "keyId:base64key[,keyId:base64key…]" — AES-256-GCM keys for reporter data; the first encrypts */
  @IsString() PII_KEYS = `k1:${DEV_PII_KEY}`;

  @IsString() ADMIN_USERNAME = 'admin';
  @IsString() @MinLength(12) ADMIN_PASSWORD = DEV_ADMIN_PASSWORD;

  /** "12315=key,12365=key,…"; a feed not listed uses dev-key-<feed> outside production */
  @IsOptional() @IsString() FEED_KEYS?: string;

  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsNumber()
  @Min(0)
  @Max(1)
  AUTO_ROUTE_THRESHOLD = 0.8;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL = 'info';
  @Transform(toInt) @IsInt() @Min(100) OUTBOX_POLL_MS = 250;
  @Transform(toInt) @IsInt() @Min(1) WORKER_CONCURRENCY = 8;
  /** a console text search still running after this long is stopped and answered 422 (a narrower search is asked for) */
  @Transform(toInt) @IsInt() @Min(100) SEARCH_TIMEOUT_MS = 10000;
  /** how often each worker re-arms deadline timers from PostgreSQL */
  @Transform(toInt) @IsInt() @Min(200) CLOCK_RECONCILE_MS = 30000;
  /** arm deadline timers this far ahead (0: just the next two reconcile passes and a minute) */
  @Transform(toInt) @IsInt() @Min(0) CLOCK_ARM_AHEAD_MS = 0;
  /** how often each worker re-derives from PostgreSQL what Redis may have lost: pipeline steps without a job, schedules */
  @Transform(toInt) @IsInt() @Min(200) REQUEUE_SWEEP_MS = 30000;
  /** a ticket whose pipeline step has not moved for this long gets its step's job queued again */
  @Transform(toInt) @IsInt() @Min(1000) REQUEUE_AFTER_MS = 60000;

  /** the SMS gateway that sends tipsters their tracking code, PIN and reward notices; without it notices are only logged (development) */
  @IsOptional() @IsString() SMS_GATEWAY_URL?: string;
  @IsOptional() @IsString() SMS_GATEWAY_KEY?: string;
  /** tips the public portal takes from one client address per hour (many phones share an address behind carrier NAT) */
  @Transform(toInt) @IsInt() @Min(1) PUBLIC_TIPS_PER_HOUR = 60;

  /** load demo tickets at setup */
  @IsIn(['true', 'false']) DEMO_DATA = 'false';
}

/** Settings that may instead be read from a file named by `<NAME>_FILE` (Docker secrets, mounted files). */
export const SECRET_SETTINGS = ['DATABASE_PASSWORD', 'REDIS_PASSWORD', 'JWT_SECRET', 'PII_KEYS', 'ADMIN_PASSWORD', 'FEED_KEYS', 'SMS_GATEWAY_KEY'] as const;

function withSecretFiles(raw: Record<string, unknown>): Record<string, unknown> {
  const resolved = { ...raw };
  for (const name of SECRET_SETTINGS) {
    const file = raw[`${name}_FILE`];
    if (typeof file !== 'string' || file === '') continue;
    if (raw[name] !== undefined && raw[name] !== '') throw new Error(`Invalid configuration:\n${name} and ${name}_FILE are both set`);
    try {
      resolved[name] = readFileSync(file, 'utf8').trim();
    } catch (error) {
      throw new Error(`Invalid configuration:\n${name}_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  return resolved;
}

export function validateEnvironment(raw: Record<string, unknown>): EnvironmentVariables {
  const defined = Object.fromEntries(Object.entries(withSecretFiles(raw)).filter(([, v]) => v !== undefined && v !== ''));
  const env = plainToInstance(EnvironmentVariables, defined, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (env.NODE_ENV === 'production') refuseDevelopmentSecrets(env);
  return env;
}

function refuseDevelopmentSecrets(env: EnvironmentVariables): void {
  const problems: string[] = [];
  if (env.JWT_SECRET === DEV_JWT_SECRET) problems.push('JWT_SECRET is the development default');
  if (env.ADMIN_PASSWORD === DEV_ADMIN_PASSWORD) problems.push('ADMIN_PASSWORD is the development default');
  if (env.PII_KEYS.includes(DEV_PII_KEY)) problems.push('PII_KEYS holds the development key');
  if (!env.SMS_GATEWAY_URL) problems.push('SMS_GATEWAY_URL is missing: hotline tipsters would never get their tracking code and PIN');
  const feedKeys = parseFeedKeys(env.FEED_KEYS);
  for (const [feed, key] of Object.entries(feedKeys)) if (key === devFeedKey(feed)) problems.push(`FEED_KEYS ${feed} is the development default`);
  if (problems.length > 0) throw new Error(`Refusing to start in production with development secrets:\n${problems.join('\n')}`);
}

export function parseFeedKeys(value: string | undefined): Record<string, string> {
  if (!value) return {};
  return Object.fromEntries(
    value
      .split(',')
      .map((pair) => pair.trim())
      .filter(Boolean)
      .map((pair) => {
        const at = pair.indexOf('=');
        return [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
      }),
  );
}

export interface PiiKey {
  id: string;
  key: Buffer;
}

export function parsePiiKeys(value: string): PiiKey[] {
  const keys = value.split(',').map((entry) => {
    const [id, b64] = entry.trim().split(':');
    const key = Buffer.from(b64 ?? '', 'base64');
    if (!id || key.length !== 32) throw new Error(`PII_KEYS entry "${id}" must be keyId:base64 of 32 bytes`);
    return { id, key };
  });
  if (keys.length === 0) throw new Error('PII_KEYS needs at least one key');
  return keys;
}

/** The validated settings of this process, for entry points that run before Nest. */
export function loadEnvironment(): EnvironmentVariables {
  return validateEnvironment(process.env);
}
