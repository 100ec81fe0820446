import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig, createRateLimiter, DomainError, RedisClient, Unavailable } from '@hub/core';

/** Public disclosure lookups per client address (digest only, never stored): enough for people, not for scraping. */
export const PUBLIC_RECORDS_PER_MINUTE = 60;

@Injectable()
export class PublicRecordsLimits {
  private readonly perAddress: RateLimiterAbstract;

  constructor(redis: RedisClient, config: AppConfig) {
    this.perAddress = createRateLimiter(redis, config, 'records:address', { points: PUBLIC_RECORDS_PER_MINUTE, durationSeconds: 60 });
  }

  async count(address: string): Promise<void> {
    try {
      await this.perAddress.consume(createHash('sha256').update(address).digest('hex'), 1);
    } catch (error) {
      if (error instanceof RateLimiterRes) {
        throw new DomainError('RATE_LIMITED', '查询过于频繁，请稍后再试', 429, [], { 'Retry-After': String(Math.max(1, Math.ceil(error.msBeforeNext / 1000))) });
      }
      throw Unavailable('The rate limiter is unavailable, try again shortly');
    }
  }
}
