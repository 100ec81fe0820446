import { getQueueToken } from '@nestjs/bullmq';
import { INestApplication, INestApplicationContext, Module } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { AddressInfo } from 'node:net';
import { io, Socket } from 'socket.io-client';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuthService } from '@hub/auth';
import { CoreModule, openApiDocument, OutboxRelay, QUEUES } from '@hub/core';
import { createTestApi, createTestWorker, postFeed, resetDatabase, sampleBytes, TEST_PASSWORD, waitFor } from '@hub/testing';
import { ApiModule } from '../src/api.module';
import { CallSpec, Cell, CELLS, ENDED_HALF, expectedFor, Fixtures, receives, ROUTE_ACCESS, SOCKET_ACCESS, SocketEvent, unitFor } from './access-matrix';

/** Relays the outbox to the live channel, without the pipeline (nothing routes behind the test's back). */
@Module({ imports: [CoreModule], providers: [OutboxRelay] })
class OutboxRelayOnly {}

type StaffCell = Exclude<Cell, 'anonymous'>;
const STAFF_CELLS = CELLS.filter((c): c is StaffCell => c !== 'anonymous');
const DENIALS = [401, 403, 404, 429];

const asBytes = (res: NodeJS.ReadableStream, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};
const errorCode = (body: Buffer) => {
  try {
    return String(JSON.parse(body.toString('utf8'))?.error?.code ?? '');
  } catch {
    return '';
  }
};

let nextAddress = 1;
const freshAddress = () => `192.0.2.${nextAddress++}`;
const usernameOf = (cell: StaffCell) => `matrix.${cell.replace('/', '.').toLowerCase()}`;

describe('access matrix: every route and socket event × every role × own unit, other unit, anonymous', () => {
  let app: INestApplication;
  let relay: INestApplicationContext;
  let url: string;
  let fx: Fixtures;
  let dispatcher: string;
  const tokens = new Map<StaffCell, string>();
  const sockets: Socket[] = [];
  const http = () => request(app.getHttpServer());
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  const login = async (username: string) =>
    (await http().post('/api/v1/auth/login').set('X-Forwarded-For', freshAddress()).send({ username, password: TEST_PASSWORD }).expect(200)).body.accessToken as string;

  const intake = async (gdbh: string, name: string) =>
    (
      await http()
        .post('/api/v1/intake/12315')
        .set('X-Feed-Key', 'dev-key-12315')
        .send({ gdbh, ldsj: '2026-03-15 09:12:33', sjlx: '投诉', sqr: { xm: name, dh: '13912345678', nm: false }, bsdx: { mc: '长春市宏达超市有限公司' }, sqnr: '超市卖的奶粉罐底生产日期被涂改' })
        .expect(202)
    ).body.accepted[0] as { ticketId: string; rawId?: string };

  /** An operator sends the ticket to AIC@220100, through the console as in production. */
  const dispatchToOwnUnit = async (ticketId: string) => {
    const { version } = (await http().get(`/api/v1/tickets/${ticketId}`).set(as(dispatcher)).expect(200)).body;
    await http().post(`/api/v1/console/tickets/${ticketId}/claim`).set(as(dispatcher)).expect(200);
    await http()
      .post(`/api/v1/console/tickets/${ticketId}/decide`)
      .set(as(dispatcher))
      .send({ version, category: 'FOOD', violation: 'COUNTERFEIT', stage: 'CIRCULATION', leadUnit: 'AIC@220100', assistUnits: [] })
      .expect(200);
    await http().post(`/api/v1/console/tickets/${ticketId}/release`).set(as(dispatcher));
  };

  beforeAll(async () => {
    app = await createTestApi(ApiModule);
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const db = app.get(DataSource);
    await resetDatabase(db);
    await app.get<Queue>(getQueueToken(QUEUES.tickets)).obliterate({ force: true });
    relay = await createTestWorker(OutboxRelayOnly);
    const auth = app.get(AuthService);
    await auth.createUser({ username: 'matrix.dispatcher', password: TEST_PASSWORD, displayName: '调度员', roles: ['OPERATOR'], unit: null });
    dispatcher = await login('matrix.dispatcher');
    for (const cell of STAFF_CELLS) {
      const [role, scope] = cell.split('/') as [StaffCell extends `${infer R}/${string}` ? R : never, 'own' | 'other'];
      await auth.createUser({ username: usernameOf(cell), password: TEST_PASSWORD, displayName: cell, roles: [role as never], unit: unitFor(role as never, scope) });
      tokens.set(cell, await login(usernameOf(cell)));
    }
    const complaint = await intake('MATRIX-1', '欧阳明');
    const withFile = (await postFeed(app.getHttpServer(), '12330', sampleBytes('12330-P022.json'), 'application/json').expect(202)).body.accepted[0].ticketId as string;
    await dispatchToOwnUnit(complaint.ticketId);
    await dispatchToOwnUnit(withFile);
    const [file] = (await http().get(`/api/v1/tickets/${withFile}/attachments`).set(as(dispatcher)).expect(200)).body;
    const unreadable = (await postFeed(app.getHttpServer(), '12315', '{"gdbh": ', 'application/json').expect(400)).body.rawId as string;
    const [ruleSet] = await db.query(`SELECT version FROM rule_sets WHERE status = 'ACTIVE'`);
    await app.get<Queue>(getQueueToken(QUEUES.reports)).obliterate({ force: true });
    const reportRun = (await http().post('/api/v1/reports').set(as(tokens.get('SUPERVISOR/own')!)).send({ scope: 'AIC@220100', ...ENDED_HALF }).expect(202)).body.id as string;
    fx = { ticket: complaint.ticketId, fileTicket: withFile, attachment: file.id, feedRecord: unreadable, ruleSetVersion: ruleSet.version, reportRun };
  });

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await app.get<Queue>(getQueueToken(QUEUES.routing)).obliterate({ force: true });
    await app.get<Queue>(getQueueToken(QUEUES.reports)).obliterate({ force: true });
    await relay.close();
    await app.close();
  });

  it('has a row for every route of the OpenAPI document, and none for a route that is gone', () => {
    const documented = Object.entries(openApiDocument(app).paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
    const tabled = Object.keys(ROUTE_ACCESS);
    expect({
      'add these routes to ROUTE_ACCESS in apps/api/test/access-matrix.ts': documented.filter((r) => !tabled.includes(r)),
      'remove these rows, their routes are gone': tabled.filter((r) => !documented.includes(r)),
    }).toEqual({ 'add these routes to ROUTE_ACCESS in apps/api/test/access-matrix.ts': [], 'remove these rows, their routes are gone': [] });
  });

  it.each(Object.keys(ROUTE_ACCESS))('%s', async (route) => {
    const rule = ROUTE_ACCESS[route];
    const [method, template] = route.split(' ');
    const spec: CallSpec = rule.call?.(fx) ?? {};
    const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(spec.params?.[name])));
    const mismatches: string[] = [];
    for (const cell of CELLS) {
      const token = cell === 'anonymous' ? null : rule.spendsToken ? await login(usernameOf(cell)) : tokens.get(cell)!;
      // bodies are read as bytes: some routes answer with a stored request, not JSON
      let call = http()[method.toLowerCase() as 'get' | 'post' | 'delete'](path).set('X-Forwarded-For', freshAddress()).buffer(true).parse(asBytes);
      if (token) call = call.set(as(token));
      for (const [name, value] of Object.entries(spec.headers ?? {})) call = call.set(name, value);
      if (spec.query) call = call.query(spec.query);
      const res = spec.body === undefined ? await call : await call.send(spec.body as object);
      const expected = expectedFor(rule, cell);
      const allowed = res.status < 500 && !DENIALS.includes(res.status) && (method !== 'GET' || res.status === 200);
      const matches = expected === 'allow' ? allowed : res.status === expected;
      if (!matches) mismatches.push(`${cell}: expected ${expected}, got ${res.status} ${errorCode(res.body as Buffer)}`.trim());
    }
    expect(mismatches).toEqual([]);
  });

  it('refuses a socket without a valid token at handshake', async () => {
    for (const token of [undefined, 'not-a-token']) {
      const socket = io(`${url}/console`, { auth: token ? { token } : {}, transports: ['websocket'], reconnection: false, forceNew: true });
      sockets.push(socket);
      await expect(new Promise((resolve, reject) => socket.once('connect', resolve).once('connect_error', reject))).rejects.toThrow('UNAUTHORIZED');
    }
  });

  it('pushes each socket event to exactly the staff of the table', async () => {
    const seen = new Map<StaffCell, Set<SocketEvent>>();
    let ticketId = '';
    for (const cell of STAFF_CELLS) {
      const socket = io(`${url}/console`, { auth: { token: tokens.get(cell) }, transports: ['websocket'], reconnection: false, forceNew: true });
      sockets.push(socket);
      const events = new Set<SocketEvent>();
      seen.set(cell, events);
      for (const event of Object.keys(SOCKET_ACCESS) as SocketEvent[]) {
        socket.on(event, (payload: { id?: string; ticketId?: string }) => {
          if (event === 'counters' || payload.id === ticketId || payload.ticketId === ticketId) events.add(event);
        });
      }
      await new Promise((resolve, reject) => socket.once('connect', resolve).once('connect_error', reject));
    }
    ticketId = (await intake('MATRIX-LIVE', '张三')).ticketId;
    await dispatchToOwnUnit(ticketId);
    const handler = as(tokens.get('HANDLER/own')!);
    const version = async () => (await http().get(`/api/v1/tickets/${ticketId}`).set(handler).expect(200)).body.version as number;
    await http().post(`/api/v1/tickets/${ticketId}/accept`).set(handler).send({ version: await version() }).expect(200);
    await http().post(`/api/v1/tickets/${ticketId}/transfer`).set(handler).send({ version: await version(), reason: '涉嫌生产销售伪劣产品罪，建议移送' }).expect(200);

    const expected = new Map(STAFF_CELLS.map((cell) => [cell, (Object.keys(SOCKET_ACCESS) as SocketEvent[]).filter((e) => receives(e, cell)).sort()]));
    const actual = () => new Map(STAFF_CELLS.map((cell) => [cell, [...seen.get(cell)!].sort()]));
    await waitFor(async () => STAFF_CELLS.every((cell) => expected.get(cell)!.every((e) => seen.get(cell)!.has(e))), 15000);
    // what must not arrive gets the time the counters push (at most once a second) needs to arrive anyway
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(Object.fromEntries(actual())).toEqual(Object.fromEntries(expected));
  });
});
