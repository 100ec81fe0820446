import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuthService } from '@hub/auth';
import { AppConfig, QUEUES } from '@hub/core';
import { readLabelledSet, RetrainService, RoutingModels } from '@hub/routing';
import { unitFor } from '@hub/taxonomy';
import { amberPriceDecisions, createTestApi, createTestWorker, insertOperatorDecisions, loadSamples, login, postFeed, resetDatabase, Sample, sampleRequest, staffToken, waitFor } from '@hub/testing';
import { WorkerModule } from '../../worker/src/worker.module';
import { ApiModule } from '../src/api.module';

describe('routing: every ticket reaches the right unit or an operator, with reasons', () => {
  let app: INestApplication;
  let worker: INestApplicationContext;
  let db: DataSource;
  let operator: string;
  let admin: string;
  const http = () => request(app.getHttpServer());
  const labelled = new Map(readLabelledSet().map((r) => [r.id, r]));

  beforeAll(async () => {
    app = await createTestApi(ApiModule);
    db = app.get(DataSource);
    await resetDatabase(db);
    await app.get<Queue>(getQueueToken(QUEUES.tickets)).obliterate({ force: true });
    worker = await createTestWorker(WorkerModule);
    operator = await staffToken(app, { username: 'op.route', roles: ['OPERATOR'] });
    await app.get(AuthService).ensureFirstAdmin();
    admin = await login(app, 'admin', 'admin-demo-2026');
  });

  afterAll(async () => {
    await worker.close();
    await app.close();
  });

  const routed = (ticketId: string) =>
    waitFor(async () => {
      const t = (await http().get(`/api/v1/tickets/${ticketId}`).set('Authorization', `Bearer ${operator}`)).body;
      return t.status !== 'RECEIVED' ? t : undefined;
    }, 5000, 25);

  /** The labelled record of a sample (by its P-number), or of a batch row (by its words). */
  const truthOf = (sample: Sample, description: string) => {
    const id = /P\d{3}/.exec(sample.file)?.[0];
    const row = sample.rows?.find((r) => description.includes(r.expect.descriptionContains));
    return id ? labelled.get(id) : [...labelled.values()].find((r) => !!row && r.text.includes(row.expect.descriptionContains));
  };

  it('proposes the labelled lead unit for every sample, dispatching it when confident and holding it in triage otherwise', async () => {
    const threshold = app.get(AppConfig).env.AUTO_ROUTE_THRESHOLD;
    const outcomes: Array<{ sample: string; status: string; leadUnit: string; expected: string }> = [];
    for (const sample of loadSamples()) {
      const { body, contentType } = sampleRequest(sample);
      const res = await postFeed(app.getHttpServer(), sample.feed, body, contentType).expect(202);
      for (const accepted of res.body.accepted) {
        const t = await routed(accepted.ticketId);
        expect(t.classification).toEqual(expect.objectContaining({ category: expect.any(String), confidence: expect.any(Number), explanation: expect.stringContaining('类别') }));
        expect(t.routing).toEqual(expect.objectContaining({ ruleSetVersion: expect.any(String), ruleId: expect.any(String), leadUnit: expect.stringMatching(/^[A-Z]+@\d{6}$/) }));
        expect(Array.isArray(t.duplicateCandidates)).toBe(true);
        expect(t.status).toBe(t.classification.confidence >= threshold ? 'DISPATCHED' : 'TRIAGE');
        expect(t.routing.auto).toBe(t.status === 'DISPATCHED');
        const truth = truthOf(sample, t.description);
        expect(truth).toBeDefined();
        outcomes.push({ sample: `${sample.file}#${accepted.index ?? 0}`, status: t.status, leadUnit: t.routing.leadUnit, expected: unitFor(truth!.expected.lead, truth!.expected.region) });
      }
    }
    expect(outcomes.filter((o) => o.leadUnit !== o.expected)).toEqual([]);
    expect(outcomes).toHaveLength(23);
  });

  it('refines a 12316 call summary’s kind from its words and records the change', async () => {
    const [t] = await db.query(`SELECT id, kind FROM tickets WHERE external_id = 'CTI-20261126-0000113'`);
    expect(t.kind).toBe('REPORT');
    const [h] = await db.query(`SELECT reason FROM ticket_history WHERE ticket_id = $1 AND action = 'KIND_REFINED'`, [t.id]);
    expect(h.reason).toBe('COMPLAINT → REPORT');
  });

  it('flags a suspected crime for the unit without making POLICE an assist unit', async () => {
    const res = await postFeed(
      app.getHttpServer(),
      '12315',
      JSON.stringify({ gdbh: 'CRIME-1', ldsj: '2026-11-20 10:00:00', sjlx: '举报', sqnr: '举报长春市宽城区一个地下窝点大量生产假冒名牌白酒，团伙作案，一天能出货上千箱，酒里有工业酒精，危害人体健康' }),
      'application/json',
    ).expect(202);
    const t = await routed(res.body.accepted[0].ticketId);
    expect(t.flags).toContain('SUSPECTED_CRIME');
    expect(t.routing.assistUnits.some((u: string) => u.startsWith('POLICE'))).toBe(false);
  });

  it('proposes an open ticket on another hotline about the same matter as a duplicate', async () => {
    const text = '长春市朝阳区红旗街万佳福超市货架价签标198元的月饼礼盒，结账收了268元';
    const first = await postFeed(app.getHttpServer(), '12315', JSON.stringify({ gdbh: 'DUP-1', ldsj: '2026-11-20 10:00:00', sjlx: '投诉', sqnr: text, bsdx: { mc: '万佳福超市' }, xzqh: '220104' }), 'application/json').expect(202);
    await routed(first.body.accepted[0].ticketId);
    const form = `bh=DUP-2&sj=2026-11-21+9%3A05%3A07&lb=${gbkPercent('投诉')}&nr=${gbkPercent('来电人说在朝阳区红旗街的万佳福超市买月饼礼盒，价签198元结账收268元')}&dw=${gbkPercent('万佳福超市')}&dqdm=2201`;
    const second = await postFeed(app.getHttpServer(), '12312', form, 'application/x-www-form-urlencoded; charset=GBK').expect(202);
    const t = await routed(second.body.accepted[0].ticketId);
    expect(t.duplicateCandidates).toContain(first.body.accepted[0].ticketId);
  });

  describe('operators decide what the router was unsure of', () => {
    let ticketId: string;

    beforeAll(async () => {
      const res = await postFeed(app.getHttpServer(), '12315', JSON.stringify({ gdbh: 'TRIAGE-1', ldsj: '2026-11-20 10:00:00', sjlx: '咨询', sqnr: '想问一下这个东西怎么办' }), 'application/json').expect(202);
      ticketId = res.body.accepted[0].ticketId;
      // a question with no product and no conduct in it: the router cannot be sure
      expect((await routed(ticketId)).status).toBe('TRIAGE');
    });

    it('corrects the proposal, dispatches, and keeps the decision as a labelled example', async () => {
      await http().post(`/api/v1/console/tickets/${ticketId}/claim`).set('Authorization', `Bearer ${operator}`).expect(200);
      const before = (await http().get(`/api/v1/tickets/${ticketId}`).set('Authorization', `Bearer ${operator}`)).body;
      const stale = await http().post(`/api/v1/console/tickets/${ticketId}/decide`).set('Authorization', `Bearer ${operator}`).send({ version: before.version - 1, category: 'FOOD', violation: 'PRICE', stage: 'CIRCULATION' }).expect(409);
      expect(stale.body.error.code).toBe('STALE_VERSION');
      const res = await http()
        .post(`/api/v1/console/tickets/${ticketId}/decide`)
        .set('Authorization', `Bearer ${operator}`)
        .send({ version: before.version, category: 'FOOD', violation: 'PRICE', stage: 'CIRCULATION' })
        .expect(200);
      expect(res.body).toMatchObject({ status: 'DISPATCHED', classification: { category: 'FOOD', violation: 'PRICE' }, routing: { ruleId: 'R2', leadUnit: 'PRICE@220000', auto: false } });
      const [example] = await db.query(`SELECT category, violation, stage, lead_unit FROM labelled_examples WHERE ticket_id = $1`, [ticketId]);
      expect(example).toEqual({ category: 'FOOD', violation: 'PRICE', stage: 'CIRCULATION', lead_unit: 'PRICE@220000' });
      await http().post(`/api/v1/console/tickets/${ticketId}/decide`).set('Authorization', `Bearer ${operator}`).send({ version: res.body.version, category: 'FOOD', violation: 'PRICE', stage: 'CIRCULATION' }).expect(409);
    });

    it('refuses a unit that does not exist and keeps decisions to operators', async () => {
      const res = await postFeed(app.getHttpServer(), '12315', JSON.stringify({ gdbh: 'TRIAGE-2', ldsj: '2026-11-20 10:00:00', sjlx: '咨询', sqnr: '问问' }), 'application/json').expect(202);
      const id = res.body.accepted[0].ticketId;
      expect((await routed(id)).status).toBe('TRIAGE');
      await http().post(`/api/v1/console/tickets/${id}/claim`).set('Authorization', `Bearer ${operator}`).expect(200);
      const t = (await http().get(`/api/v1/tickets/${id}`).set('Authorization', `Bearer ${operator}`)).body;
      const bad = await http().post(`/api/v1/console/tickets/${id}/decide`).set('Authorization', `Bearer ${operator}`).send({ version: t.version, category: 'FOOD', violation: 'PRICE', stage: 'CIRCULATION', leadUnit: 'TELECOM@220100' }).expect(422);
      expect(bad.body.error.details[0].field).toBe('leadUnit');
      const handler = await staffToken(app, { username: 'h.route', roles: ['HANDLER'], unit: 'AIC@220100' });
      await http().post(`/api/v1/console/tickets/${id}/decide`).set('Authorization', `Bearer ${handler}`).send({ version: t.version, category: 'FOOD', violation: 'PRICE', stage: 'CIRCULATION' }).expect(403);
    });
  });

  describe('rule sets: versioned, validated, activated; what-if before activating', () => {
    const defaults = async () => (await http().get('/api/v1/routing/rule-sets').set('Authorization', `Bearer ${admin}`).expect(200)).body;

    it('lists the shipped default as the active rule set', async () => {
      const list = await defaults();
      expect(list).toEqual([expect.objectContaining({ status: 'ACTIVE', version: expect.any(String) })]);
    });

    it('refuses an invalid rule set with its problems', async () => {
      const res = await http()
        .post('/api/v1/routing/rule-sets')
        .set('Authorization', `Bearer ${admin}`)
        .send({ version: 'bad-1', rules: [{ id: 'X1', when: { category: ['NOT_A_CATEGORY'] }, lead: 'POLICE' }] })
        .expect(422);
      expect(res.body.error.code).toBe('INVALID_RULE_SET');
      expect(res.body.error.details.length).toBeGreaterThan(0);
      await http().post('/api/v1/routing/rule-sets').set('Authorization', `Bearer ${operator}`).send({ rules: [] }).expect(403);
    });

    it('replays recent tickets under a candidate, then activates it for new tickets', async () => {
      const active = (await http().get(`/api/v1/routing/rule-sets/${(await defaults())[0].version}`).set('Authorization', `Bearer ${admin}`).expect(200)).body;
      // the candidate sends every food matter to the quality bureau, in place of R9a/R9b
      const foodToQts = { id: 'F1', when: { category: ['FOOD', 'MINERAL_WATER'] }, lead: 'QTS', assist: ['FSO'] };
      const rules = active.rules.map((r: { id: string }) => (r.id === 'R9a' ? foodToQts : r)).filter((r: { id: string }) => r.id !== 'R9b');
      await http().post('/api/v1/routing/rule-sets').set('Authorization', `Bearer ${admin}`).send({ version: 'food-to-qts', rules, note: '试行' }).expect(201);
      const report = (await http().post('/api/v1/routing/what-if').set('Authorization', `Bearer ${admin}`).send({ ruleSetVersion: 'food-to-qts', days: 366 }).expect(200)).body;
      const foodAtAic = Number((await db.query(`SELECT count(*) AS n FROM tickets WHERE classification->>'category' IN ('FOOD', 'MINERAL_WATER') AND COALESCE(lead_unit, routing->>'leadUnit') LIKE 'AIC@%'`))[0].n);
      expect(report.replayed).toBeGreaterThan(0);
      expect(report.moved).toBe(report.moves.reduce((n: number, m: { count: number }) => n + m.count, 0));
      expect(report.moves.filter((m: { from: string; to: string }) => m.from.startsWith('AIC@') && m.to.startsWith('QTS@')).reduce((n: number, m: { count: number }) => n + m.count, 0)).toBe(foodAtAic);
      await http().post('/api/v1/routing/rule-sets/food-to-qts/activate').set('Authorization', `Bearer ${admin}`).expect(200);
      const list = await defaults();
      expect(list.find((r: { version: string }) => r.version === 'food-to-qts').status).toBe('ACTIVE');
      expect(list.filter((r: { status: string }) => r.status === 'ACTIVE')).toHaveLength(1);
      app.get(RoutingModels).invalidate();
      worker.get(RoutingModels).invalidate();
      const res = await postFeed(app.getHttpServer(), '12315', JSON.stringify({ gdbh: 'RULES-1', ldsj: '2026-11-20 10:00:00', sjlx: '投诉', sqnr: '在长春市朝阳区一家超市买的婴幼儿奶粉罐底生产日期被涂改', xzqh: '220104' }), 'application/json').expect(202);
      const t = await routed(res.body.accepted[0].ticketId);
      expect(t.routing).toMatchObject({ ruleSetVersion: 'food-to-qts', ruleId: 'F1', leadUnit: 'QTS@220100', assistUnits: ['FSO@220100'] });
    });
  });

  describe('retraining publishes a classifier only when it routes held-out examples better', () => {
    const activeVersion = async () => (await db.query(`SELECT version FROM classifier_models WHERE status = 'ACTIVE'`)).map((r: { version: string }) => r.version);

    it('keeps the active classifier when operators taught it nothing new', async () => {
      const before = await activeVersion();
      const result = await worker.get(RetrainService).retrain();
      expect(result.heldOut).toBeGreaterThan(0);
      expect(result.published).toBe(false);
      expect(result.candidateAccuracy).toBeLessThanOrEqual(result.activeAccuracy);
      expect(await activeVersion()).toEqual(before);
    });

    it('publishes a candidate that learned what operators keep deciding and the active one gets wrong', async () => {
      // operators keep filing amber-wax bead complaints as price matters, a pattern no shipped text shows
      await insertOperatorDecisions(db, amberPriceDecisions(60));
      const before = await activeVersion();
      const result = await worker.get(RetrainService).retrain();
      expect(result.published).toBe(true);
      expect(result.candidateAccuracy).toBeGreaterThan(result.activeAccuracy);
      expect(await activeVersion()).toEqual([result.version]);
      expect(result.version).not.toBe(before[0]);
    });
  });
});

function gbkPercent(text: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const bytes: Buffer = require('iconv-lite').encode(text, 'gbk');
  return [...bytes].map((b) => '%' + b.toString(16).toUpperCase().padStart(2, '0')).join('');
}
