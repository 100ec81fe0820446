import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { execFileSync } from 'node:child_process';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { RedisClient } from '@hub/core';
import { RewardsService } from '@hub/rewards';
import { closeCase, CaseClose, createTestApi, createTestWorker, namedReporter, resetDatabase, staffToken, TEST_ENV, tipBody, waitFor } from '@hub/testing';
import { WorkerModule } from '../../worker/src/worker.module';
import { ApiModule } from '../src/api.module';

const YEAR = Number(new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 4));
const yuan = (n: number) => n * 100;

interface Tip {
  trackingCode: string;
  pin: string;
  ticketId: string;
}

describe('rewards: from a portal tip to the payout, every fen in the ledger', () => {
  let app: INestApplication;
  let worker: INestApplicationContext;
  let db: DataSource;
  let officer: string;
  let officer2: string;
  let finance: string;
  let admin: string;
  let handler: string;
  let operator: string;
  let address = 0;
  const http = () => request(app.getHttpServer());
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const from = () => ({ 'X-Forwarded-For': `192.0.2.${++address % 250}` });
  /** tipsters' personal data used below: none of it may be readable in a dump of the database */
  const clearValues: string[] = [];

  const submitTip = async (body: Record<string, unknown> = tipBody()): Promise<Tip> => {
    const res = await http().post('/api/v1/public/tips').set(from()).send(body).expect(201);
    const [{ id }] = await db.query(`SELECT id FROM tickets WHERE tracking_code = $1`, [res.body.trackingCode]);
    await waitFor(async () => ((await db.query(`SELECT status FROM tickets WHERE id = $1`, [id]))[0].status === 'DISPATCHED' ? true : undefined));
    return { ...res.body, ticketId: id };
  };
  const closedTip = async (close: CaseClose, body?: Record<string, unknown>) => {
    const tip = await submitTip(body);
    await closeCase(app, tip.ticketId, close, handler);
    const list = (await http().get(`/api/v1/rewards?ticketId=${tip.ticketId}`).set(as(officer)).expect(200)).body;
    return { ...tip, reward: list.items[0] };
  };
  const status = (tip: Tip) => http().post('/api/v1/public/tips/status').set(from()).send({ trackingCode: tip.trackingCode, pin: tip.pin }).expect(200).then((r) => r.body);
  const approve = (id: string, token = officer) => http().post(`/api/v1/rewards/${id}/approve`).set(as(token)).send({ reason: '证据确凿' });
  const budget = async (department = 'AIC') =>
    ((await http().get(`/api/v1/budgets?year=${YEAR}`).set(as(finance)).expect(200)).body.items as Array<Record<string, number | string>>).find((b) => b.department === department);
  const grant = (amountFen: number, department = 'AIC') => http().post('/api/v1/budgets').set(as(admin)).send({ department, year: YEAR, amountFen, note: '年度举报奖励经费' }).expect(201);
  const reconciled = async () => (await http().get(`/api/v1/rewards/reconciliation?year=${YEAR}`).set(as(officer)).expect(200)).body;

  beforeAll(async () => {
    app = await createTestApi(ApiModule);
    db = app.get(DataSource);
    await resetDatabase(db);
    const redis = app.get(RedisClient).redis;
    const keys = await redis.keys(`${TEST_ENV.REDIS_PREFIX}:tips:*`);
    if (keys.length > 0) await redis.del(...keys);
    worker = await createTestWorker(WorkerModule);
    [officer, officer2, finance, admin, handler, operator] = await Promise.all([
      staffToken(app, { username: 'reward.officer', roles: ['REWARD_OFFICER'] }),
      staffToken(app, { username: 'reward.officer2', roles: ['REWARD_OFFICER'] }),
      staffToken(app, { username: 'finance', roles: ['FINANCE'] }),
      staffToken(app, { username: 'admin.rewards', roles: ['ADMIN'] }),
      staffToken(app, { username: 'aic.cc.handler', roles: ['HANDLER'], unit: 'AIC@220100' }),
      staffToken(app, { username: 'op.rewards', roles: ['OPERATOR'] }),
    ]);
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await app?.close();
  });

  it('refuses concurrent approvals that would overspend the budget: exactly what fits is committed', async () => {
    await grant(yuan(10_000));
    const tips = await Promise.all([0, 1, 2, 3].map(() => closedTip({ outcome: 'PENALIZED', rewardLevel: 'L1' })));
    expect(tips.map((t) => t.reward.amountFen)).toEqual([yuan(5_000), yuan(5_000), yuan(5_000), yuan(5_000)]);
    const answers = await Promise.all(tips.map((t, i) => approve(t.reward.id, i % 2 ? officer2 : officer)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 409, 409]);
    for (const refused of answers.filter((a) => a.status === 409)) {
      expect(refused.body.error).toMatchObject({ code: 'BUDGET_EXCEEDED' });
      expect(refused.body.availableFen).toBe(0);
    }
    expect(await budget()).toEqual({ department: 'AIC', year: YEAR, grantedFen: yuan(10_000), committedFen: yuan(10_000), paidFen: 0, availableFen: 0 });
    const states = await Promise.all(tips.map(async (t) => (await http().get(`/api/v1/rewards/${t.reward.id}`).set(as(officer)).expect(200)).body.state));
    expect(states.sort()).toEqual(['NOTIFIED', 'NOTIFIED', 'PROPOSED', 'PROPOSED']);
    expect((await reconciled()).ok).toBe(true);
  });

  it('walks a named tip from the portal to PAID: proposal at close, approval, notice, claim, payout', async () => {
    await grant(yuan(100_000));
    const tipster = namedReporter('孙立新', '13804315566', '22010419851112002X');
    const payout = { name: '孙立新', idNumber: '22010419851112002X', bankName: '中国建设银行长春分行', accountNumber: '6217 0001 2345 6789 012' };
    clearValues.push('孙立新', '13804315566', '8613804315566', '22010419851112002X', '6217 0001 2345');
    const tip = await closedTip({ outcome: 'PENALIZED', fineFen: yuan(150_000), confiscationFen: yuan(50_000), rewardLevel: 'L1' }, tipBody({ reporter: tipster }));
    expect(tip.reward).toMatchObject({ state: 'PROPOSED', level: 'L1', amountFen: yuan(10_000), baseFen: yuan(200_000), department: 'AIC', needsFinance: false, trackingCode: tip.trackingCode, subjectName: '长春市红旗街惠民超市', productName: '白酒', decisionNumber: expect.stringMatching(/^长市监罚〔2026〕/) });
    expect(JSON.stringify(tip.reward)).not.toContain('孙立新');
    expect(Date.parse(tip.reward.noticeBy)).toBeGreaterThan(Date.now() + 14 * 86400_000);

    expect((await status(tip)).reward).toEqual({ state: 'PROPOSED', stateText: '奖励审核中', amountFen: yuan(10_000), claimBy: null, claimedAt: null, paidAt: null });
    const seenBy = async (token: string) => (await http().get(`/api/v1/tickets/${tip.ticketId}`).set(as(token)).expect(200)).body.reward;
    expect(await seenBy(officer)).toEqual({ id: tip.reward.id, state: 'PROPOSED', level: 'L1', amountFen: yuan(10_000) });
    expect(await seenBy(handler)).toEqual({ id: tip.reward.id, state: 'PROPOSED', level: 'L1', amountFen: yuan(10_000) });
    expect(await seenBy(operator)).toBeNull();
    await http().get(`/api/v1/tickets/${tip.ticketId}`).set(as(finance)).expect(404);

    const claimTooEarly = await http().post('/api/v1/public/tips/claim').set(from()).send({ trackingCode: tip.trackingCode, pin: tip.pin, payout }).expect(409);
    expect(claimTooEarly.body.error.code).toBe('NO_REWARD_TO_CLAIM');

    const approved = (await approve(tip.reward.id).expect(200)).body;
    expect(approved).toMatchObject({ state: 'NOTIFIED', budgetYear: YEAR, officerApproval: { by: 'reward.officer' }, financeApproval: null });
    expect(Date.parse(approved.claimBy)).toBeGreaterThan(Date.now() + 29 * 86400_000);
    const notified = await status(tip);
    expect(notified.reward).toMatchObject({ state: 'NOTIFIED', amountFen: yuan(10_000), claimBy: approved.claimBy });

    const badClaim = await http().post('/api/v1/public/tips/claim').set(from()).send({ trackingCode: tip.trackingCode, pin: tip.pin, payout: { ...payout, idNumber: '220104198511120021', accountNumber: '12ab' } }).expect(422);
    expect(badClaim.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['payout.accountNumber', 'payout.idNumber']);
    const claimed = (await http().post('/api/v1/public/tips/claim').set(from()).send({ trackingCode: tip.trackingCode, pin: tip.pin, payout }).expect(200)).body;
    expect(claimed.reward).toMatchObject({ state: 'CLAIMED', stateText: '已提交领取信息，等待发放' });
    await http().post('/api/v1/public/tips/claim').set(from()).send({ trackingCode: tip.trackingCode, pin: tip.pin, payout }).expect(409);

    await http().post(`/api/v1/rewards/${tip.reward.id}/payee/reveal`).set(as(finance)).send({ reason: '核对领奖人' }).expect(403);
    const payee = (await http().post(`/api/v1/rewards/${tip.reward.id}/payee/reveal`).set(as(officer)).send({ reason: '发放奖励，核对领奖人身份' }).expect(200)).body;
    expect(payee).toEqual({
      reporter: { anonymous: false, name: '孙立新', phone: '+8613804315566', idNumber: '22010419851112002X' },
      payout: { name: '孙立新', idNumber: '22010419851112002X', bankName: '中国建设银行长春分行', accountNumber: '6217000123456789012' },
    });
    clearValues.push('6217000123456789012');
    const paid = (await http().post(`/api/v1/rewards/${tip.reward.id}/pay`).set(as(officer)).send({ voucherNumber: '付-2026-000123' }).expect(200)).body;
    expect(paid).toMatchObject({ state: 'PAID', voucherNumber: '付-2026-000123' });
    expect((await status(tip)).reward).toMatchObject({ state: 'PAID', stateText: '奖励已发放', paidAt: paid.paidAt });

    const history = (await http().get(`/api/v1/tickets/${tip.ticketId}/history`).set(as(officer)).expect(200)).body as Array<{ action: string; reason: string | null }>;
    expect(history.map((h) => h.action).filter((a) => a.startsWith('REWARD_') || a === 'PAYEE_REVEALED')).toEqual([
      'REWARD_PROPOSED', 'REWARD_APPROVED', 'REWARD_NOTIFIED', 'REWARD_CLAIMED', 'PAYEE_REVEALED', 'REWARD_PAID',
    ]);
    expect(history.find((h) => h.action === 'PAYEE_REVEALED')?.reason).toBe('发放奖励，核对领奖人身份');
    const ledger = (await http().get(`/api/v1/rewards/ledger?rewardId=${tip.reward.id}`).set(as(finance)).expect(200)).body.items;
    expect(ledger.map((e: { kind: string; amountFen: number }) => [e.kind, e.amountFen])).toEqual([['PAYOUT', yuan(10_000)], ['COMMITMENT', yuan(10_000)]]);
    expect(await budget()).toMatchObject({ grantedFen: yuan(110_000), committedFen: yuan(10_000), paidFen: yuan(10_000), availableFen: yuan(90_000) });
    expect(await reconciled()).toMatchObject({ ok: true, problems: [] });
  });

  it('needs FINANCE after the reward officer from ¥500,000, by another person', async () => {
    await grant(yuan(1_000_000));
    const tip = await closedTip({ outcome: 'PENALIZED', fineFen: yuan(10_000_000), rewardLevel: 'L1' });
    expect(tip.reward).toMatchObject({ amountFen: yuan(500_000), needsFinance: true });
    await approve(tip.reward.id, finance).expect(403);
    const first = (await approve(tip.reward.id).expect(200)).body;
    expect(first).toMatchObject({ state: 'PROPOSED', officerApproval: { by: 'reward.officer' }, financeApproval: null });
    expect((await approve(tip.reward.id, officer2).expect(409)).body.error.code).toBe('AWAITING_FINANCE');
    const financeQueue = (await http().get('/api/v1/rewards?state=PROPOSED').set(as(finance)).expect(200)).body;
    expect(financeQueue.items.map((r: { id: string }) => r.id)).toEqual([tip.reward.id]);
    const before = await budget();
    const second = (await approve(tip.reward.id, finance).expect(200)).body;
    expect(second).toMatchObject({ state: 'NOTIFIED', financeApproval: { by: 'finance' } });
    expect(await budget()).toMatchObject({ committedFen: Number(before!.committedFen) + yuan(500_000) });
    const small = (await http().get('/api/v1/rewards').set(as(officer)).expect(200)).body.items.find((r: { amountFen: number }) => r.amountFen < yuan(500_000));
    await http().get(`/api/v1/rewards/${small.id}`).set(as(finance)).expect(404);
    await approve(small.id, finance).expect(404);
  });

  it('expires a reward not claimed within 30 working days and releases its commitment', async () => {
    const tip = await closedTip({ outcome: 'PENALIZED', fineFen: yuan(60_000), rewardLevel: 'L2' });
    expect(tip.reward.amountFen).toBe(yuan(3_000));
    const approved = (await approve(tip.reward.id).expect(200)).body;
    const before = await budget();
    const rewards = app.get(RewardsService);
    const claimBy = new Date(approved.claimBy);
    const notified = (await http().get('/api/v1/rewards?state=NOTIFIED').set(as(officer)).expect(200)).body;
    expect(notified.items.map((r: { id: string }) => r.id)).toContain(tip.reward.id);
    await expect(rewards.expireDue(new Date(claimBy.getTime() - 1))).resolves.toBe(0);
    await expect(rewards.expireDue(new Date(claimBy.getTime() + 1))).resolves.toBe(notified.total);
    await expect(rewards.expireDue(new Date(claimBy.getTime() + 2))).resolves.toBe(0);
    expect((await status(tip)).reward).toMatchObject({ state: 'EXPIRED', stateText: '逾期未领取' });
    await http().post('/api/v1/public/tips/claim').set(from()).send({ trackingCode: tip.trackingCode, pin: tip.pin, payout: { name: '李明', idNumber: '22010219900307123' + '5', bankName: '工商银行', accountNumber: '6222020200112233' } }).expect(409);
    const released = notified.items.reduce((sum: number, r: { amountFen: number }) => sum + r.amountFen, 0);
    expect(await budget()).toMatchObject({ committedFen: Number(before!.committedFen) - released, availableFen: Number(before!.availableFen) + released });
    const ledger = (await http().get(`/api/v1/rewards/ledger?rewardId=${tip.reward.id}`).set(as(officer)).expect(200)).body.items;
    expect(ledger.map((e: { kind: string }) => e.kind)).toEqual(['EXPIRY_RELEASE', 'COMMITMENT']);
    expect((await reconciled()).ok).toBe(true);
  });

  it('rejects with a reason and an exclusion; a notified reward’s commitment is reversed', async () => {
    const proposed = await closedTip({ outcome: 'PENALIZED', rewardLevel: 'L3' });
    const rejected = (await http().post(`/api/v1/rewards/${proposed.reward.id}/reject`).set(as(officer)).send({ reason: '举报人系该案执法部门工作人员', exclusion: 'HANDLING_STAFF' }).expect(200)).body;
    expect(rejected).toMatchObject({ state: 'REJECTED', rejectReason: '举报人系该案执法部门工作人员', exclusion: 'HANDLING_STAFF' });
    expect((await status(proposed)).reward).toMatchObject({ state: 'REJECTED', stateText: '未予奖励' });
    expect(JSON.stringify(await status(proposed))).not.toContain('工作人员');
    await approve(proposed.reward.id).expect(409);

    const notified = await closedTip({ outcome: 'PENALIZED', rewardLevel: 'L3' });
    await approve(notified.reward.id).expect(200);
    const before = await budget();
    await http().post(`/api/v1/rewards/${notified.reward.id}/reject`).set(as(officer)).send({ reason: '举报人为违法行为人' , exclusion: 'VIOLATOR' }).expect(200);
    expect(await budget()).toMatchObject({ availableFen: Number(before!.availableFen) + yuan(1_000) });
    const ledger = (await http().get(`/api/v1/rewards/ledger?rewardId=${notified.reward.id}`).set(as(officer)).expect(200)).body.items;
    expect(ledger.map((e: { kind: string }) => e.kind)).toEqual(['REVERSAL', 'COMMITMENT']);
    expect((await reconciled()).ok).toBe(true);
  });

  it('proposes the level given at the transfer approval once the police accept the case (TRANSFERRED, floor without a fine)', async () => {
    const [head, police] = await Promise.all([
      staffToken(app, { username: 'aic.cc.head', roles: ['UNIT_HEAD'], unit: 'AIC@220100' }),
      staffToken(app, { username: 'police.cc', roles: ['POLICE_LIAISON'], unit: 'POLICE@220100' }),
    ]);
    const tip = await submitTip();
    const act = async (token: string, action: string, body: Record<string, unknown> = {}) => {
      const { version } = (await http().get(`/api/v1/tickets/${tip.ticketId}`).set(as(token)).expect(200)).body;
      return http().post(`/api/v1/tickets/${tip.ticketId}/${action}`).set(as(token)).send({ version, ...body }).expect(200);
    };
    await act(handler, 'accept');
    await act(handler, 'file-case', { caseNumber: '长市监立〔2026〕900号' });
    await act(handler, 'transfer', { reason: '涉案金额巨大，涉嫌生产销售伪劣产品罪' });
    await act(head, 'transfer/approve', { rewardLevel: 'L2' });
    expect((await http().get(`/api/v1/rewards?ticketId=${tip.ticketId}`).set(as(officer)).expect(200)).body.items).toEqual([]);
    const closed = (await act(police, 'transfer/decide', { decision: 'ACCEPTED', reason: '符合立案标准，予以立案' })).body;
    expect(closed).toMatchObject({ status: 'CLOSED', outcome: 'TRANSFERRED' });
    const [reward] = (await http().get(`/api/v1/rewards?ticketId=${tip.ticketId}`).set(as(officer)).expect(200)).body.items;
    expect(reward).toMatchObject({ state: 'PROPOSED', level: 'L2', amountFen: yuan(3_000), baseFen: 0, department: 'AIC' });
    expect((await status(tip)).statusText).toBe('已办结');
  });

  it('rewards only a penalized report, and writes why a proposal was refused', async () => {
    const noCase = await closedTip({ outcome: 'NO_CASE', rewardLevel: 'L1' });
    expect(noCase.reward).toBeUndefined();
    const history = (await http().get(`/api/v1/tickets/${noCase.ticketId}/history`).set(as(operator)).expect(200)).body as Array<{ action: string; reason: string }>;
    expect(history.find((h) => h.action === 'REWARD_NOT_ELIGIBLE')?.reason).toContain('NO_CASE');
    const complaint = await closedTip({ outcome: 'PENALIZED', fineFen: yuan(10_000), rewardLevel: 'L1' }, tipBody({ kind: 'COMPLAINT' }));
    expect(complaint.reward).toBeUndefined();
    expect((await http().get(`/api/v1/tickets/${complaint.ticketId}`).set(as(handler)).expect(200)).body).toMatchObject({ status: 'CLOSED', outcome: 'PENALIZED', reward: null });
  });

  it('rewards the earliest report of a matter, also when it was merged into a later ticket', async () => {
    const earlier = await submitTip(tipBody({ reporter: namedReporter('周晓燕', '13604312233', '220102199003071235') }));
    clearValues.push('周晓燕', '13604312233');
    const later = await submitTip();
    const version = (await http().get(`/api/v1/tickets/${earlier.ticketId}`).set(as(operator)).expect(200)).body.version;
    await http().post(`/api/v1/console/tickets/${earlier.ticketId}/claim`).set(as(operator)).expect(200);
    await http().post(`/api/v1/console/tickets/${earlier.ticketId}/merge`).set(as(operator)).send({ version, masterId: later.ticketId }).expect(200);
    await closeCase(app, later.ticketId, { outcome: 'PENALIZED', fineFen: yuan(300_000), rewardLevel: 'L2' }, handler);
    const rewards = (await http().get('/api/v1/rewards').set(as(officer)).expect(200)).body.items.filter((r: { ticketId: string }) => [earlier.ticketId, later.ticketId].includes(r.ticketId));
    expect(rewards).toEqual([expect.objectContaining({ ticketId: earlier.ticketId, amountFen: yuan(9_000), state: 'PROPOSED' })]);
    expect((await status(earlier)).reward).toMatchObject({ state: 'PROPOSED', amountFen: yuan(9_000) });
    expect((await status(later)).reward).toBeNull();
    expect((await status(earlier)).statusText).toBe('已与反映同一事项的工单合并办理：已办结');
    expect((await http().get(`/api/v1/tickets/${later.ticketId}`).set(as(handler)).expect(200)).body.reward).toMatchObject({ amountFen: yuan(9_000) });
  });

  it('keeps the ledger append-only and budgets only for ADMIN', async () => {
    await expect(db.query(`UPDATE reward_ledger SET amount_fen = 1`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM reward_ledger`)).rejects.toThrow(/append-only/);
    await http().post('/api/v1/budgets').set(as(officer)).send({ department: 'AIC', year: YEAR, amountFen: 100 }).expect(403);
    const bad = await http().post('/api/v1/budgets').set(as(admin)).send({ department: 'NOPE', year: YEAR, amountFen: 1.5 }).expect(422);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['amountFen', 'department']);
    await http().get('/api/v1/rewards').set(as(handler)).expect(403);
  });

  it('leaves no tipster name, phone, ID number or payout account readable in a dump of the database', () => {
    const dump = execFileSync('pg_dump', ['-h', TEST_ENV.DATABASE_HOST, '-p', TEST_ENV.DATABASE_PORT, '-U', TEST_ENV.DATABASE_USER, '--data-only', TEST_ENV.DATABASE_NAME], { maxBuffer: 512 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] }).toString('utf8');
    // the dump holds the tickets' other text in clear, so a clear tipster value would show
    expect(dump).toContain('长春市红旗街惠民超市');
    expect(clearValues.length).toBeGreaterThan(5);
    for (const value of clearValues) expect({ value, found: dump.includes(value) }).toEqual({ value, found: false });
  });
});
