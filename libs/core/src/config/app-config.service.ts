import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { devFeedKey, EnvironmentVariables, parseFeedKeys, parsePiiKeys, PiiKey } from './app-config';

/** Typed, derived view of the validated configuration. The only reader of settings. */
@Injectable()
export class AppConfig {
  readonly env: EnvironmentVariables;
  readonly piiKeys: PiiKey[];
  private readonly feedKeys: Record<string, string>;

  constructor(config: ConfigService) {
    this.env = config.get<EnvironmentVariables>('app') as EnvironmentVariables;
    this.piiKeys = parsePiiKeys(this.env.PII_KEYS);
    this.feedKeys = parseFeedKeys(this.env.FEED_KEYS);
  }

  get isProduction(): boolean {
    return this.env.NODE_ENV === 'production';
  }

  /** The key a feed must present; null when the feed is not enabled. */
  feedKey(feed: string): string | null {
    return this.feedKeys[feed] ?? (this.isProduction ? null : devFeedKey(feed));
  }

  get database() {
    const e = this.env;
    return { host: e.DATABASE_HOST, port: e.DATABASE_PORT, username: e.DATABASE_USER, password: e.DATABASE_PASSWORD, database: e.DATABASE_NAME, poolSize: e.DATABASE_POOL_SIZE };
  }

  get redis() {
    const e = this.env;
    return { host: e.REDIS_HOST, port: e.REDIS_PORT, password: e.REDIS_PASSWORD, db: e.REDIS_DB };
  }

  /** Queues and live events run on PostgreSQL and socket.io in process: nothing uses Redis. */
  get singleMachine(): boolean {
    return this.env.SINGLE_MACHINE === 'true';
  }

  get redisPrefix(): string {
    return this.env.REDIS_PREFIX;
  }
}
