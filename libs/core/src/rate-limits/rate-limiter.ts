import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { AppConfig } from '../config/app-config.service';
import type { RedisClient } from '../redis/redis.provider';

export interface RateLimit {
  points: number;
  durationSeconds: number;
}

/**
 * A counter window named `name`: in Redis, shared by every api process; in single-machine
 * mode in this (the only) api process's memory, which a restart empties.
 */
export function createRateLimiter(redis: RedisClient, config: AppConfig, name: string, limit: RateLimit): RateLimiterAbstract {
  const keyPrefix = `${config.redisPrefix}:${name}`;
  if (!redis.enabled) return new RateLimiterMemory({ keyPrefix, points: limit.points, duration: limit.durationSeconds });
  return new RateLimiterRedis({ storeClient: redis.redis, keyPrefix, points: limit.points, duration: limit.durationSeconds });
}
