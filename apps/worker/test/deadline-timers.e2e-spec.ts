import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeadlineTimers } from '@hub/cases';
import type { TicketView } from '@hub/contracts';
import { RedisClient } from '@hub/core';
import { CaseWorld, createTestApi, createTestWorker, resetDatabase, TEST_ENV, TestTime, waitFor } from '@hub/testing';
import { ApiModule } from '../../api/src/api.module';
import { WorkerModule } from '../src/worker.module';

/** Deletes every Redis key of the test prefix (queues, jobs, delayed timers): what a lost Redis leaves. */
async function deleteTestPrefixKeys(redis: RedisClient): Promise<number> {
  let deleted = 0;
  for await (const keys of redis.redis.scanStream({ match: `${TEST_ENV.REDIS_PREFIX}:*`, count: 500 })) {
    if ((keys as string[]).length > 0) deleted += await redis.redis.del(...(keys as string[]));
  }
  return deleted;
}

describe('deadline escalation: timers derived from PostgreSQL survive a worker restart and a Redis loss', () => {
  let api: INestApplication;
  let world: CaseWorld;
  const time = new TestTime().real();
  let head: string;
  let supervisor: string;

  beforeAll(async () => {
    api = await createTestApi(ApiModule, { time });
    await resetDatabase(api.get(DataSource));
    world = new CaseWorld(api);
    head = await world.token('UNIT_HEAD', 'AIC@220100');
    supervisor = await world.token('SUPERVISOR', 'COMMERCE@220000');
  });

  afterAll(() => api.close());

  const stateOf = async (id: string) => (await world.ticket(head, id)).deadlineState;

  it('turns a ticket yellow, then red after the worker restarted with its Redis keys gone; notifies the unit head and the leading group office', async () => {
    const ticket: TicketView = await world.dispatchedTicket({ kind: 'COMPLAINT' });
    const acceptBy = Date.parse(ticket.deadlines.acceptBy as string);

    const first: INestApplicationContext = await createTestWorker(WorkerModule, { time });
    // the domain's clock now stands 20 s before the end of the 7 working days: past 80 %, not yet over
    time.shift(acceptBy - Date.now() - 20_000);
    await first.get(DeadlineTimers).reconcile();
    await waitFor(async () => (await stateOf(ticket.id)) === 'warning', 15000);
    await first.close();
    expect(await stateOf(ticket.id)).toBe('warning');

    expect(await deleteTestPrefixKeys(api.get(RedisClient))).toBeGreaterThan(0);

    const second = await createTestWorker(WorkerModule, { time });
    try {
      await waitFor(async () => (await stateOf(ticket.id)) === 'overdue', 40000, 250);
    } finally {
      await second.close();
    }

    const history = await world.http().get(`/api/v1/tickets/${ticket.id}/history`).set('Authorization', `Bearer ${head}`).expect(200);
    const escalations = history.body.filter((h: { action: string }) => h.action.startsWith('DEADLINE_')).map((h: { action: string; data: { clock: string } }) => [h.action, h.data.clock]);
    expect(escalations).toEqual([
      ['DEADLINE_WARNING', 'acceptBy'],
      ['DEADLINE_OVERDUE', 'acceptBy'],
    ]);
    const overdueList = await world.http().get('/api/v1/workbench/overdue').set('Authorization', `Bearer ${head}`).expect(200);
    expect(overdueList.body.items.map((i: { id: string }) => i.id)).toEqual([ticket.id]);
    const filtered = await world.http().get('/api/v1/workbench/tickets').query({ deadline: 'overdue' }).set('Authorization', `Bearer ${head}`).expect(200);
    expect(filtered.body.items.map((i: { id: string }) => i.id)).toEqual([ticket.id]);

    for (const token of [head, supervisor]) {
      const notices = await world.http().get('/api/v1/notifications').query({ unread: true }).set('Authorization', `Bearer ${token}`).expect(200);
      expect(notices.body.items.map((n: { kind: string; ticketId: string }) => [n.kind, n.ticketId])).toContainEqual(['DEADLINE_OVERDUE', ticket.id]);
    }
    const mine = await world.http().get('/api/v1/notifications').set('Authorization', `Bearer ${head}`).expect(200);
    const overdue = mine.body.items.find((n: { kind: string }) => n.kind === 'DEADLINE_OVERDUE');
    const read = await world.http().post(`/api/v1/notifications/${overdue.id}/read`).set('Authorization', `Bearer ${head}`).expect(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    const other = await world.token('UNIT_HEAD', 'AIC@220200');
    await world.http().post(`/api/v1/notifications/${overdue.id}/read`).set('Authorization', `Bearer ${other}`).expect(404);
  });
});
