import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { QUEUES } from '@hub/core';
import { ClassifyStep } from '@hub/routing/classify.step';
import { verifyHistoryChains } from '@hub/tickets';
import { createTestApi, createTestWorker, resetDatabase } from '@hub/testing';
import { ApiModule } from '../../api/src/api.module';
import { WorkerModule } from '../src/worker.module';

/**
 * A batch of the router costs the same few statements whatever its size: clocks, history,
 * events and next steps are written for the whole batch, not ticket by ticket.
 */
describe('classify batches: statements do not grow with the batch', () => {
  let api: INestApplication;
  let db: DataSource;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    api = await createTestApi(ApiModule);
    db = api.get(DataSource);
    await resetDatabase(db);
    await api.get<Queue>(getQueueToken(QUEUES.tickets)).obliterate({ force: true });
  });

  afterAll(async () => {
    await worker?.close();
    await api.close();
  });

  const TEXTS = ['超市销售的奶粉生产日期被涂改', '网店卖的运动鞋是假冒名牌', '餐馆后厨卫生很差有老鼠', '药店销售过期药品'];
  let n = 0;
  const postTickets = async (count: number): Promise<string[]> => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const res = await request(api.getHttpServer())
        .post('/api/v1/intake/12315')
        .set('X-Feed-Key', 'dev-key-12315')
        .set('Content-Type', 'application/json')
        .send({ gdbh: `BATCH-${++n}`, ldsj: '2026-03-16 09:12:33', sjlx: '投诉', sqnr: TEXTS[i % TEXTS.length], xzqh: '220104' })
        .expect(202);
      ids.push(res.body.accepted[0].ticketId);
    }
    // this test runs the batches itself: no relay hands them to the worker's queue
    await db.query(`UPDATE outbox SET published_at = now() WHERE published_at IS NULL`);
    return ids;
  };

  const statementsOf = async (ticketIds: string[]): Promise<number> => {
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      await worker.get(ClassifyStep).runMany(ticketIds);
      return spy.mock.calls.filter(([sql]) => !/^(START TRANSACTION|COMMIT|ROLLBACK)/.test(String(sql))).length;
    } finally {
      spy.mockRestore();
    }
  };

  it('routes 8 and 40 tickets with the same number of statements', async () => {
    const small = await postTickets(8);
    const large = await postTickets(40);
    worker = await createTestWorker(WorkerModule);

    const forSmall = await statementsOf(small);
    const forLarge = await statementsOf(large);
    const routed: Array<{ status: string; n: string }> = await db.query(`SELECT status, count(*) AS n FROM tickets WHERE id = ANY($1::uuid[]) GROUP BY status`, [[...small, ...large]]);
    expect(routed.reduce((sum, r) => sum + Number(r.n), 0)).toBe(48);
    expect(routed.every((r) => r.status === 'DISPATCHED' || r.status === 'TRIAGE')).toBe(true);
    // every dispatched ticket has its acceptance clock running, and its deadline on the ticket
    const [clocks]: Array<{ dispatched: string; clocked: string }> = await db.query(
      `SELECT count(*) FILTER (WHERE t.status = 'DISPATCHED') AS dispatched,
              count(*) FILTER (WHERE t.status = 'DISPATCHED' AND t.accept_by IS NOT NULL AND EXISTS (SELECT 1 FROM ticket_clocks c WHERE c.ticket_id = t.id AND c.clock = 'acceptBy' AND c.stopped_at IS NULL AND c.due_at = t.accept_by)) AS clocked
         FROM tickets t WHERE t.id = ANY($1::uuid[])`,
      [large],
    );
    expect(Number(clocks.dispatched)).toBeGreaterThan(0);
    expect(clocks.clocked).toBe(clocks.dispatched);
    // and the ticket shows exactly what its running clocks say, as the console and the units read it
    const shown: Array<{ tracking_code: string; agrees: boolean }> = await db.query(
      `SELECT t.tracking_code,
              t.deadline_state = 'ok'
              AND t.deadlines_provisional = EXISTS (SELECT 1 FROM ticket_clocks c WHERE c.ticket_id = t.id AND c.stopped_at IS NULL AND c.provisional)
              AND NOT EXISTS (SELECT 1 FROM ticket_clocks c WHERE c.ticket_id = t.id AND c.stopped_at IS NULL AND c.clock <> 'dispatchBy'
                                AND c.due_at IS DISTINCT FROM CASE c.clock WHEN 'acceptBy' THEN t.accept_by WHEN 'resolveBy' THEN t.resolve_by
                                  WHEN 'transferDecisionBy' THEN t.transfer_decision_by WHEN 'handOverBy' THEN t.hand_over_by WHEN 'policeDecisionBy' THEN t.police_decision_by END) AS agrees
         FROM tickets t WHERE t.id = ANY($1::uuid[]) AND t.status = 'DISPATCHED'`,
      [[...small, ...large]],
    );
    expect(shown.filter((t) => !t.agrees)).toEqual([]);
    // the router's entries chain to intake's RECEIVED rows, although neither re-reads what its transaction already holds
    expect(await verifyHistoryChains(db)).toEqual({ tickets: 48, entries: 96, breaks: [] });
    console.log(`classify batch statements: ${forSmall} for 8 tickets, ${forLarge} for 40`);
    expect(forLarge).toBeLessThanOrEqual(forSmall + 4);
  });
});
