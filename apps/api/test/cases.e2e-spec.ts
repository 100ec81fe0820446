import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { CaseClosedEvent, CaseClosedHooks } from '@hub/cases';
import { CaseWorld, createTestApi, resetDatabase, TestTime } from '@hub/testing';
import { ApiModule } from '../src/api.module';

const LEAD = 'AIC@220100';
const POLICE = 'POLICE@220100';

describe('case handling over HTTP: lifecycle, refusals, transfer to the police, workbench', () => {
  let app: INestApplication;
  let world: CaseWorld;
  const time = new TestTime().at('2026-03-16T02:00:00Z'); // Monday 10:00 Beijing
  const closed: CaseClosedEvent[] = [];
  const tokens: Record<string, string> = {};
  const auth = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });

  beforeAll(async () => {
    app = await createTestApi(ApiModule, { time });
    await resetDatabase(app.get(DataSource));
    app.get(CaseClosedHooks).register({ onCaseClosed: async (_tx: EntityManager, event: CaseClosedEvent) => void closed.push(event) });
    world = new CaseWorld(app);
    tokens.handler = await world.token('HANDLER', LEAD);
    tokens.head = await world.token('UNIT_HEAD', LEAD);
    tokens.assist = await world.token('HANDLER', 'FSO@220100');
    tokens.other = await world.token('HANDLER', 'AIC@220200');
    tokens.police = await world.token('POLICE_LIAISON', POLICE);
    tokens.otherPolice = await world.token('POLICE_LIAISON', 'POLICE@220200');
    tokens.supervisor = await world.token('SUPERVISOR', 'COMMERCE@220000');
    tokens.prosecutor = await world.token('PROSECUTOR');
    tokens.operator = await world.token('OPERATOR');
  });

  afterAll(() => app.close());

  it('accepts, files and closes a report PENALIZED with a fine; each step recorded, the close handed to the hook', async () => {
    const t = await world.dispatchedTicket({ kind: 'REPORT' });
    expect(t).toMatchObject({ status: 'DISPATCHED', outcome: null, reward: null, deadlineState: 'ok' });
    expect(t.deadlines.acceptBy).toBe('2026-04-07T15:59:59.999Z'); // 15 working days, Qingming skipped

    const accepted = await world.act(tokens.handler, t.id, 'accept');
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'ACCEPTED', version: t.version + 1, case: { acceptedAt: '2026-03-16T02:00:00.000Z' } });

    const filed = await world.act(tokens.handler, t.id, 'file-case', { caseNumber: '长市监立〔2026〕118号' });
    expect(filed.body).toMatchObject({ status: 'IN_PROGRESS', case: { caseNumber: '长市监立〔2026〕118号' } });
    expect(filed.body.deadlines.resolveBy).toBe('2026-06-14T15:59:59.999Z'); // 90 calendar days

    const noDecision = await world.act(tokens.handler, t.id, 'close', { outcome: 'PENALIZED', penalties: ['FINE'], fineFen: 5000000 });
    expect(noDecision.status).toBe(422);
    expect(noDecision.body.error.details.map((d: { field: string }) => d.field)).toContain('decisionNumber');
    const negative = await world.act(tokens.handler, t.id, 'close', { outcome: 'PENALIZED', decisionNumber: '长市监罚〔2026〕57号', penalties: ['FINE'], fineFen: -1 });
    expect(negative.status).toBe(422);
    expect(negative.body.error.details.map((d: { field: string }) => d.field)).toContain('fineFen');
    const fraction = await world.act(tokens.handler, t.id, 'close', { outcome: 'PENALIZED', decisionNumber: '长市监罚〔2026〕57号', penalties: ['FINE'], fineFen: 10.5 });
    expect(fraction.status).toBe(422);

    const done = await world.act(tokens.handler, t.id, 'close', { outcome: 'PENALIZED', decisionNumber: '长市监罚〔2026〕57号', penalties: ['FINE', 'CONFISCATION'], fineFen: 5000000, confiscationFen: 120000, rewardLevel: 'L2' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      status: 'CLOSED',
      outcome: 'PENALIZED',
      // the lead unit sees the reward its close proposed: 3% of ¥51,200 is under the L2 floor of ¥3,000
      reward: { state: 'PROPOSED', level: 'L2', amountFen: 300000 },
      deadlineState: 'ok',
      case: { closure: { outcome: 'PENALIZED', decisionNumber: '长市监罚〔2026〕57号', penalties: ['FINE', 'CONFISCATION'], fineFen: 5000000, confiscationFen: 120000, rewardLevel: 'L2' } },
    });
    expect(closed.find((e) => e.ticketId === t.id)).toMatchObject({ outcome: 'PENALIZED', rewardLevel: 'L2', fineFen: 5000000, confiscationFen: 120000, department: 'AIC', kind: 'REPORT' });

    const history = await world.http().get(`/api/v1/tickets/${t.id}/history`).set(auth('head')).expect(200);
    const moves = history.body.filter((h: { toStatus: string | null; fromStatus: string | null }) => h.fromStatus !== null).map((h: { action: string; toStatus: string }) => [h.action, h.toStatus]);
    expect(moves).toEqual(
      expect.arrayContaining([
        ['ACCEPTED', 'ACCEPTED'],
        ['CASE_FILED', 'IN_PROGRESS'],
        ['CLOSED', 'CLOSED'],
      ]),
    );
  });

  it('refuses: another unit 404, an assisting unit or a supervisor 403, a stale version or a wrong state 409', async () => {
    const t = await world.dispatchedTicket({ kind: 'REPORT', assistUnits: ['FSO@220100'] });
    const hidden = await world.http().post(`/api/v1/tickets/${t.id}/accept`).set(auth('other')).send({ version: t.version });
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe('NOT_FOUND');
    await world.http().get(`/api/v1/tickets/${t.id}`).set(auth('other')).expect(404);
    for (const who of ['assist', 'supervisor', 'operator']) {
      const res = await world.http().post(`/api/v1/tickets/${t.id}/accept`).set(auth(who)).send({ version: t.version });
      expect([who, res.status, res.body.error.code]).toEqual([who, 403, 'FORBIDDEN']);
    }
    const stale = await world.http().post(`/api/v1/tickets/${t.id}/accept`).set(auth('handler')).send({ version: t.version - 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    const noVersion = await world.http().post(`/api/v1/tickets/${t.id}/accept`).set(auth('handler')).send({});
    expect(noVersion.status).toBe(422);
    const early = await world.act(tokens.handler, t.id, 'file-case', { caseNumber: 'X-1' });
    expect([early.status, early.body.error.code]).toEqual([409, 'INVALID_TRANSITION']);
    expect((await world.act(tokens.handler, t.id, 'accept')).status).toBe(200);
    const again = await world.act(tokens.handler, t.id, 'accept');
    expect([again.status, again.body.error.code]).toEqual([409, 'INVALID_TRANSITION']);
    const penalty = await world.act(tokens.handler, t.id, 'close', { outcome: 'PENALIZED', decisionNumber: 'D-1', penalties: ['WARNING'] });
    expect([penalty.status, penalty.body.error.code]).toEqual([409, 'INVALID_TRANSITION']);
    const mediated = await world.act(tokens.handler, t.id, 'close', { outcome: 'MEDIATED' });
    expect([mediated.status, mediated.body.error.code]).toEqual([409, 'INVALID_TRANSITION']);
    const headOnly = await world.act(tokens.handler, t.id, 'transfer/approve');
    expect([headOnly.status, headOnly.body.error.code]).toEqual([403, 'FORBIDDEN']);
    const nothingProposed = await world.act(tokens.head, t.id, 'transfer/approve');
    expect([nothingProposed.status, nothingProposed.body.error.code]).toEqual([409, 'INVALID_TRANSITION']);
    const notPaused = await world.act(tokens.handler, t.id, 'resume');
    expect([notPaused.status, notPaused.body.error.code]).toEqual([409, 'INVALID_TRANSITION']);
    const noReason = await world.act(tokens.handler, t.id, 'close', { outcome: 'NO_CASE' });
    expect(noReason.status).toBe(422);
    const closedNoCase = await world.act(tokens.head, t.id, 'close', { outcome: 'NO_CASE', reason: '经核查，举报事项不属实' });
    expect(closedNoCase.body).toMatchObject({ status: 'CLOSED', outcome: 'NO_CASE' });
    const afterClose = await world.act(tokens.handler, t.id, 'pause', { reason: 'TESTING' });
    expect([afterClose.status, afterClose.body.error.code]).toEqual([409, 'INVALID_TRANSITION']);
  });

  it('returns a ticket to the operators with a reason, and adds an assisting unit that then sees it', async () => {
    const t = await world.dispatchedTicket({ kind: 'COMPLAINT' });
    await world.http().get(`/api/v1/tickets/${t.id}`).set(auth('assist')).expect(404);
    const asked = await world.act(tokens.handler, t.id, 'assist', { unit: 'FSO@220100', note: '请协助抽样检验' });
    expect(asked.body).toMatchObject({ status: 'DISPATCHED', routing: expect.any(Object) });
    await world.http().get(`/api/v1/tickets/${t.id}`).set(auth('assist')).expect(200);
    const assisting = await world.http().get('/api/v1/workbench/tickets').query({ role: 'assist' }).set(auth('assist')).expect(200);
    expect(assisting.body.items.map((i: { id: string }) => i.id)).toContain(t.id);
    const police = await world.act(tokens.handler, t.id, 'assist', { unit: POLICE, note: '请公安协助' });
    expect(police.status).toBe(422);
    const twice = await world.act(tokens.handler, t.id, 'assist', { unit: 'FSO@220100', note: '再次' });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'INVALID_TRANSITION']);

    expect((await world.act(tokens.handler, t.id, 'return', {})).status).toBe(422);
    const returned = await world.act(tokens.handler, t.id, 'return', { reason: '不属于本单位职责' });
    expect(returned.body).toMatchObject({ status: 'RETURNED' });
    const triage = await world.http().get('/api/v1/console/triage').set(auth('operator')).expect(200);
    expect(triage.body.items.map((i: { id: string }) => i.id)).toContain(t.id);
  });

  it('pauses a complaint’s clock and moves its deadline by the working days paused', async () => {
    time.at('2026-03-16T02:00:00Z');
    const t = await world.dispatchedTicket({ kind: 'COMPLAINT' });
    const accepted = await world.act(tokens.handler, t.id, 'accept');
    // 45 working days from Monday 03-16, skipping Qingming (04-04..06) and Labour Day (05-01..05), counting make-up Saturday 05-09
    expect(accepted.body.deadlines.resolveBy).toBe('2026-05-21T15:59:59.999Z');
    time.at('2026-03-18T03:00:00Z'); // Wednesday
    const paused = await world.act(tokens.handler, t.id, 'pause', { reason: 'WAITING_REPORTER' });
    expect(paused.body.case.paused).toMatchObject({ reason: 'WAITING_REPORTER', from: '2026-03-18T03:00:00.000Z' });
    time.at('2026-03-23T01:00:00Z'); // Monday after: 03-19, 03-20, 03-23 paused
    const resumed = await world.act(tokens.handler, t.id, 'resume');
    expect(resumed.body.case.paused).toBeNull();
    expect(resumed.body.case.pauses).toEqual([{ reason: 'WAITING_REPORTER', from: '2026-03-18T03:00:00.000Z', to: '2026-03-23T01:00:00.000Z', workingDays: 3 }]);
    expect(resumed.body.deadlines.resolveBy).toBe('2026-05-26T15:59:59.999Z');
    time.at('2026-03-16T02:00:00Z');
  });

  it('walks a transfer: proposal, refusal, approval, police extension, decline, reconsideration once, and a police acceptance that closes', async () => {
    const t = await world.dispatchedTicket({ kind: 'REPORT' });
    await world.act(tokens.handler, t.id, 'accept');
    await world.act(tokens.handler, t.id, 'file-case', { caseNumber: '长市监立〔2026〕200号' });
    const proposed = await world.act(tokens.handler, t.id, 'transfer', { reason: '涉案金额较大，涉嫌生产销售伪劣产品罪' });
    expect(proposed.body).toMatchObject({ status: 'IN_PROGRESS', case: { transfer: { state: 'PROPOSED', reason: '涉案金额较大，涉嫌生产销售伪劣产品罪' } } });
    expect(proposed.body.deadlines.transferDecisionBy).toBe('2026-03-19T15:59:59.999Z');
    const byHandler = await world.act(tokens.handler, t.id, 'transfer/approve');
    expect([byHandler.status, byHandler.body.error.code]).toEqual([403, 'FORBIDDEN']);
    const refused = await world.act(tokens.head, t.id, 'transfer/refuse', { reason: '证据不足，补充后再报' });
    expect(refused.body.case.transfer).toMatchObject({ state: 'REFUSED', refusedReason: '证据不足，补充后再报' });
    await world.http().get(`/api/v1/tickets/${t.id}`).set(auth('police')).expect(404);

    await world.act(tokens.handler, t.id, 'transfer', { reason: '补充证据后再次提请移送' });
    const approved = await world.act(tokens.head, t.id, 'transfer/approve', { rewardLevel: 'L1' });
    expect(approved.body).toMatchObject({ status: 'TRANSFERRED_TO_POLICE', case: { transfer: { state: 'WITH_POLICE', policeUnit: POLICE, rewardLevel: 'L1' } } });
    expect(approved.body.deadlines).toMatchObject({ handOverBy: '2026-03-17T02:00:00.000Z', policeDecisionBy: '2026-03-19T15:59:59.999Z' });

    await world.http().get(`/api/v1/tickets/${t.id}`).set(auth('police')).expect(200);
    await world.http().get(`/api/v1/tickets/${t.id}`).set(auth('otherPolice')).expect(404);
    const inbox = await world.http().get('/api/v1/police/transfers').query({ state: 'WITH_POLICE' }).set(auth('police')).expect(200);
    expect(inbox.body.items.map((i: { id: string }) => i.id)).toContain(t.id);
    const notices = await world.http().get('/api/v1/notifications').set(auth('police')).expect(200);
    expect(notices.body.items.map((n: { kind: string; ticketId: string }) => [n.kind, n.ticketId])).toContainEqual(['TRANSFER_WITH_POLICE', t.id]);
    const closeMeanwhile = await world.act(tokens.police, t.id, 'close', { outcome: 'NO_CASE', reason: '公安不办' });
    expect([closeMeanwhile.status, closeMeanwhile.body.error.code]).toEqual([403, 'FORBIDDEN']);
    const unitCloses = await world.act(tokens.handler, t.id, 'close', { outcome: 'NO_CASE', reason: '等不及公安' });
    expect([unitCloses.status, unitCloses.body.error.code]).toEqual([409, 'INVALID_TRANSITION']);

    const extended = await world.act(tokens.police, t.id, 'transfer/extend', { reason: '需调取银行流水' });
    expect(extended.body.deadlines.policeDecisionBy).toBe('2026-03-26T15:59:59.999Z');
    expect((await world.act(tokens.police, t.id, 'transfer/extend', { reason: '再延' })).status).toBe(409);
    const declined = await world.act(tokens.police, t.id, 'transfer/decide', { decision: 'DECLINED', reason: '未达立案追诉标准' });
    expect(declined.body).toMatchObject({ status: 'IN_PROGRESS', outcome: null, case: { transfer: { state: 'DECLINED', decision: 'DECLINED' } } });
    expect((await world.act(tokens.handler, t.id, 'transfer/reconsider', { reason: '复议' })).status).toBe(403);
    const again = await world.act(tokens.head, t.id, 'transfer/reconsider', { reason: '涉案数额经鉴定已达标准，提请复议' });
    expect(again.body).toMatchObject({ status: 'TRANSFERRED_TO_POLICE', case: { transfer: { state: 'WITH_POLICE', reconsiderationRequested: true } } });
    await world.act(tokens.police, t.id, 'transfer/decide', { decision: 'DECLINED', reason: '维持不予立案' });
    const twice = await world.act(tokens.head, t.id, 'transfer/reconsider', { reason: '再次复议' });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'INVALID_TRANSITION']);

    const oversight = await world.http().get('/api/v1/oversight/transfers').query({ concern: 'DECLINED' }).set(auth('prosecutor')).expect(200);
    expect(oversight.body.items.find((i: { id: string }) => i.id === t.id)).toMatchObject({ concern: 'DECLINED', transferState: 'DECLINED' });
    await world.http().get('/api/v1/oversight/transfers').set(auth('handler')).expect(403);
    await world.http().get(`/api/v1/tickets/${t.id}`).set(auth('prosecutor')).expect(200);
    expect((await world.act(tokens.prosecutor, t.id, 'transfer/decide', { decision: 'ACCEPTED', reason: '检察建议立案' })).status).toBe(403);

    const second = await world.dispatchedTicket({ kind: 'REPORT' });
    await world.act(tokens.handler, second.id, 'accept');
    await world.act(tokens.handler, second.id, 'transfer', { reason: '窝点生产，涉嫌犯罪' });
    await world.act(tokens.head, second.id, 'transfer/approve', { rewardLevel: 'L3' });
    const byOtherPolice = await world.act(tokens.otherPolice, second.id, 'transfer/decide', { decision: 'ACCEPTED', reason: '立案' });
    expect(byOtherPolice.status).toBe(404);
    const accepted = await world.act(tokens.police, second.id, 'transfer/decide', { decision: 'ACCEPTED', reason: '已立案侦查' });
    expect(accepted.body).toMatchObject({ status: 'CLOSED', outcome: 'TRANSFERRED', case: { closure: { outcome: 'TRANSFERRED', rewardLevel: 'L3' }, transfer: { state: 'ACCEPTED' } } });
    expect(closed.find((e) => e.ticketId === second.id)).toMatchObject({ outcome: 'TRANSFERRED', rewardLevel: 'L3' });
  });

  it('pages the workbench by the unit, filtered by status and deadline colour', async () => {
    time.at('2026-03-17T01:00:00Z');
    const a = await world.dispatchedTicket({ kind: 'COMPLAINT' });
    time.at('2026-03-17T02:00:00Z');
    const b = await world.dispatchedTicket({ kind: 'COMPLAINT' });
    time.at('2026-03-17T03:00:00Z');
    await world.dispatchedTicket({ kind: 'COMPLAINT', unit: 'AIC@220200' });
    time.at('2026-03-16T02:00:00Z');
    const first = await world.http().get('/api/v1/workbench/tickets').query({ status: 'DISPATCHED', limit: 1 }).set(auth('handler')).expect(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.items[0]).toMatchObject({ id: b.id, role: 'lead', deadlineState: 'ok', nextDeadline: { clock: 'acceptBy', at: b.deadlines.acceptBy } });
    const second = await world.http().get('/api/v1/workbench/tickets').query({ status: 'DISPATCHED', limit: 1, cursor: first.body.nextCursor }).set(auth('handler')).expect(200);
    expect(second.body.items[0].id).toBe(a.id);
    expect(second.body.total).toBe(first.body.total);
    const all = await world.http().get('/api/v1/workbench/tickets').query({ status: 'DISPATCHED', limit: 200 }).set(auth('handler')).expect(200);
    expect(all.body.items.every((i: { leadUnit: string }) => i.leadUnit === LEAD)).toBe(true);
    const overdue = await world.http().get('/api/v1/workbench/tickets').query({ deadline: 'overdue' }).set(auth('handler')).expect(200);
    expect(overdue.body).toEqual({ items: [], total: 0, nextCursor: null });
    const bad = await world.http().get('/api/v1/workbench/tickets').query({ deadline: 'late', status: 'OPEN' }).set(auth('handler')).expect(422);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['deadline', 'status']);
    await world.http().get('/api/v1/workbench/tickets').set(auth('operator')).expect(403);
    await world.http().get('/api/v1/workbench/overdue').set(auth('head')).expect(200);
    await world.http().get('/api/v1/workbench/overdue').set(auth('supervisor')).expect(200);
    await world.http().get('/api/v1/workbench/overdue').set(auth('handler')).expect(403);
  });

  it('records findings with files and shows the subject’s other tickets', async () => {
    const uscc = '91220101MA0Y3K2X1A';
    const earlier = await world.dispatchedTicket({ kind: 'REPORT', subject: { name: '长春市宏达超市有限公司', uscc } });
    const t = await world.dispatchedTicket({ kind: 'REPORT', subject: { name: '长春市宏达超市有限公司', uscc } });
    const tooEarly = await world.http().post(`/api/v1/tickets/${t.id}/findings`).set(auth('handler')).send({ text: '现场检查' });
    expect([tooEarly.status, tooEarly.body.error.code]).toEqual([409, 'INVALID_TRANSITION']);
    await world.act(tokens.handler, t.id, 'accept');
    const recorded = await world
      .http()
      .post(`/api/v1/tickets/${t.id}/findings`)
      .set(auth('handler'))
      .field('text', '现场检查发现涉事奶粉 32 罐，生产日期被涂改')
      .attach('files', Buffer.from('%PDF-1.4 inspection record'), { filename: '检查笔录.pdf', contentType: 'application/pdf' })
      .expect(201);
    expect(recorded.body).toMatchObject({ text: '现场检查发现涉事奶粉 32 罐，生产日期被涂改', attachments: [{ fileName: '检查笔录.pdf', mimeType: 'application/pdf', sizeBytes: 26 }] });
    const file = await world.http().get(`/api/v1/tickets/${t.id}/attachments/${recorded.body.attachments[0].id}`).set(auth('head')).expect(200);
    expect(Buffer.from(file.body).toString()).toBe('%PDF-1.4 inspection record');
    await world.http().get(`/api/v1/tickets/${t.id}/findings`).set(auth('other')).expect(404);
    await world.http().post(`/api/v1/tickets/${t.id}/findings`).set(auth('supervisor')).send({ text: '督办意见' }).expect(403);
    const listed = await world.http().get(`/api/v1/tickets/${t.id}/findings`).set(auth('supervisor')).expect(200);
    expect(listed.body.items).toHaveLength(1);

    const subject = await world.http().get(`/api/v1/tickets/${t.id}/subject-tickets`).set(auth('handler')).expect(200);
    expect(subject.body.items).toContainEqual(expect.objectContaining({ id: earlier.id, matchedBy: 'USCC' }));
    expect(subject.body.items.map((i: { id: string }) => i.id)).not.toContain(t.id);
  });
});
