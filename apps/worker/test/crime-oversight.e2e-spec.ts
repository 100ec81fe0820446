import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { NotificationView, TicketView } from '@hub/contracts';
import { CaseWorld, ConsoleSockets, createTestApi, createTestWorker, resetDatabase, waitFor } from '@hub/testing';
import { ApiModule } from '../../api/src/api.module';
import { WorkerModule } from '../src/worker.module';

/** With the worker routing: a crime-flagged case penalised without transfer reaches the prosecutor; notices reach the unit head live. */
describe('suspected crimes: the prosecutor’s oversight and live notices', () => {
  let api: INestApplication;
  let worker: INestApplicationContext;
  let world: CaseWorld;
  const sockets = new ConsoleSockets();

  beforeAll(async () => {
    api = await createTestApi(ApiModule);
    await sockets.listen(api);
    await resetDatabase(api.get(DataSource));
    worker = await createTestWorker(WorkerModule);
    world = new CaseWorld(api);
  });

  afterAll(async () => {
    sockets.closeAll();
    await worker.close();
    await api.close();
  });

  const connect = (token: string) => sockets.connect(token);

  /** Received on the feed, classified and routed by the worker; an operator decides if the router was unsure. */
  async function routedCrimeTicket(): Promise<TicketView> {
    const operator = await world.token('OPERATOR');
    const id = await world.receivedTicket({ kind: 'REPORT', text: '城郊窝点团伙大量生产假冒白酒，数额较大，危害人体健康' });
    const routed = await waitFor(async () => {
      const t = await world.ticket(operator, id);
      return t.status !== 'RECEIVED' && t;
    }, 20000);
    if (routed.status === 'DISPATCHED') return routed;
    await world.http().post(`/api/v1/console/tickets/${id}/claim`).set('Authorization', `Bearer ${operator}`).expect(200);
    const decided = await world
      .http()
      .post(`/api/v1/console/tickets/${id}/decide`)
      .set('Authorization', `Bearer ${operator}`)
      .send({ version: routed.version, category: 'FOOD', violation: 'COUNTERFEIT', stage: 'PRODUCTION', leadUnit: 'AIC@220100' })
      .expect(200);
    return decided.body as TicketView;
  }

  it('flags the crime, shows it to the prosecutor, and lists it as never transferred once penalised', async () => {
    const t = await routedCrimeTicket();
    expect(t.flags).toContain('SUSPECTED_CRIME');
    const unit = t.routing?.leadUnit as string;
    const handler = await world.token('HANDLER', unit);
    const prosecutor = await world.token('PROSECUTOR');
    await world.http().get(`/api/v1/tickets/${t.id}`).set('Authorization', `Bearer ${prosecutor}`).expect(200);

    expect((await world.act(handler, t.id, 'accept')).status).toBe(200);
    expect((await world.act(handler, t.id, 'file-case', { caseNumber: '立〔2026〕9号' })).status).toBe(200);
    const before = await world.http().get('/api/v1/oversight/transfers').query({ concern: 'NOT_TRANSFERRED' }).set('Authorization', `Bearer ${prosecutor}`).expect(200);
    expect(before.body.items.map((i: { id: string }) => i.id)).not.toContain(t.id);
    expect((await world.act(handler, t.id, 'close', { outcome: 'PENALIZED', decisionNumber: '罚〔2026〕9号', penalties: ['FINE'], fineFen: 2000000 })).status).toBe(200);
    const after = await world.http().get('/api/v1/oversight/transfers').query({ concern: 'NOT_TRANSFERRED' }).set('Authorization', `Bearer ${prosecutor}`).expect(200);
    expect(after.body.items.find((i: { id: string }) => i.id === t.id)).toMatchObject({ concern: 'NOT_TRANSFERRED', outcome: 'PENALIZED', flags: expect.arrayContaining(['SUSPECTED_CRIME']) });
  });

  it('pushes a proposed transfer to the unit head’s socket, and not to another unit’s', async () => {
    const t = await routedCrimeTicket();
    const unit = t.routing?.leadUnit as string;
    const handler = await world.token('HANDLER', unit);
    const headSocket = await connect(await world.token('UNIT_HEAD', unit));
    const otherSocket = await connect(await world.token('UNIT_HEAD', unit === 'AIC@220200' ? 'AIC@220100' : 'AIC@220200'));
    const elsewhere: NotificationView[] = [];
    otherSocket.on('notification', (n: NotificationView) => elsewhere.push(n));
    const pushed = new Promise<NotificationView>((resolve) => headSocket.on('notification', (n: NotificationView) => n.ticketId === t.id && resolve(n)));

    expect((await world.act(handler, t.id, 'accept')).status).toBe(200);
    expect((await world.act(handler, t.id, 'transfer', { reason: '窝点生产，数额较大，涉嫌犯罪' })).status).toBe(200);
    expect(await pushed).toMatchObject({ kind: 'TRANSFER_PROPOSED', ticketId: t.id, trackingCode: t.trackingCode, readAt: null });
    expect(elsewhere).toEqual([]);
  });
});
