import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppConfig, OutboxPublisher, OutboxRelay, PipelineBatchIndex, QUEUES } from '@hub/core';
import { PipelineSteps, PipelineSweeper } from '@hub/tickets';
import { createTestApi, createTestWorker, resetDatabase, waitFor } from '@hub/testing';
import { ApiModule } from '../../api/src/api.module';
import { WorkerModule } from '../src/worker.module';

/** A Redis that restarts without its data loses queued jobs the outbox already handed over: PostgreSQL must bring them back. */
describe('pipeline sweeper: what Redis lost is queued again from PostgreSQL', () => {
  let api: INestApplication;
  let db: DataSource;
  let worker: INestApplicationContext | null = null;

  beforeAll(async () => {
    api = await createTestApi(ApiModule);
    db = api.get(DataSource);
  });

  beforeEach(async () => {
    await resetDatabase(db);
    await api.get<Queue>(getQueueToken(QUEUES.tickets)).obliterate({ force: true });
  });

  afterEach(async () => {
    await worker?.close();
    worker = null;
  });

  afterAll(() => api.close());

  const postTicket = async (id: string): Promise<string> =>
    (
      await request(api.getHttpServer())
        .post('/api/v1/intake/12315')
        .set('X-Feed-Key', 'dev-key-12315')
        .set('Content-Type', 'application/json')
        .send({ gdbh: id, ldsj: '2026-03-15 09:12:33', sjlx: '投诉', sqnr: '超市销售的奶粉生产日期被涂改' })
        .expect(202)
    ).body.accepted[0].ticketId;

  /** The relay handed the jobs to Redis, then Redis restarted empty. */
  const relayedThenLost = async () => {
    await db.query(`UPDATE outbox SET published_at = now() WHERE published_at IS NULL`);
    await api.get<Queue>(getQueueToken(QUEUES.tickets)).obliterate({ force: true });
  };

  const ticket = async (id: string) => (await db.query(`SELECT status, pipeline_step FROM tickets WHERE id = $1`, [id]))[0];
  const dispatches = async (id: string) => Number((await db.query(`SELECT count(*) AS n FROM ticket_history WHERE ticket_id = $1 AND to_status = 'DISPATCHED'`, [id]))[0].n);

  it('routes a received ticket whose classify job vanished, once', async () => {
    const ticketId = await postTicket('SWEEP-1');
    await relayedThenLost();
    worker = await createTestWorker(WorkerModule);
    await new Promise((r) => setTimeout(r, 1200));
    expect(await ticket(ticketId)).toEqual({ status: 'RECEIVED', pipeline_step: 'CLASSIFY' });

    expect(await worker.get(PipelineSweeper).sweep(1000)).toBe(1);
    await waitFor(async () => (await ticket(ticketId)).pipeline_step === 'DONE', 10_000);
    expect(await ticket(ticketId)).toEqual({ status: 'DISPATCHED', pipeline_step: 'DONE' });
    expect(await dispatches(ticketId)).toBe(1);
  });

  /** The relay of a worker, run once: it hands the outbox over as batch jobs, and no worker takes them yet. */
  const relayOnce = async () => {
    const queue = api.get<Queue>(getQueueToken(QUEUES.tickets));
    await new OutboxRelay(db, api.get(OutboxPublisher), api.get(AppConfig)).wake();
    return queue;
  };
  const sweeperBesideTheQueue = () => new PipelineSweeper(db, api.get<Queue>(getQueueToken(QUEUES.tickets)), api.get(AppConfig), api.get(PipelineBatchIndex), new PipelineSteps());

  it('leaves alone tickets that wait in a queued batch job, however long they wait', async () => {
    const ids = [await postTicket('SWEEP-B1'), await postTicket('SWEEP-B2'), await postTicket('SWEEP-B3')];
    const queue = await relayOnce();
    const waiting = await queue.getJobs(['waiting']);
    expect(waiting.map((j) => j.data.ticketIds?.length)).toEqual([3]);

    expect(await sweeperBesideTheQueue().sweep(0)).toBe(0);
    expect((await queue.getJobs(['waiting'])).map((j) => j.id)).toEqual(waiting.map((j) => j.id));

    worker = await createTestWorker(WorkerModule);
    await waitFor(async () => (await Promise.all(ids.map(ticket))).every((t) => t.pipeline_step === 'DONE'), 15_000);
    for (const id of ids) expect(await dispatches(id)).toBe(1);
  });

  it('queues again the tickets of a batch job that Redis lost', async () => {
    const ids = [await postTicket('SWEEP-L1'), await postTicket('SWEEP-L2')];
    const queue = await relayOnce();
    await queue.obliterate({ force: true });

    expect(await sweeperBesideTheQueue().sweep(0)).toBe(2);
    expect((await queue.getJobs(['waiting'])).map((j) => j.data.ticketId).sort()).toEqual([...ids].sort());
  });

  it('leaves alone a ticket whose job is still queued, and one that finished', async () => {
    const ticketId = await postTicket('SWEEP-2');
    worker = await createTestWorker(WorkerModule);
    await waitFor(async () => (await ticket(ticketId)).pipeline_step === 'DONE', 10_000);
    await new Promise((r) => setTimeout(r, 1200));
    expect(await worker.get(PipelineSweeper).sweep(1000)).toBe(0);
    expect(await dispatches(ticketId)).toBe(1);
  });

  it('sends a hotline tipster the receipt whose job Redis lost, once', async () => {
    const ticketId = (
      await request(api.getHttpServer())
        .post('/api/v1/intake/12315')
        .set('X-Feed-Key', 'dev-key-12315')
        .set('Content-Type', 'application/json')
        .send({ gdbh: 'SWEEP-TIP', ldsj: '2026-03-15 09:12:33', sjlx: '举报', sqr: { xm: '周立新', dh: '13904310077', nm: false }, sqnr: '某药店销售假冒降压药，包装批号与厂家不符' })
        .expect(202)
    ).body.accepted[0].ticketId;
    const queue = api.get<Queue>(getQueueToken(QUEUES.tickets));
    await queue.pause();
    worker = await createTestWorker(WorkerModule);
    // routed by the worker's own step while the queue holds back the receipt job it queues, then Redis restarts empty
    await worker.get(PipelineSteps).run('classify', ticketId);
    await waitFor(async () => Number((await db.query(`SELECT count(*) AS n FROM outbox WHERE ticket_id = $1 AND published_at IS NULL`, [ticketId]))[0].n) === 0, 10_000);
    await relayedThenLost();
    await queue.resume();
    const receipts = async () => Number((await db.query(`SELECT count(*) AS n FROM tipster_receipts WHERE ticket_id = $1`, [ticketId]))[0].n);
    await new Promise((r) => setTimeout(r, 1200));
    expect(await receipts()).toBe(0);

    expect(await worker.get(PipelineSweeper).sweep(1000)).toBe(1);
    await waitFor(async () => (await receipts()) === 1, 10_000);
    expect(await worker.get(PipelineSweeper).sweep(1000)).toBe(0);
    const sent = await db.query(`SELECT count(*)::int AS n FROM ticket_history WHERE ticket_id = $1 AND action = 'TIPSTER_RECEIPT_SENT'`, [ticketId]);
    expect(sent[0].n).toBe(1);
  });
});
