import type { INestApplication } from '@nestjs/common';
import iconv from 'iconv-lite';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuthService } from '@hub/auth';
import { csvUpload } from '@hub/intake/csv-upload';
import { CreditRecords } from '@hub/records';
import { CaseWorld, closeCase, createTestApi, loadSamples, login, namedReporter, postFeed, resetDatabase, sampleBytes, sampleRequest, TestTime, tipBody } from '@hub/testing';
import { ApiModule } from '../src/api.module';

const UNIT = 'AIC@220100';
const YEAR_MS = 365 * 24 * 3600 * 1000;

/** Credit records, the blacklist and the public disclosure, driven through the case API. */
describe('credit records, blacklist and public disclosure', () => {
  let app: INestApplication;
  let db: DataSource;
  let world: CaseWorld;
  let handler: string;
  let head: string;
  let police: string;
  let operator: string;
  let admin: string;
  let address = 0;
  const time = new TestTime();
  const http = () => request(app.getHttpServer());
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const publicGet = (path: string) => http().get(path).set('X-Forwarded-For', `198.51.100.${++address % 250}`);

  const penalizedCase = async (subject: { name: string; uscc?: string; address?: string }, fineFen = 300_000) => {
    const t = await world.dispatchedTicket({ kind: 'REPORT', subject, unit: UNIT });
    await closeCase(app, t.id, { outcome: 'PENALIZED', fineFen }, handler);
    return t;
  };
  const transferredCase = async (subject: { name: string; uscc?: string }) => {
    const t = await world.dispatchedTicket({ kind: 'REPORT', subject, unit: UNIT });
    const steps: Array<[string, string, Record<string, unknown>]> = [
      [handler, 'accept', {}],
      [handler, 'file-case', { caseNumber: `长市监立〔2026〕${t.id.slice(0, 4)}号` }],
      [handler, 'transfer', { reason: '涉案金额较大，涉嫌销售伪劣产品罪' }],
      [head, 'transfer/approve', {}],
      [police, 'transfer/decide', { decision: 'ACCEPTED', reason: '符合立案追诉标准，决定立案' }],
    ];
    for (const [token, action, body] of steps) expect({ action, status: (await world.act(token, t.id, action, body)).status }).toEqual({ action, status: 200 });
    return t;
  };
  const record = async (ticketId: string, token = handler) => (await http().get(`/api/v1/tickets/${ticketId}/credit-record`).set(as(token)).expect(200)).body;
  const blacklist = async (q: string) => (await publicGet(`/api/v1/public/blacklist?q=${encodeURIComponent(q)}`).expect(200)).body.items;

  beforeAll(async () => {
    time.at('2026-03-16T02:00:00Z');
    app = await createTestApi(ApiModule, { time });
    db = app.get(DataSource);
    await resetDatabase(db);
    await app.get(AuthService).ensureFirstAdmin();
    world = new CaseWorld(app);
    handler = await world.token('HANDLER', UNIT);
    head = await world.token('UNIT_HEAD', UNIT);
    police = await world.token('POLICE_LIAISON', 'POLICE@220100');
    operator = await world.token('OPERATOR');
    admin = await login(app, 'admin', 'admin-demo-2026');
  });

  afterAll(() => app.close());

  it('lists a subject after its second PENALIZED case, and shows both on the public page without reporter data', async () => {
    const subject = { name: '长春市宏发副食品商店', uscc: '91220101MA84XKQY36' };
    const first = await penalizedCase(subject);
    const afterOne = await record(first.id);
    expect(afterOne.subject).toMatchObject({ subjectName: subject.name, uscc: subject.uscc, blacklisted: false });
    expect(await blacklist(subject.uscc)).toEqual([]);
    // listed within the closing transaction: the public page shows the case as soon as the close answers
    const penalties = (await publicGet(`/api/v1/public/penalties?q=${subject.uscc}`).expect(200)).body;
    expect(penalties.items).toHaveLength(1);
    expect(penalties.items[0]).toMatchObject({ subjectName: subject.name, uscc: subject.uscc, fineFen: 300_000, penalties: ['FINE'], unitName: expect.stringContaining('长春市') });
    expect(Object.keys(penalties.items[0]).sort()).toEqual(['confiscationFen', 'decidedAt', 'decisionNumber', 'fineFen', 'penalties', 'subjectName', 'unitName', 'uscc', 'violation']);
    expect(JSON.stringify(penalties)).not.toContain('张三');
    expect(JSON.stringify(penalties)).not.toContain('13912345678');

    time.at('2026-05-20T02:00:00Z');
    const second = await penalizedCase(subject);
    const afterTwo = await record(second.id);
    expect(afterTwo.subject).toMatchObject({ blacklisted: true, listedReason: '3年内受到2次以上行政处罚' });
    expect(afterTwo.cases).toHaveLength(2);
    expect(afterTwo.history.map((h: { action: string }) => h.action)).toEqual(['LISTED', 'CASE_ADDED', 'CASE_ADDED']);
    expect(await blacklist('宏发副食')).toEqual([{ subjectName: subject.name, uscc: subject.uscc, regionCode: '220100', listedAt: '2026-05-20T02:00:00.000Z', reason: '3年内受到2次以上行政处罚' }]);
    const history = (await http().get(`/api/v1/tickets/${second.id}/history`).set(as(handler)).expect(200)).body;
    expect(JSON.stringify(history)).toContain('CREDIT_RECORDED');
  });

  it('lists a subject after one transfer to the police', async () => {
    time.at('2026-06-02T02:00:00Z');
    const t = await transferredCase({ name: '长春市金鼎酒业有限公司', uscc: '91220104MA14Q8LW5D' });
    expect((await record(t.id)).subject).toMatchObject({ blacklisted: true, listedReason: '涉嫌犯罪移送公安机关' });
    expect(await blacklist('金鼎酒业')).toHaveLength(1);
    // a transfer is on the record but not among the published penalties
    expect((await publicGet(`/api/v1/public/penalties?q=${encodeURIComponent('金鼎酒业')}`).expect(200)).body.items).toEqual([]);
  });

  it('lets an ADMIN delist with a reason (recorded), and refuses others', async () => {
    const [entry] = await blacklist('金鼎酒业');
    const found = (await http().get(`/api/v1/records/subjects?q=${entry.uscc}`).set(as(operator)).expect(200)).body.items;
    expect(found).toHaveLength(1);
    await http().post(`/api/v1/records/blacklist/${found[0].id}/delist`).set(as(handler)).send({ reason: '已整改' }).expect(403);
    const delisted = (await http().post(`/api/v1/records/blacklist/${found[0].id}/delist`).set(as(admin)).send({ reason: '已整改到位，经复核移出黑名单' }).expect(200)).body;
    expect(delisted.subject).toMatchObject({ blacklisted: false, delistedReason: '已整改到位，经复核移出黑名单' });
    expect(delisted.history[0]).toMatchObject({ action: 'DELISTED', reason: '已整改到位，经复核移出黑名单', actorName: expect.any(String) });
    expect(await blacklist('金鼎酒业')).toEqual([]);
    const again = await http().post(`/api/v1/records/blacklist/${found[0].id}/delist`).set(as(admin)).send({ reason: '再次移出' }).expect(409);
    expect(again.body.error.code).toBe('NOT_LISTED');
  });

  it('delists automatically 3 years after the last case, and a repeated sweep changes nothing', async () => {
    const records = app.get(CreditRecords);
    time.at('2029-05-19T02:00:00Z');
    expect(await records.delistDue()).toBe(0);
    expect(await blacklist('宏发副食')).toHaveLength(1);
    time.at(new Date(Date.parse('2029-05-20T02:00:00Z') + 1000));
    expect(await records.delistDue()).toBe(1);
    expect(await records.delistDue()).toBe(0);
    expect(await blacklist('宏发副食')).toEqual([]);
    const [subject] = (await http().get(`/api/v1/records/subjects?q=${encodeURIComponent('宏发副食')}`).set(as(operator)).expect(200)).body.items;
    const detail = (await http().get(`/api/v1/records/subjects/${subject.id}`).set(as(operator)).expect(200)).body;
    expect(detail.history[0]).toMatchObject({ action: 'DELISTED', actorName: 'system', reason: '3年内无新的违法案件，自动移出' });
  });

  it('marks REPEAT_OFFENDER, with a higher priority, on new tickets from every feed naming a subject with a record', async () => {
    time.at('2029-06-01T02:00:00Z');
    const samples = loadSamples();
    const sample = (file: string) => samples.find((s) => s.file === file)!;
    // records by USCC (the samples' own subjects) and by name + region
    for (const uscc of ['9122010192U5449G34', '9122030128TNLYJN45', '9122010188QDBW7B9W']) await penalizedCase({ name: `测试主体${uscc.slice(-4)}`, uscc });
    await penalizedCase({ name: '启航书店', address: '长春市朝阳区西安大路88号' });
    const siping = await penalizedCase({ name: '四平市康宁大药房', address: '四平市铁西区英雄大街1号' });
    expect((await world.ticket(operator, siping.id)).regionCode).toBe('220300');
    await penalizedCase({ name: '长春市红旗街惠民超市', address: '长春市朝阳区红旗街 88 号' });

    const gbkForm = sampleBytes('12312-P030.form').toString('latin1').replace(/(^|&)dw=[^&]*/, `$1dw=${urlEncodeGbk('四平市康宁大药房')}`);
    const csv = iconv.encode(iconv.decode(sampleBytes('12358-batch.csv'), 'gbk').replace('13906359039,,', '13906359039,四平市康宁大药房,'), 'gbk');
    const pushes: Array<{ feed: string; body: Buffer | string; contentType: string; externalId: string }> = [
      { feed: '12315', ...sampleRequest(sample('12315-P001.json')), externalId: '12315-2026-0102-000101' },
      { feed: '12365', ...sampleRequest(sample('12365-P007.xml')), externalId: 'QS2026070100105' },
      { feed: '12330', ...sampleRequest(sample('12330-P009.json')), externalId: 'IP-2026-00107' },
      { feed: '12390', ...sampleRequest(sample('12390-P027.eml')), externalId: '2026101400110.tip@mail.12390.example' },
      { feed: '12312', body: gbkForm, contentType: sample('12312-P030.form').contentType, externalId: 'SW2026100200118' },
      { feed: '12358', ...csvUpload(csv), externalId: 'JG202605190500' },
    ];
    for (const push of pushes) {
      await postFeed(app.getHttpServer(), push.feed, Buffer.isBuffer(push.body) ? push.body : Buffer.from(push.body, 'latin1'), push.contentType).expect(202);
      const found = (await http().get(`/api/v1/tickets?feed=${push.feed}&externalId=${encodeURIComponent(push.externalId)}`).set(as(operator)).expect(200)).body.items;
      expect({ feed: push.feed, flags: found[0].flags }).toEqual({ feed: push.feed, flags: expect.arrayContaining(['REPEAT_OFFENDER']) });
      const [{ priority }] = await db.query(`SELECT priority FROM tickets WHERE id = $1`, [found[0].id]);
      expect({ feed: push.feed, priority }).toEqual({ feed: push.feed, priority: 1 });
    }
    // the portal, and a subject without a record stays unmarked
    const tip = (await http().post('/api/v1/public/tips').set('X-Forwarded-For', '203.0.113.9').send(tipBody({ reporter: namedReporter() })).expect(201)).body;
    const [portal] = await db.query(`SELECT flags, priority FROM tickets WHERE tracking_code = $1`, [tip.trackingCode]);
    expect(portal).toEqual({ flags: ['REPEAT_OFFENDER'], priority: 1 });
    const clean = await postFeed(app.getHttpServer(), '12315', ...Object.values(sampleRequest(sample('12315-P006.json'))) as [Buffer, string]).expect(202);
    const [unmarked] = await db.query(`SELECT flags, priority FROM tickets WHERE id = $1`, [clean.body.accepted[0].ticketId]);
    expect(unmarked).toEqual({ flags: [], priority: 0 });
  });

  it('answers the credit record only to staff who may see the ticket, and the public pages page by cursor', async () => {
    const [subject] = (await http().get(`/api/v1/records/subjects?q=9122010192U5449G34`).set(as(operator)).expect(200)).body.items;
    const [{ ticket_id }] = await db.query(`SELECT ticket_id FROM credit_cases WHERE subject_id = $1`, [subject.id]);
    await http().get(`/api/v1/tickets/${ticket_id}/credit-record`).set(as(await world.token('HANDLER', 'QTS@220300'))).expect(404);
    expect((await record(ticket_id, operator)).subject.uscc).toBe('9122010192U5449G34');
    await http().get('/api/v1/records/subjects').expect(401);

    const first = (await publicGet('/api/v1/public/penalties').expect(200)).body;
    expect(first).toMatchObject({ nextCursor: null });
    expect(first.items).toHaveLength(8);
    const bad = await publicGet('/api/v1/public/penalties?cursor=nonsense').expect(422);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    const names = first.items.map((i: { subjectName: string }) => i.subjectName);
    expect(names).toContain('启航书店');
    const wildcard = (await publicGet(`/api/v1/public/penalties?q=${encodeURIComponent('%')}`).expect(200)).body.items;
    expect(wildcard).toEqual([]);
  });

  it('lets an ADMIN find subjects on or off the blacklist, newest case first, and list one by hand with a reason', async () => {
    const page = async (query: string) => (await http().get(`/api/v1/records/subjects?${query}`).set(as(admin)).expect(200)).body;
    const all = await page('');
    expect(all.nextCursor).toBeNull();
    expect(all.items.length).toBeGreaterThanOrEqual(8);
    const lastCases = all.items.map((s: { lastCaseAt: string }) => s.lastCaseAt);
    expect(lastCases).toEqual([...lastCases].sort().reverse());
    expect((await page('blacklisted=true')).items).toEqual([]);

    const pharmacy = (await page(`q=${encodeURIComponent('康宁大药房')}`)).items[0];
    await http().post('/api/v1/records/blacklist').set(as(admin)).send({ subjectId: pharmacy.id, reason: '' }).expect(422);
    const listed = (await http().post('/api/v1/records/blacklist').set(as(admin)).send({ subjectId: pharmacy.id, reason: '经研究列入黑名单' }).expect(200)).body;
    expect(listed.history[0]).toMatchObject({ action: 'LISTED', reason: '经研究列入黑名单' });
    expect((await page('blacklisted=true')).items.map((s: { id: string }) => s.id)).toEqual([pharmacy.id]);
    expect((await page('blacklisted=false')).items.map((s: { id: string }) => s.id)).not.toContain(pharmacy.id);
    expect((await page(`blacklisted=false&q=${encodeURIComponent('康宁')}`)).items).toEqual([]);
    await http().get('/api/v1/records/subjects?blacklisted=maybe').set(as(admin)).expect(422);
    await http().get('/api/v1/records/subjects?cursor=nonsense').set(as(admin)).expect(422);
  });
});

function urlEncodeGbk(text: string): string {
  return [...iconv.encode(text, 'gbk')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}
