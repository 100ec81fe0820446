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
    server.engine.on('flush', writeAsOne);
    return server;
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    for (const c of this.clients) c.disconnect();
    this.clients = [];
  }
}

/**
 * While a socket's connection is busy with one write, engine.io queues the events that follow and
 * then sends them all at once, but each as its own write to the network: with hundreds of consoles
 * open that was half the api's time. The connection is corked for that send, so they leave as one.
 */
function writeAsOne(connection: EngineConnection): void {
  const tcp = connection.transport.name === 'websocket' ? connection.transport.socket?._socket : undefined;
  if (!tcp) return;
  tcp.cork();
  process.nextTick(() => tcp.uncork());
}

/** What `writeAsOne` reads of an engine.io connection: the `ws` socket of its websocket transport, and that socket's TCP connection. */
interface EngineConnection {
  transport: { name: string; socket?: { _socket?: { cork(): void; uncork(): void } } };
}

export function useSocketAdapter(app: INestApplication): void {
  const adapter = new HubIoAdapter(app);
  adapter.connect();
  app.useWebSocketAdapter(adapter);
}
