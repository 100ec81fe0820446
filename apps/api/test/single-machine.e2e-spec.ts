import './single-machine.env';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { io, Socket } from 'socket.io-client';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { EventBus, PostgresEventBus, RedisClient } from '@hub/core';
import { createTestApi, createTestWorker, postFeed, resetDatabase, staffToken, TEST_PASSWORD, waitFor } from '@hub/testing';
import { WorkerModule } from '../../worker/src/worker.module';
import { ApiModule } from '../src/api.module';

interface LiveTicket {
  id: string;
  status: string;
  leadUnit: string | null;
}

/**
 * Single-machine mode (SINGLE_MACHINE=true, as `npm start` sets it when no Redis answers):
 * the queues run on BullMQ's PostgreSQL backend and live events travel by LISTEN/NOTIFY
 * from the worker's outbox relay to the api's console gateway; nothing touches Redis.
 */
describe('single-machine mode: queues and live events on PostgreSQL', () => {
  let app: INestApplication;
  let worker: INestApplicationContext;
  let db: DataSource;
  let url: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    app = await createTestApi(ApiModule);
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    db = app.get(DataSource);
    await resetDatabase(db);
    worker = await createTestWorker(WorkerModule);
  });

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await worker?.close();
    await app?.close();
  });

  const connected = async (token: string) => {
    const socket = io(`${url}/console`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return socket;
  };
  const updatesOf = (socket: Socket) => {
    const seen: Array<[string, LiveTicket]> = [];
    for (const event of ['ticket.created', 'ticket.updated']) socket.on(event, (payload: LiveTicket) => seen.push([event, payload]));
    return seen;
  };

  it('opens no Redis connection and reports only PostgreSQL in /health', async () => {
    expect(app.get(RedisClient).enabled).toBe(false);
    expect(worker.get(RedisClient).enabled).toBe(false);
    const res = await request(app.getHttpServer()).get('/health').expect(200);
    expect(res.body.info).toEqual({ postgres: { status: 'up' } });
  });

  it('routes a feed record through the PostgreSQL queue and pushes it live to operators and the lead unit', async () => {
    const operator = updatesOf(await connected(await staffToken(app, { username: 'op.single', roles: ['OPERATOR'] })));
    const unit = updatesOf(await connected(await staffToken(app, { username: 'aic.single', roles: ['HANDLER'], unit: 'AIC@220000' })));
    const other = updatesOf(await connected(await staffToken(app, { username: 'qts.single', roles: ['HANDLER'], unit: 'QTS@220300' })));

    const res = await postFeed(app.getHttpServer(), '12315', JSON.stringify({ gdbh: 'SINGLE-1', ldsj: '2026-11-28 10:00:00', sjlx: '举报', sqr: { xm: '李四', dh: '13904319999' }, sqnr: '超市销售的奶粉生产日期被涂改' }), 'application/json').expect(202);
    const ticketId: string = res.body.accepted[0].ticketId;

    await waitFor(async () => operator.some(([, t]) => t.status === 'DISPATCHED') && unit.length > 0, 5000);
    expect(operator.map(([event, t]) => [event, t.id, t.status])).toEqual([
      ['ticket.created', ticketId, 'RECEIVED'],
      ['ticket.updated', ticketId, 'DISPATCHED'],
    ]);
    expect(unit.map(([event, t]) => [event, t.id, t.status, t.leadUnit])).toEqual([['ticket.updated', ticketId, 'DISPATCHED', 'AIC@220000']]);
    expect(other).toEqual([]);

    // a job carries one ticket (`ticketId`) or, as the relay queues them, a batch (`ticketIds`); a REPORT with a phone gets a receipt after routing
    const jobsOfTicket = (): Promise<Array<{ name: string; state: string }>> =>
      db.query(`SELECT name, state FROM bullmq.job WHERE queue = 'tickets' AND (data->>'ticketId' = $1 OR data->'ticketIds' ? $1) ORDER BY seq`, [ticketId]);
    // the receipt's job is queued once the routing has committed, so wait for it to be there too
    await waitFor(async () => {
      const jobs = await jobsOfTicket();
      return jobs.some((j) => j.name === 'tipster-receipt') && jobs.every((j) => j.state === 'completed');
    }, 5000);
    expect(await jobsOfTicket()).toEqual([
      { name: 'classify', state: 'completed' },
      { name: 'tipster-receipt', state: 'completed' },
    ]);
  });

  it('keeps the daily retraining schedule and runs a requested retraining on the PostgreSQL queue', async () => {
    const schedules = await db.query(`SELECT scheduler_id AS id, pattern, tz FROM bullmq.scheduler WHERE queue = 'routing'`);
    expect(schedules).toEqual([{ id: 'daily-retrain', pattern: '0 3 * * *', tz: 'Asia/Shanghai' }]);

    const admin = await staffToken(app, { username: 'admin.single', roles: ['ADMIN'] });
    const res = await request(app.getHttpServer()).post('/api/v1/routing/classifiers/retrain').set('Authorization', `Bearer ${admin}`).expect(202);
    const state = await waitFor(async () => {
      const [job] = await db.query(`SELECT state FROM bullmq.job WHERE queue = 'routing' AND id = $1`, [res.body.jobId]);
      return ['completed', 'failed'].includes(job?.state) ? job.state : undefined;
    }, 30000, 100);
    expect(state).toBe('completed');
  });

  it('locks a username after 5 wrong passwords without Redis, the right password included', async () => {
    await staffToken(app, { username: 'op.locked', roles: ['OPERATOR'] });
    const attempt = (password: string) => request(app.getHttpServer()).post('/api/v1/auth/login').send({ username: 'op.locked', password });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await attempt('wrong-password-2026')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const locked = await attempt(TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('leaves out of the channel an event too large for NOTIFY, and still delivers the next one', async () => {
    const bus = app.get(EventBus);
    expect(bus).toBeInstanceOf(PostgresEventBus);
    const received: string[] = [];
    await bus.subscribe((raw) => received.push(raw));
    await bus.publish([{ event: 'probe', text: 'x'.repeat(9000) }, { event: 'probe', n: 2 }]);
    await waitFor(async () => received.length > 0, 5000);
    await new Promise((r) => setTimeout(r, 200));
    expect(received.map((raw) => JSON.parse(raw))).toEqual([{ event: 'probe', n: 2 }]);
  });
});
