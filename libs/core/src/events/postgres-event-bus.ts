import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config.service';
import { eventsChannel } from '../queues/jobs';
import { EventBus } from './event-bus';

/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more. */
export const NOTIFY_PAYLOAD_MAX_BYTES = 7999;
const RECONNECT_MS = [250, 1000, 2000, 5000];

/** The events channel as PostgreSQL LISTEN/NOTIFY, for single-machine mode (no Redis). */
@Injectable()
export class PostgresEventBus extends EventBus implements OnApplicationShutdown {
  private readonly logger = new Logger(PostgresEventBus.name);
  private readonly channel: string;
  private readonly listeners: Array<(raw: string) => void> = [];
  private listening: Promise<void> | null = null;
  private client: Client | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {
    super();
    this.channel = eventsChannel(config.redisPrefix);
  }

  async publish(messages: readonly unknown[]): Promise<void> {
    const payloads = messages.map((m) => JSON.stringify(m)).filter((payload) => this.fitsNotify(payload));
    if (payloads.length === 0) return;
    await this.db.query(`SELECT pg_notify($1, payload) FROM unnest($2::text[]) WITH ORDINALITY AS m(payload, n) ORDER BY n`, [this.channel, payloads]);
  }

  async subscribe(listener: (raw: string) => void): Promise<void> {
    this.listeners.push(listener);
    this.listening ??= this.listen();
    await this.listening;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    await this.client?.end().catch(() => undefined);
  }

  private fitsNotify(payload: string): boolean {
    if (Buffer.byteLength(payload) <= NOTIFY_PAYLOAD_MAX_BYTES) return true;
    this.logger.warn({ bytes: Buffer.byteLength(payload) }, 'live event too large for NOTIFY; not published');
    return false;
  }

  /** One dedicated connection; when it drops, LISTEN again after a short pause. */
  private async listen(): Promise<void> {
    const db = this.config.database;
    const client = new Client({ host: db.host, port: db.port, user: db.username, password: db.password, database: db.database, keepAlive: true });
    this.client = client;
    client.on('notification', (n) => {
      if (n.channel !== this.channel || n.payload === undefined) return;
      for (const listener of this.listeners) listener(n.payload);
    });
    client.on('error', (error) => {
      this.logger.warn({ err: error }, 'events listener lost its connection');
      this.retry(client);
    });
    client.on('end', () => this.retry(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${client.escapeIdentifier(this.channel)}`);
      this.failures = 0;
    } catch (error) {
      this.logger.warn({ err: error }, 'events listener could not connect; retrying');
      this.retry(client);
    }
  }

  private retry(client: Client): void {
    if (this.stopped || this.reconnectTimer || this.client !== client) return;
    void client.end().catch(() => undefined);
    const delay = RECONNECT_MS[Math.min(this.failures++, RECONNECT_MS.length - 1)];
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.listen();
    }, delay);
  }
}
