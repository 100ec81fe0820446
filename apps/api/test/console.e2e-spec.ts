import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { AddressInfo } from 'node:net';
import { io, Socket } from 'socket.io-client';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { QUEUES } from '@hub/core';
import { createTestApi, createTestWorker, postFeed, resetDatabase, staffToken, waitFor } from '@hub/testing';
import { WorkerModule } from '../../worker/src/worker.module';
import { ApiModule } from '../src/api.module';

describe('dispatch console API and live events', () => {
  let app: INestApplication;
  let worker: INestApplicationContext;
  let db: DataSource;
  let url: string;
  let opA: string;
  let opB: string;
  let handler: string;
  const sockets: Socket[] = [];
  const http = () => request(app.getHttpServer());
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    app = await createTestApi(ApiModule);
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    db = app.get(DataSource);
    await resetDatabase(db);
    await app.get<Queue>(getQueueToken(QUEUES.tickets)).obliterate({ force: true });
    worker = await createTestWorker(WorkerModule);
    opA = await staffToken(app, { username: 'op.a', roles: ['OPERATOR'] });
    opB = await staffToken(app, { username: 'op.b', roles: ['OPERATOR'] });
    handler = await staffToken(app, { username: 'h.qts.sp', roles: ['HANDLER'], unit: 'QTS@220300' });
  });

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await worker.close();
    await app.close();
  });

  const connect = (token: string | null) => {
    const socket = io(`${url}/console`, { auth: token ? { token } : {}, transports: ['websocket'], reconnection: false, forceNew: true });
    sockets.push(socket);
    return socket;
  };
  const connected = (socket: Socket) => new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const feed = (id: string, text: string, extra: Record<string, unknown> = {}) =>
    postFeed(app.getHttpServer(), '12315', JSON.stringify({ gdbh: id, ldsj: '2026-11-28 10:00:00', sjlx: '投诉', sqnr: text, ...extra }), 'application/json').expect(202);
  const settled = (ticketId: string) =>
    waitFor(async () => {
      const t = (await http().get(`/api/v1/tickets/${ticketId}`).set(as(opA))).body;
      return t.status !== 'RECEIVED' ? t : undefined;
    }, 5000, 25);

  it('refuses a socket without a valid token at handshake', async () => {
    await expect(connected(connect(null))).rejects.toThrow('UNAUTHORIZED');
    await expect(connected(connect('not-a-token'))).rejects.toThrow('UNAUTHORIZED');
  });

  it('pushes new tickets to operators, and to a unit only what lands in it', async () => {
    const operatorSocket = connect(opA);
    const unitSocket = connect(handler);
    await Promise.all([connected(operatorSocket), connected(unitSocket)]);
    const operatorSeen: string[] = [];
    const unitSeen: string[] = [];
    operatorSocket.on('ticket.created', (e: { trackingCode: string }) => operatorSeen.push(e.trackingCode));
    unitSocket.on('ticket.updated', (e: { trackingCode: string; leadUnit: string }) => unitSeen.push(`${e.trackingCode}@${e.leadUnit}`));
    unitSocket.on('ticket.created', (e: { trackingCode: string }) => unitSeen.push(`created:${e.trackingCode}`));
    const counters = new Promise((resolve) => operatorSocket.once('counters', resolve));
    const aic = await feed('LIVE-1', '在长春市朝阳区一家超市买的婴幼儿奶粉罐底生产日期被涂改', { xzqh: '220104' });
    const qts = await feed('LIVE-2', '举报四平市铁东区一个村里的厂房无证生产汽车刹车片，没有任何标识，偷偷往外卖', { xzqh: '220303' });
    await waitFor(async () => operatorSeen.length >= 2 || undefined, 3000);
    expect(operatorSeen).toEqual([aic.body.accepted[0].trackingCode, qts.body.accepted[0].trackingCode]);
    // unlicensed brake pads made in Siping: the quality bureau of Siping, without an operator
    expect(await settled(qts.body.accepted[0].ticketId)).toMatchObject({ status: 'DISPATCHED', routing: { leadUnit: 'QTS@220300', auto: true } });
    // tampered infant formula in Changchun goes elsewhere: the Siping unit hears of the Siping ticket only
    expect((await settled(aic.body.accepted[0].ticketId)).routing.leadUnit).not.toBe('QTS@220300');
    await waitFor(async () => unitSeen.length > 0 || undefined, 3000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(unitSeen).toEqual([`${qts.body.accepted[0].trackingCode}@QTS@220300`]);
    expect(await counters).toEqual(expect.objectContaining({ triageWaiting: expect.any(Number), byFeed: expect.objectContaining({ '12315': expect.any(Number) }) }));
  });

  it('lists the live queue newest first with filters and keyset pages', async () => {
    for (let i = 0; i < 5; i++) await feed(`PAGE-${i}`, `网店销售假冒名牌运动鞋第${i}单`);
    const first = (await http().get('/api/v1/console/tickets?limit=3&feed=12315').set(as(opA)).expect(200)).body;
    expect(first.items).toHaveLength(3);
    const second = (await http().get(`/api/v1/console/tickets?limit=3&feed=12315&cursor=${first.nextCursor}`).set(as(opA)).expect(200)).body;
    const all = [...first.items, ...second.items];
    const times = all.map((t: { receivedAt: string }) => t.receivedAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(new Set(all.map((t: { id: string }) => t.id)).size).toBe(all.length);
    const found = (await http().get('/api/v1/console/tickets?q=第3单').set(as(opA)).expect(200)).body;
    expect(found.items.map((t: { excerpt: string }) => t.excerpt)).toEqual([expect.stringContaining('第3单')]);
    await http().get('/api/v1/console/tickets?status=drop%20table').set(as(opA)).expect(422);
    await http().get('/api/v1/console/tickets').set(as(handler)).expect(403);
  });

  it('finds a ticket by one, two or more characters of its text, whatever index answers', async () => {
    const posted = async (id: string, text: string) => (await feed(id, text)).body.accepted[0].ticketId as string;
    const caviar = await posted('SEARCH-1', '夜市摊贩卖的鲟鱼子酱是假货');
    const farm = await posted('SEARCH-2', '鲟鱼养殖场往河里排污');
    const label = await posted('SEARCH-3', '进口鱼子酱标签不清');
    const tins = await posted('SEARCH-4', 'AB牌罐头胀袋');
    const search = async (q: string) =>
      ((await http().get(`/api/v1/console/tickets?q=${encodeURIComponent(q)}`).set(as(opA)).expect(200)).body.items as Array<{ id: string }>).map((t) => t.id).sort();
    // one character (no index), two (character pairs), three and more (trigrams)
    expect(await search('鲟')).toEqual([caviar, farm].sort());
    expect(await search('鲟鱼')).toEqual([caviar, farm].sort());
    expect(await search('鱼子')).toEqual([caviar, label].sort());
    expect(await search('鱼子酱')).toEqual([caviar, label].sort());
    expect(await search('子酱是假')).toEqual([caviar]);
    expect(await search('ab')).toEqual([tins]);
    expect(await search('ab牌罐')).toEqual([tins]);
    expect(await search('鲟河')).toEqual([]);
  });

  describe('claim/lock: one operator per ticket', () => {
    let ticketId: string;
    let version: number;

    beforeAll(async () => {
      const res = await feed('CLAIM-1', '想咨询一下', { sjlx: '咨询' });
      ticketId = res.body.accepted[0].ticketId;
      // a question naming no product and no conduct: the router leaves it to an operator
      expect((await settled(ticketId)).status).toBe('TRIAGE');
      version = (await http().get(`/api/v1/tickets/${ticketId}`).set(as(opA))).body.version;
    });

    it('shows who holds a ticket and refuses the others’ actions', async () => {
      const socketB = connect(opB);
      await connected(socketB);
      const seen = new Promise<{ ticketId: string; claim: { displayName: string } }>((resolve) => socketB.once('claim.changed', resolve));
      const claimA = await http().post(`/api/v1/console/tickets/${ticketId}/claim`).set(as(opA)).expect(200);
      expect(claimA.body.claim).toMatchObject({ displayName: 'op.a', expiresAt: expect.any(String) });
      expect(await seen).toMatchObject({ ticketId, claim: { displayName: 'op.a' } });
      const refused = await http().post(`/api/v1/console/tickets/${ticketId}/claim`).set(as(opB)).expect(409);
      expect(refused.body).toMatchObject({ error: { code: 'CLAIMED_BY_OTHER' }, claim: { displayName: 'op.a' } });
      const act = await http().post(`/api/v1/console/tickets/${ticketId}/discard`).set(as(opB)).send({ version, reason: '我来作废' }).expect(409);
      expect(act.body.error.code).toBe('CLAIMED_BY_OTHER');
      const ticket = (await http().get(`/api/v1/tickets/${ticketId}`).set(as(opB))).body;
      expect(ticket.claim).toMatchObject({ displayName: 'op.a' });
      const triage = (await http().get('/api/v1/console/triage').set(as(opB))).body;
      expect(triage.items.find((t: { id: string }) => t.id === ticketId)).toMatchObject({ claim: { displayName: 'op.a' }, proposal: expect.objectContaining({ category: expect.any(String) }) });
    });

    it('lets the holder act; the ticket leaves triage and the claim ends', async () => {
      await http().post(`/api/v1/console/tickets/${ticketId}/claim`).set(as(opA)).expect(200);
      const res = await http().post(`/api/v1/console/tickets/${ticketId}/decide`).set(as(opA)).send({ version, category: 'OTHER_GOODS', violation: 'OTHER', stage: 'CIRCULATION', leadUnit: 'QTS@220000' }).expect(200);
      expect(res.body).toMatchObject({ status: 'DISPATCHED', claim: null, routing: { leadUnit: 'QTS@220000', ruleId: 'OPERATOR', auto: false } });
      const triage = (await http().get('/api/v1/console/triage').set(as(opB))).body;
      expect(triage.items.map((t: { id: string }) => t.id)).not.toContain(ticketId);
      await http().post(`/api/v1/console/tickets/${ticketId}/claim`).set(as(opB)).expect(200);
    });

    it('needs a claim before any action', async () => {
      const res = await feed('CLAIM-2', '咨询问题', { sjlx: '咨询' });
      const id = res.body.accepted[0].ticketId;
      const t = await settled(id);
      const refused = await http().post(`/api/v1/console/tickets/${id}/discard`).set(as(opA)).send({ version: t.version, reason: '重复' }).expect(409);
      expect(refused.body.error.code).toBe('CLAIM_REQUIRED');
    });
  });

  it('merges a duplicate into its master and discards with a reason', async () => {
    const master = (await feed('MERGE-M', '长春市南关区启航书店卖盗版教辅')).body.accepted[0].ticketId;
    const dup = (await feed('MERGE-D', '南关区启航书店销售盗版教辅书')).body.accepted[0].ticketId;
    const junk = (await feed('MERGE-J', '测试')).body.accepted[0].ticketId;
    for (const id of [master, dup]) await settled(id);
    // a test call with no content waits for an operator
    expect((await settled(junk)).status).toBe('TRIAGE');
    const v = async (id: string) => (await http().get(`/api/v1/tickets/${id}`).set(as(opA))).body.version;
    await http().post(`/api/v1/console/tickets/${dup}/claim`).set(as(opA)).expect(200);
    const merged = await http().post(`/api/v1/console/tickets/${dup}/merge`).set(as(opA)).send({ version: await v(dup), masterId: master }).expect(200);
    expect(merged.body).toMatchObject({ status: 'MERGED', duplicateOf: master });
    const masterHistory = (await http().get(`/api/v1/tickets/${master}/history`).set(as(opA))).body;
    expect(masterHistory.map((h: { action: string }) => h.action)).toContain('DUPLICATE_MERGED_IN');
    await http().post(`/api/v1/console/tickets/${junk}/claim`).set(as(opA)).expect(200);
    const discarded = await http().post(`/api/v1/console/tickets/${junk}/discard`).set(as(opA)).send({ version: await v(junk), reason: '测试来电' }).expect(200);
    expect(discarded.body.status).toBe('DISCARDED');
  });

  it('creates a ticket from a phone call that the worker routes like any other', async () => {
    const res = await http()
      .post('/api/v1/console/tickets')
      .set(as(opA))
      .send({ kind: 'COMPLAINT', description: '来电人在长春市宽城区一家药店买的保健品是假的，包装上的批准文号查不到', reporter: { anonymous: false, name: '李四', phone: '13812345678' }, subject: { name: '宽城区康宁药店', address: '长春市宽城区' } })
      .expect(201);
    expect(res.body).toMatchObject({ feed: 'OPERATOR', channel: 'OPERATOR', regionCode: '220100', reporter: { name: '李*', phone: '+86138****5678' } });
    const t = await settled(res.body.id);
    // a fake health product sold by a pharmacy in Changchun: the city's drug administration
    expect(t).toMatchObject({ status: 'DISPATCHED', classification: { category: 'HEALTH_PRODUCT' }, routing: { leadUnit: 'FDA@220100', auto: true } });
    const suggest = (await http().get('/api/v1/console/suggest/subjects?q=康宁').set(as(opA)).expect(200)).body;
    expect(suggest[0]).toMatchObject({ name: '宽城区康宁药店', regionCode: '220100' });
    const region = (await http().get(`/api/v1/console/suggest/region?text=${encodeURIComponent('珲春市一家超市')}`).set(as(opA)).expect(200)).body;
    expect(region).toMatchObject({ regionCode: '222400' });
    const bad = await http().post('/api/v1/console/tickets').set(as(opA)).send({ kind: 'X', reporter: {} }).expect(422);
    expect(bad.body.error.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['kind', 'description', 'reporter.anonymous']));
  });

  it('answers who is signed in and the names of every code', async () => {
    const me = (await http().get('/api/v1/me').set(as(handler)).expect(200)).body;
    expect(me).toMatchObject({ username: 'h.qts.sp', roles: ['HANDLER'], unit: 'QTS@220300' });
    const taxonomy = (await http().get('/api/v1/taxonomy').set(as(handler)).expect(200)).body;
    expect(taxonomy.categories.FOOD).toBe('食品');
    expect(taxonomy.units.find((u: { code: string }) => u.code === 'AIC@220100').name).toBe('长春市工商行政管理局');
  });
});
