import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig, DomainError, RedisClient, Unavailable } from '@hub/core';

/** contracts.md: 5 failures per tracking code in 15 minutes, 20 per client address in an hour. */
export const LOOKUP_LIMITS = {
  perCode: { points: 5, durationSeconds: 15 * 60 },
  perAddress: { points: 20, durationSeconds: 3600 },
} as const;

const rateLimited = (retryAfterMs: number, message: string) =>
  new DomainError('RATE_LIMITED', message, 429, [], { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterMs / 1000))) });

/**
 * Failure counters for the tipsters' lookups and a cap on submissions, kept in Redis
 * so they hold across every api process. Addresses are keyed by a digest, never stored.
 */
@Injectable()
export class TipLookupLimits {
  private readonly perCode: RateLimiterRedis;
  private readonly perAddress: RateLimiterRedis;
  private readonly submits: RateLimiterRedis;

  constructor(redis: RedisClient, config: AppConfig) {
    const limiter = (name: string, limit: { points: number; durationSeconds: number }) =>
      new RateLimiterRedis({ storeClient: redis.redis, keyPrefix: `${config.redisPrefix}:tips:${name}`, points: limit.points, duration: limit.durationSeconds });
    this.perCode = limiter('code-failures', LOOKUP_LIMITS.perCode);
    this.perAddress = limiter('address-failures', LOOKUP_LIMITS.perAddress);
    this.submits = limiter('address-submits', { points: config.env.PUBLIC_TIPS_PER_HOUR, durationSeconds: 3600 });
  }

  /** 429 while the tracking code or the address has used up its failures. */
  async assertLookupAllowed(trackingCode: string, address: string): Promise<void> {
    const [code, addr] = await this.guard(() => Promise.all([this.perCode.get(codeKey(trackingCode)), this.perAddress.get(addressKey(address))]));
    if (addr && addr.consumedPoints >= LOOKUP_LIMITS.perAddress.points) throw rateLimited(addr.msBeforeNext, '查询失败次数过多，请稍后再试');
    if (code && code.consumedPoints >= LOOKUP_LIMITS.perCode.points) throw rateLimited(code.msBeforeNext, '该查询码查询失败次数过多，请稍后再试');
  }

  async recordLookupFailure(trackingCode: string, address: string): Promise<void> {
    await this.guard(() => Promise.all([this.perCode.penalty(codeKey(trackingCode), 1), this.perAddress.penalty(addressKey(address), 1)]));
  }

  async countSubmission(address: string): Promise<void> {
    try {
      await this.submits.consume(addressKey(address), 1);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw rateLimited(error.msBeforeNext, '提交过于频繁，请稍后再试');
      throw Unavailable('The rate limiter is unavailable, try again shortly');
    }
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch {
      throw Unavailable('The rate limiter is unavailable, try again shortly');
    }
  }
}

const codeKey = (trackingCode: string) => trackingCode.trim().toUpperCase().slice(0, 40);
const addressKey = (address: string) => createHash('sha256').update(address).digest('base64url').slice(0, 22);
