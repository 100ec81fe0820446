import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, DomainError, RedisClient } from '@hub/core';

/** Failures from one address that lock it, as a multiple of the per-account threshold. */
const ADDRESS_FACTOR = 4;

/**
 * A temporary lockout after repeated wrong passwords, per username (known or not, so a
 * lockout tells nothing about existence) and per address. Counters live in Redis, so
 * every api process sees the same ones.
 */
@Injectable()
export class LoginLockout {
  constructor(
    private readonly redis: RedisClient,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /** 429 with Retry-After while the account or the address is locked. */
  async assertNotLocked(username: string, address: string): Promise<void> {
    const [accountMs, addressMs] = await Promise.all([this.redis.redis.pttl(this.lockKey('account', username)), this.redis.redis.pttl(this.lockKey('address', address))]);
    const waitMs = Math.max(accountMs, addressMs);
    if (waitMs > 0) throw lockedOut(Math.ceil(waitMs / 1000));
  }

  async recordFailure(username: string, address: string): Promise<void> {
    const threshold = this.config.env.LOGIN_LOCKOUT_FAILURES;
    await Promise.all([this.count('account', username, threshold), this.count('address', address, threshold * ADDRESS_FACTOR)]);
  }

  async recordSuccess(username: string): Promise<void> {
    await this.redis.redis.del(this.failKey('account', username));
  }

  private async count(scope: 'account' | 'address', who: string, threshold: number): Promise<void> {
    const seconds = this.config.env.LOGIN_LOCKOUT_SECONDS;
    const key = this.failKey(scope, who);
    const [[, failures]] = (await this.redis.redis.multi().incr(key).expire(key, seconds, 'NX').exec()) as [[null, number]];
    if (failures >= threshold) {
      await this.redis.redis.multi().set(this.lockKey(scope, who), '1', 'EX', seconds).del(key).exec();
    }
  }

  private failKey(scope: string, who: string): string {
    return `${this.config.redisPrefix}:login:failures:${scope}:${who.toLowerCase()}`;
  }

  private lockKey(scope: string, who: string): string {
    return `${this.config.redisPrefix}:login:locked:${scope}:${who.toLowerCase()}`;
  }
}

export function lockedOut(retryAfterSeconds: number): DomainError {
  return new DomainError('TOO_MANY_ATTEMPTS', `Too many login attempts; try again in ${retryAfterSeconds} s`, 429, [], { 'Retry-After': String(retryAfterSeconds) });
}
