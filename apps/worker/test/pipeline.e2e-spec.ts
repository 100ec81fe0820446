import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { QUEUES } from '@hub/core';
import { createTestApi, createTestWorker, resetDatabase, TEST_ENV, waitFor } from '@hub/testing';
import { ApiModule } from '../../api/src/api.module';
import { WorkerModule } from '../src/worker.module';

const ROOT = join(__dirname, '..', '..', '..');

describe('worker pipeline: outbox → queue → worker, exactly once', () => {
  let api: INestApplication;
  let db: DataSource;

  beforeAll(async () => {
    api = await createTestApi(ApiModule);
    db = api.get(DataSource);
  });

  beforeEach(async () => {
    await resetDatabase(db);
    await api.get<Queue>(getQueueToken(QUEUES.tickets)).obliterate({ force: true });
  });

  afterAll(() => api.close());

  const postTicket = (id: string) =>
    request(api.getHttpServer())
      .post('/api/v1/intake/12315')
      .set('X-Feed-Key', 'dev-key-12315')
      .set('Content-Type', 'application/json')
      .send({ gdbh: id, ldsj: '2026-03-15 09:12:33', sjlx: '投诉', sqnr: '超市销售的奶粉生产日期被涂改' })
      .expect(202);

  /** One 12315 request carrying many records, as the hotline sends its backlog. */
  const postBatch = (externalIds: string[]) =>
    request(api.getHttpServer())
      .post('/api/v1/intake/12315')
      .set('X-Feed-Key', 'dev-key-12315')
      .set('Content-Type', 'application/json')
      .send(externalIds.map((gdbh) => ({ gdbh, ldsj: '2026-03-15 09:12:33', sjlx: '投诉', sqnr: '超市销售的奶粉生产日期被涂改' })))
      .expect(202);

  const routedSoFar = async (): Promise<number> =>
    Number((await db.query(`SELECT count(*) AS n FROM ticket_history WHERE action IN ('AUTO_DISPATCHED', 'TRIAGE')`))[0].n);

  /** Per ticket: how many times intake and the router left their mark in the history. */
  const stepCounts = async (): Promise<Array<{ received: number; routed: number }>> =>
    (
      await db.query(
        `SELECT count(h.id) FILTER (WHERE h.action = 'RECEIVED') AS received, count(h.id) FILTER (WHERE h.action IN ('AUTO_DISPATCHED', 'TRIAGE')) AS routed
         FROM tickets t LEFT JOIN ticket_history h ON h.ticket_id = t.id GROUP BY t.id`,
      )
    ).map((r: { received: string; routed: string }) => ({ received: Number(r.received), routed: Number(r.routed) }));
  const allRouted = async () => (await stepCounts()).every((c) => c.routed > 0) || undefined;

  it('classifies and routes a received ticket within a second, once', async () => {
    const worker: INestApplicationContext = await createTestWorker(WorkerModule);
    try {
      const res = await postTicket('PIPE-1');
      const ticketId = res.body.accepted[0].ticketId;
      await waitFor(async () => (await db.query(`SELECT pipeline_step FROM tickets WHERE id = $1`, [ticketId]))[0].pipeline_step === 'DONE', 5000);
      const [t] = await db.query(`SELECT status, lead_unit FROM tickets WHERE id = $1`, [ticketId]);
      expect(t).toEqual({ status: 'DISPATCHED', lead_unit: 'AIC@220000' });
      await waitFor(async () => Number((await db.query(`SELECT count(*) AS n FROM outbox WHERE published_at IS NULL`))[0].n) === 0, 5000);
      expect(await stepCounts()).toEqual([{ received: 1, routed: 1 }]);
    } finally {
      await worker.close();
    }
  });

  it('processes every committed ticket exactly once although the worker is killed and restarted', async () => {
    // enough batches (of 50) that the kill lands with work left, however fast the router is
    const ids = Array.from({ length: 600 }, (_, i) => `CRASH-${i}`);
    for (let i = 0; i < ids.length; i += 100) await postBatch(ids.slice(i, i + 100));
    expect(Number((await db.query(`SELECT count(*) AS n FROM outbox WHERE published_at IS NULL AND topic = 'pipeline'`))[0].n)).toBe(ids.length);

    const first = startWorkerProcess();
    // killed as soon as it has routed anything: later batches are queued or half done
    await waitFor(async () => (await routedSoFar()) > 0 || undefined, 60000, 10);
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const doneAtKill = (await stepCounts()).filter((c) => c.routed > 0).length;

    const second = startWorkerProcess();
    try {
      await waitFor(allRouted, 90000, 100);
    } finally {
      second.kill('SIGTERM');
      await new Promise((r) => second.once('exit', r));
    }
    const counts = await stepCounts();
    expect(counts).toHaveLength(ids.length);
    expect(counts.every((c) => c.received === 1 && c.routed === 1)).toBe(true);
    const steps = await db.query(`SELECT DISTINCT pipeline_step FROM tickets`);
    expect(steps).toEqual([{ pipeline_step: 'DONE' }]);
    // the kill landed while work was left: the second worker finished what the first had not, and nothing ran twice
    expect(doneAtKill).toBeLessThan(ids.length);
  }, 180000);
});

function startWorkerProcess(): ChildProcess {
  return spawn(process.execPath, [join(ROOT, 'scripts', 'run-ts.js'), 'apps/worker/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...TEST_ENV },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
