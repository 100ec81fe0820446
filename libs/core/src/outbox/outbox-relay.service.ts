import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config.service';
import { OutboxPublisher, OutboxRow } from './outbox-publisher.service';
import { OUTBOX_NOTIFY_CHANNEL } from './outbox.writer';

const BATCH = 1000;
/** with LISTEN working, polling only catches what a lost notification missed */
const LISTENING_POLL_MS = 2000;
const PRUNE_EVERY_MS = 10 * 60 * 1000;
/**
 * A notification waits this long before the drain, so that the commits of a busy moment leave as
 * one batch: fewer, larger jobs, each reading its duplicate pools once for more tickets. Small
 * beside the time a ticket takes to route, and nothing when it is quiet (one notification, one drain).
 */
const LINGER_MS = 20;

/**
 * Moves committed outbox entries into BullMQ and onto the events channel, at least
 * once: rows are claimed with SKIP LOCKED (several relays may run) and marked only
 * after the queue and the channel took them; job ids make a second delivery a no-op.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private listener: Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  private wakeAgain = false;
  private stopped = false;
  private lastPrune = 0;
  private lingering: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly publisher: OutboxPublisher,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
    this.schedule();
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.lingering) clearTimeout(this.lingering);
    await this.draining;
    await this.listener?.end().catch(() => undefined);
  }

  /** Drains until nothing is pending; concurrent wake-ups fold into one more pass. */
  wake(): Promise<void> {
    if (this.draining) {
      this.wakeAgain = true;
      return this.draining;
    }
    this.draining = this.drainAll().finally(() => {
      this.draining = null;
      if (this.wakeAgain && !this.stopped) {
        this.wakeAgain = false;
        void this.wake();
      }
    });
    return this.draining;
  }

  private wakeShortly(): void {
    if (this.lingering || this.stopped) return;
    this.lingering = setTimeout(() => {
      this.lingering = null;
      void this.wake();
    }, LINGER_MS);
  }

  private async drainAll(): Promise<void> {
    try {
      while (!this.stopped && (await this.drainBatch()) === BATCH);
    } catch (error) {
      this.logger.warn({ err: error }, 'outbox relay could not publish; will retry');
    }
  }

  private async drainBatch(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const rows: OutboxRow[] = await tx.query(
        `SELECT id, topic, ticket_id, payload FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      if (rows.length === 0) return 0;
      await this.publisher.publish(rows);
      await markPublished(tx, rows);
      return rows.length;
    });
  }

  /** Published rows are kept a few days for tracing, then removed. */
  private async prunePublished(): Promise<void> {
    if (Date.now() - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = Date.now();
    await this.db.query(`DELETE FROM outbox WHERE published_at < now() - interval '3 days'`).catch((error) => this.logger.warn({ err: error }, 'outbox prune failed'));
  }

  private async listen(): Promise<void> {
    const db = this.config.database;
    const client = new Client({ host: db.host, port: db.port, user: db.username, password: db.password, database: db.database });
    client.on('notification', () => this.wakeShortly());
    client.on('error', (error) => {
      this.logger.warn({ err: error }, 'outbox listener lost its connection; polling until it is back');
      this.listener = null;
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_NOTIFY_CHANNEL}`);
      this.listener = client;
    } catch (error) {
      this.logger.warn({ err: error }, 'outbox listener could not connect; polling');
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(async () => {
      if (!this.listener) await this.listen();
      await this.wake();
      await this.prunePublished();
      this.schedule();
    }, this.listener ? LISTENING_POLL_MS : this.config.env.OUTBOX_POLL_MS);
  }
}

async function markPublished(tx: EntityManager, rows: OutboxRow[]): Promise<void> {
  await tx.query(`UPDATE outbox SET published_at = clock_timestamp(), attempts = attempts + 1 WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
}
