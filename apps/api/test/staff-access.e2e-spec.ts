import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApi, login, resetDatabase, staffToken } from '@hub/testing';
import { AuthService } from '@hub/auth';
import { ApiModule } from '../src/api.module';

describe('staff access: login, roles, unit scope, masked reporters', () => {
  let app: INestApplication;
  let db: DataSource;
  let ticketId: string;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await createTestApi(ApiModule);
    db = app.get(DataSource);
    await resetDatabase(db);
    await app.get(AuthService).ensureFirstAdmin();
    const res = await http()
      .post('/api/v1/intake/12315')
      .set('X-Feed-Key', 'dev-key-12315')
      .set('Content-Type', 'application/json')
      .send({ gdbh: 'ACL-1', ldsj: '2026-03-15 09:12:33', sjlx: '投诉', sqr: { xm: '欧阳明', dh: '13912345678', sfzh: '220102198001011234', nm: false }, bsdx: { mc: '长春市宏达超市有限公司', dz: '长春市朝阳区西安大路88号' }, sqnr: '奶粉生产日期被涂改' })
      .expect(202);
    ticketId = res.body.accepted[0].ticketId;
    // no worker runs here: an operator sends the ticket to AIC@220100, assisted by FSO@220100, through the console
    const dispatcher = { Authorization: `Bearer ${await staffToken(app, { username: 'op.dispatch', roles: ['OPERATOR'] })}` };
    const { version } = (await http().get(`/api/v1/tickets/${ticketId}`).set(dispatcher).expect(200)).body;
    await http().post(`/api/v1/console/tickets/${ticketId}/claim`).set(dispatcher).expect(200);
    await http()
      .post(`/api/v1/console/tickets/${ticketId}/decide`)
      .set(dispatcher)
      .send({ version, category: 'FOOD', violation: 'COUNTERFEIT', stage: 'CIRCULATION', leadUnit: 'AIC@220100', assistUnits: ['FSO@220100'] })
      .expect(200);
  });

  afterAll(() => app.close());

  it('logs in the first admin from configuration and refuses a wrong password', async () => {
    const token = await login(app, 'admin', 'admin-demo-2026');
    expect(token.split('.')).toHaveLength(3);
    const res = await http().post('/api/v1/auth/login').send({ username: 'admin', password: 'nope' }).expect(401);
    expect(res.body.error.code).toBe('UNAUTHORIZED');
    await http().post('/api/v1/auth/login').send({ username: 'nobody', password: 'nope' }).expect(401);
  });

  it('lets only an admin create users, with validated fields', async () => {
    const admin = await login(app, 'admin', 'admin-demo-2026');
    const created = await http()
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${admin}`)
      .send({ username: 'handler.cc', password: 'long-enough-pass', displayName: '陈晨', roles: ['HANDLER'], unit: 'AIC@220100' })
      .expect(201);
    expect(created.body.id).toEqual(expect.any(String));
    const bad = await http().post('/api/v1/users').set('Authorization', `Bearer ${admin}`).send({ username: 'x', password: 'short', roles: ['KING'] }).expect(422);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['username', 'password', 'roles', 'displayName']));
    const noUnit = await http().post('/api/v1/users').set('Authorization', `Bearer ${admin}`).send({ username: 'handler.nounit', password: 'long-enough-pass', displayName: 'x', roles: ['HANDLER'] }).expect(422);
    expect(noUnit.body.error.details[0].field).toBe('unit');
    await http().post('/api/v1/users').set('Authorization', `Bearer ${admin}`).send({ username: 'handler.cc', password: 'long-enough-pass', displayName: 'x', roles: ['OPERATOR'] }).expect(409);
    const operator = await staffToken(app, { username: 'op.acl', roles: ['OPERATOR'] });
    await http().post('/api/v1/users').set('Authorization', `Bearer ${operator}`).send({ username: 'y', password: 'long-enough-pass', displayName: 'y', roles: ['ADMIN'] }).expect(403);
    await http().post('/api/v1/users').send({}).expect(401);
  });

  it('shows a ticket to operators, the lead unit and the assisting unit; 404 to everyone else', async () => {
    const lead = await staffToken(app, { username: 'aic.cc', roles: ['HANDLER'], unit: 'AIC@220100' });
    const assist = await staffToken(app, { username: 'fso.cc', roles: ['UNIT_HEAD'], unit: 'FSO@220100' });
    const other = await staffToken(app, { username: 'aic.jl', roles: ['HANDLER'], unit: 'AIC@220200' });
    const supervisor = await staffToken(app, { username: 'sup', roles: ['SUPERVISOR'], unit: 'COMMERCE@220000' });
    const admin = await login(app, 'admin', 'admin-demo-2026');
    for (const token of [lead, assist, supervisor]) await http().get(`/api/v1/tickets/${ticketId}`).set('Authorization', `Bearer ${token}`).expect(200);
    for (const token of [other, admin]) {
      const res = await http().get(`/api/v1/tickets/${ticketId}`).set('Authorization', `Bearer ${token}`).expect(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
    const missing = await http().get('/api/v1/tickets/00000000-0000-4000-8000-000000000000').set('Authorization', `Bearer ${other}`).expect(404);
    const hidden = await http().get(`/api/v1/tickets/${ticketId}`).set('Authorization', `Bearer ${other}`).expect(404);
    expect(hidden.body.error.message).toBe(missing.body.error.message);
    const byRecord = await http().get('/api/v1/tickets').query({ feed: '12315', externalId: 'ACL-1' }).set('Authorization', `Bearer ${other}`).expect(200);
    expect(byRecord.body).toEqual({ items: [], total: 0 });
    const found = await http().get('/api/v1/tickets').query({ feed: '12315', externalId: 'ACL-1' }).set('Authorization', `Bearer ${lead}`).expect(200);
    expect(found.body.total).toBe(1);
    expect(found.body.items[0].id).toBe(ticketId);
    await http().get(`/api/v1/tickets/${ticketId}`).expect(401);
    await http().get(`/api/v1/tickets/${ticketId}`).set('Authorization', 'Bearer not-a-token').expect(401);
  });

  it('masks the reporter for every role and reveals only to the lead unit’s handler, recorded', async () => {
    const operator = await login(app, 'op.acl', 'test-password-2026');
    const t = (await http().get(`/api/v1/tickets/${ticketId}`).set('Authorization', `Bearer ${operator}`).expect(200)).body;
    expect(t.reporter).toEqual({ anonymous: false, name: '欧**', phone: '+86139****5678', idNumber: '2201************34', email: null });
    expect(JSON.stringify(t)).not.toContain('13912345678');
    await http().post(`/api/v1/tickets/${ticketId}/reporter/reveal`).set('Authorization', `Bearer ${operator}`).send({ reason: '需要联系投诉人' }).expect(403);
    const lead = await login(app, 'aic.cc', 'test-password-2026');
    await http().post(`/api/v1/tickets/${ticketId}/reporter/reveal`).set('Authorization', `Bearer ${lead}`).send({}).expect(422);
    const revealed = await http().post(`/api/v1/tickets/${ticketId}/reporter/reveal`).set('Authorization', `Bearer ${lead}`).send({ reason: '调解需要联系投诉人' }).expect(200);
    expect(revealed.body).toMatchObject({ name: '欧阳明', phoneE164: '+8613912345678', idNumber: '220102198001011234' });
    const [audit] = await db.query('SELECT reason, user_id FROM pii_reveals WHERE ticket_id = $1', [ticketId]);
    expect(audit.reason).toBe('调解需要联系投诉人');
    const history = await http().get(`/api/v1/tickets/${ticketId}/history`).set('Authorization', `Bearer ${lead}`).expect(200);
    expect(history.body.map((h: { action: string }) => h.action)).toEqual(['RECEIVED', 'CORRECTED', 'REPORTER_REVEALED']);
  });

  it('keeps reporter data encrypted in the database', async () => {
    const [row] = await db.query('SELECT reporter_secret FROM tickets WHERE id = $1', [ticketId]);
    expect(row.reporter_secret).toMatch(/^g1\.k1\./);
    for (const clear of ['欧阳明', '13912345678', '220102198001011234']) expect(row.reporter_secret).not.toContain(clear);
  });

  it('answers unknown routes and methods in the error shape', async () => {
    const res = await http().get('/api/v1/nowhere').expect(404);
    expect(res.body.error).toMatchObject({ code: 'NOT_FOUND', requestId: expect.any(String) });
    const json = await http().post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"username":').expect(400);
    expect(json.body.error.code).toBe('MALFORMED_JSON');
  });

  it('reports health of PostgreSQL and Redis', async () => {
    const res = await http().get('/health').expect(200);
    expect(res.body.info).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' } });
  });
});
