import type { INestApplication } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type Redis from 'ioredis';
import type { ServerOptions } from 'socket.io';
import { AppConfig, RedisClient } from '@hub/core';

/**
 * socket.io through Redis, so rooms and broadcasts span every api process; in
 * single-machine mode socket.io's own in-process adapter.
 */
export class HubIoAdapter extends IoAdapter {
  private adapterFactory: ReturnType<typeof createAdapter> | null = null;
  private clients: Redis[] = [];

  constructor(private readonly app: INestApplication) {
    super(app);
  }

  connect(): void {
    const redis = this.app.get(RedisClient);
    if (!redis.enabled) return;
    const prefix = this.app.get(AppConfig).redisPrefix;
    // subscribers must queue commands until connected, unlike the fail-fast command client
    const pub = redis.redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
    const sub = redis.redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
    this.clients = [pub, sub];
    for (const c of this.clients) c.on('error', () => undefined);
    this.adapterFactory = createAdapter(pub, sub, { key: `${prefix}:socket.io` });
  }

  override createIOServer(port: number, options?: ServerOptions) {
    const server = super.createIOServer(port, { ...options, cors: { origin: false } });
    if (this.adapterFactory) server.adapter(this.adapterFactory);
    return server;
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    for (const c of this.clients) c.disconnect();
    this.clients = [];
  }
}

export function useSocketAdapter(app: INestApplication): void {
  const adapter = new HubIoAdapter(app);
  adapter.connect();
  app.useWebSocketAdapter(adapter);
}
