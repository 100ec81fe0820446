import { ExecutionContext, Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerModuleOptions } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { AppConfig } from '@hub/core';
import { lockedOut } from './login-lockout.service';

const MINUTE_MS = 60_000;

/** Login attempts counted in Redis (shared by every api process) under the deployment's key prefix. */
@Injectable()
export class LoginThrottleStorage extends ThrottlerStorageRedisService implements OnModuleDestroy {
  constructor(@Inject(AppConfig) config: AppConfig) {
    super({ ...config.redis, keyPrefix: `${config.redisPrefix}:login:rate:`, maxRetriesPerRequest: 2, enableOfflineQueue: false });
    this.redis.on('error', () => undefined);
  }
}

/** Per minute: so many attempts from one address, so many for one username, whatever their outcome. */
export function loginThrottles(config: AppConfig): ThrottlerModuleOptions {
  return {
    throttlers: [
      { name: 'address', ttl: MINUTE_MS, limit: config.env.LOGIN_RATE_PER_ADDRESS, blockDuration: MINUTE_MS },
      { name: 'account', ttl: MINUTE_MS, limit: config.env.LOGIN_RATE_PER_ACCOUNT, blockDuration: MINUTE_MS, getTracker: accountOf, skipIf: withoutUsername },
    ],
  };
}

/** The login route's rate limits, answered in the contracts' error shape with Retry-After. */
@Injectable()
export class LoginThrottleGuard extends ThrottlerGuard {
  protected override async getTracker(req: Request): Promise<string> {
    return req.ip ?? 'unknown';
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `${throttlerName}:${createHash('sha256').update(tracker).digest('hex')}`;
  }

  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw lockedOut(Math.max(1, detail.timeToBlockExpire));
  }
}

const usernameOf = (req: { body?: { username?: unknown } }) => (typeof req.body?.username === 'string' ? req.body.username.trim().toLowerCase() : null);

function accountOf(req: Record<string, unknown>): string {
  return `user:${usernameOf(req) ?? ''}`;
}

/** A request without a username is refused by validation; only the address limit counts it. */
function withoutUsername(context: ExecutionContext): boolean {
  return usernameOf(context.switchToHttp().getRequest()) === null;
}
