import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, DomainError, RedisClient } from '@hub/core';

/** Failures from one address that lock it, as a multiple of the per-account threshold. */
const ADDRESS_FACTOR = 4;

/**
 * A temporary lockout after repeated wrong passwords, per username (known or not, so a
 * lockout tells nothing about existence) and per address. Counters live in Redis, so
 * every api process sees the same ones (in memory in single-machine mode, one api process).
 */
@Injectable()
export class LoginLockout {
  private readonly memory = new MemoryCounters();

  constructor(
    private readonly redis: RedisClient,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /** 429 with Retry-After while the account or the address is locked. */
  async assertNotLocked(username: string, address: string): Promise<void> {
    const remainingMs = (key: string) => (this.redis.enabled ? this.redis.redis.pttl(key) : Promise.resolve(this.memory.remainingMs(key)));
    const [accountMs, addressMs] = await Promise.all([remainingMs(this.lockKey('account', username)), remainingMs(this.lockKey('address', address))]);
    const waitMs = Math.max(accountMs, addressMs);
    if (waitMs > 0) throw lockedOut(Math.ceil(waitMs / 1000));
  }

  async recordFailure(username: string, address: string): Promise<void> {
    const threshold = this.config.env.LOGIN_LOCKOUT_FAILURES;
    await Promise.all([this.count('account', username, threshold), this.count('address', address, threshold * ADDRESS_FACTOR)]);
  }

  async recordSuccess(username: string): Promise<void> {
    if (!this.redis.enabled) return this.memory.delete(this.failKey('account', username));
    await this.redis.redis.del(this.failKey('account', username));
  }

  private async count(scope: 'account' | 'address', who: string, threshold: number): Promise<void> {
    const seconds = this.config.env.LOGIN_LOCKOUT_SECONDS;
    const key = this.failKey(scope, who);
    if (!this.redis.enabled) {
      if (this.memory.increment(key, seconds) >= threshold) this.memory.lock(this.lockKey(scope, who), key, seconds);
      return;
    }
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

/** The same counters in process memory: a count that expires a window after its first failure. */
class MemoryCounters {
  private readonly entries = new Map<string, { count: number; expiresAt: number }>();

  increment(key: string, seconds: number): number {
    const now = Date.now();
    const entry = this.live(key, now) ?? { count: 0, expiresAt: now + seconds * 1000 };
    entry.count += 1;
    this.entries.set(key, entry);
    return entry.count;
  }

  lock(lockKey: string, failKey: string, seconds: number): void {
    this.entries.set(lockKey, { count: 1, expiresAt: Date.now() + seconds * 1000 });
    this.entries.delete(failKey);
  }

  remainingMs(key: string): number {
    const now = Date.now();
    const entry = this.live(key, now);
    return entry ? entry.expiresAt - now : -2;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  private live(key: string, now: number) {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= now) this.entries.delete(key);
    return entry && entry.expiresAt > now ? entry : undefined;
  }
}

export function lockedOut(retryAfterSeconds: number): DomainError {
  return new DomainError('TOO_MANY_ATTEMPTS', `Too many login attempts; try again in ${retryAfterSeconds} s`, 429, [], { 'Retry-After': String(retryAfterSeconds) });
}
