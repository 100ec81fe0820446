import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { AppConfig } from '../config/app-config.service';
import { OutboxPublisher } from './outbox-publisher.service';
import { OutboxAfterCommitHook } from './outbox.writer';

/**
 * Publishes the live events a transaction wrote as soon as it commits, in the process that
 * committed it: they skip the relay's wake-up and linger, and the relay (in the worker, busy
 * routing) is left only what a flush could not send (`writeOutbox` says which entries). Off in
 * single-machine mode, where events travel by PostgreSQL NOTIFY from the relay's process.
 */
@Injectable()
export class OutboxAfterCommit implements EntitySubscriberInterface, OutboxAfterCommitHook, OnModuleInit {
  readonly publishesOutboxAfterCommit = true;
  private readonly pending = new WeakMap<QueryRunner, string[]>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly publisher: OutboxPublisher,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    if (!this.config.singleMachine && !this.db.subscribers.includes(this)) this.db.subscribers.push(this);
  }

  collect(runner: QueryRunner, ids: string[]): void {
    const pending = this.pending.get(runner);
    if (pending) pending.push(...ids);
    else this.pending.set(runner, ids);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    // a released savepoint commits nothing yet
    if (event.queryRunner.isTransactionActive) return;
    const ids = this.pending.get(event.queryRunner);
    if (!ids) return;
    this.pending.delete(event.queryRunner);
    // not awaited: the committer answers its caller now; the flush runs alongside
    void this.publisher.flush(ids);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.pending.delete(event.queryRunner);
  }
}
