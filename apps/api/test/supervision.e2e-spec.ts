import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DeadlineEscalation } from '@hub/cases';
import type { PeriodFigures, UnitAssessment } from '@hub/contracts';
import { NOTIFIER } from '@hub/notifications/notifier';
import { beijingDay, SupervisionFigures, SupervisionRollup } from '@hub/supervision';
import { CaseWorld, closeCase, createTestApi, resetDatabase, TestTime } from '@hub/testing';
import { TicketClocks, TicketTransitions } from '@hub/tickets';
import { ApiModule } from '../src/api.module';

const AIC = 'AIC@220100';
const QTS = 'QTS@220300';

/**
 * Supervision figures from tickets made through intake and the case API: the rollup job's rows,
 * `SupervisionFigures` and the HTTP dashboard give exactly the counts of what the test did.
 */
describe('supervision rollups, dashboard and unit assessment', () => {
  let app: INestApplication;
  let db: DataSource;
  let world: CaseWorld;
  let supervisor: string;
  let aicHandler: string;
  let qtsHandler: string;
  let aicHead: string;
  let accepted: { id: string };
  const time = new TestTime();
  const today = beijingDay(new Date());
  const period = { from: '2026-03-15', to: today };
  const http = () => request(app.getHttpServer());
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const rollupRows = async () => [
    await db.query(`SELECT * FROM supervision_daily_flow ORDER BY day, feed, region_code, category, unit`),
    await db.query(`SELECT * FROM supervision_daily_by ORDER BY fdim, fkey, dim, day, key`),
  ];

  beforeAll(async () => {
    app = await createTestApi(ApiModule, { time });
    db = app.get(DataSource);
    await resetDatabase(db);
    world = new CaseWorld(app);
    supervisor = await world.token('SUPERVISOR');
    aicHandler = await world.token('HANDLER', AIC);
    qtsHandler = await world.token('HANDLER', QTS);
    aicHead = await world.token('UNIT_HEAD', AIC);

    // received either side of midnight in Beijing (15:30 and 16:10 UTC on the 15th)
    const penalized = await world.dispatchedTicket({ kind: 'REPORT', unit: AIC, receivedAt: '2026-03-15 23:30:00' });
    await closeCase(app, penalized.id, { outcome: 'PENALIZED', fineFen: 300_000, confiscationFen: 5_000 }, aicHandler);
    const noCase = await world.dispatchedTicket({ kind: 'REPORT', unit: AIC, receivedAt: '2026-03-16 00:10:00' });
    await closeCase(app, noCase.id, { outcome: 'NO_CASE' }, aicHandler);
    const returned = await world.dispatchedTicket({ kind: 'COMPLAINT', unit: QTS, receivedAt: '2026-03-16 08:00:00' });
    expect((await world.act(qtsHandler, returned.id, 'return', { reason: '不属于本单位管辖，请重新分派' })).status).toBe(200);
    accepted = await world.dispatchedTicket({ kind: 'COMPLAINT', unit: AIC, receivedAt: '2026-03-16 09:00:00' });
    expect((await world.act(aicHandler, accepted.id, 'accept')).status).toBe(200);
    await world.receivedTicket({ receivedAt: '2026-03-17 10:00:00' });
    // the tipster writes again about the closed case: a reopen of AIC's closure
    const original = await world.ticket(supervisor, noCase.id);
    await http()
      .post('/api/v1/intake/12315')
      .set('X-Feed-Key', 'dev-key-12315')
      .send({ gdbh: original.externalId, ldsj: '2026-03-16 00:10:00', sjlx: '举报', sqr: { xm: '张三', dh: '13912345678' }, sqnr: '超市仍在销售生产日期被涂改的奶粉，问题没有解决' })
      .expect(202);

    // QTS never accepts a complaint: its acceptance clock runs out and the clock job escalates it
    const missed = await world.dispatchedTicket({ kind: 'COMPLAINT', unit: QTS, receivedAt: '2026-03-17 11:00:00' });
    const dueAt = new Date(missed.deadlines.acceptBy as string);
    const escalation = new DeadlineEscalation(db, app.get(TicketClocks), app.get(TicketTransitions), time, app.get(NOTIFIER));
    time.shift(dueAt.getTime() - Date.now() + 60_000);
    expect(await escalation.fire({ ticketId: missed.id, clock: 'acceptBy', level: 'overdue', at: dueAt }, dueAt)).toBe('escalated');
    time.real();

    await app.get(SupervisionRollup).run();
  });

  afterAll(() => app.close());

  it('counts exactly what happened, on the Beijing day it happened', async () => {
    const figures = await app.get(SupervisionFigures).forPeriod(period);
    expect(figures.totals).toEqual({ received: 6, dispatched: 5, closed: 2, overdue: 1, penalized: 1, transferred: 0, fineFen: 300_000, confiscationFen: 5_000 });
    const day = (d: string) => figures.series.find((p) => p.day === d);
    expect(day('2026-03-15')).toEqual({ day: '2026-03-15', received: 1, dispatched: 0, closed: 0, overdue: 0 });
    expect(day('2026-03-16')).toEqual({ day: '2026-03-16', received: 3, dispatched: 0, closed: 0, overdue: 0 });
    expect(day('2026-03-17')).toEqual({ day: '2026-03-17', received: 2, dispatched: 0, closed: 0, overdue: 0 });
    expect(day(today)).toEqual({ day: today, received: 0, dispatched: 5, closed: 2, overdue: 1 });
    expect(figures.series[0].day).toBe('2026-03-15');
    expect(figures.series[figures.series.length - 1].day).toBe(today);
    expect(figures.byFeed).toEqual([{ key: '12315', received: 6, dispatched: 5, closed: 2, overdue: 1 }]);
    expect(figures.byRegion).toEqual([{ key: '220100', received: 6, dispatched: 5, closed: 2, overdue: 1 }]);
    expect(figures.byCategory).toEqual([
      { key: 'FOOD', received: 5, dispatched: 5, closed: 2, overdue: 1 },
      { key: '', received: 1, dispatched: 0, closed: 0, overdue: 0 },
    ]);
    expect(figures.byUnit).toEqual([
      { key: AIC, received: 3, dispatched: 3, closed: 2, overdue: 0 },
      { key: QTS, received: 2, dispatched: 2, closed: 0, overdue: 1 },
    ]);
    // operators decided every one of them; none had a router's proposal to correct
    expect(figures.routingQuality).toMatchObject({ routed: 5, autoRouted: 0, corrected: 0 });
    expect(figures.outcomes).toEqual(expect.arrayContaining([{ outcome: 'PENALIZED', count: 1 }, { outcome: 'NO_CASE', count: 1 }, { outcome: 'TRANSFERRED', count: 0 }]));
  });

  it('ranks units by the figures behind their score', async () => {
    const assessment: UnitAssessment = await app.get(SupervisionFigures).assessment(period);
    expect(assessment.rows.map((r) => r.unit)).toEqual([AIC, QTS]);
    expect(assessment.rows[0]).toMatchObject({
      rank: 1,
      scored: true,
      dispatched: 3,
      accepted: 3,
      acceptedOnTime: 3,
      acceptMissed: 0,
      acceptOnTimeRate: 1,
      closed: 2,
      closedOnTime: 2,
      closeOnTimeRate: 1,
      returned: 0,
      returnRate: 0,
      reopened: 1,
      reopenRate: 0.5,
      satisfaction: null,
    });
    // 30 + 40 + 15 + 15 × 0.5 of 100
    expect(assessment.rows[0].score).toBe(92.5);
    // acceptance 0 of 0 accepted + 1 run out (30), returns 1 of 2 (15): (0 × 30 + 0.5 × 15) / 45
    expect(assessment.rows[1]).toMatchObject({ unit: QTS, rank: 2, scored: true, dispatched: 2, accepted: 0, acceptMissed: 1, acceptOnTimeRate: 0, returned: 1, returnRate: 0.5, score: 16.7 });
  });

  it('changes nothing when the job runs again', async () => {
    const before = await rollupRows();
    expect(before[0].length).toBeGreaterThan(0);
    expect(before[1].length).toBeGreaterThan(before[0].length);
    const again = await app.get(SupervisionRollup).run();
    expect(again.days).toBeGreaterThan(0);
    expect(await rollupRows()).toEqual(before);
  });

  it('answers the same figures over HTTP, filtered, and a unit head their own unit only', async () => {
    const all: PeriodFigures = (await http().get('/api/v1/supervision/dashboard').query(period).set(as(supervisor)).expect(200)).body;
    expect(all.totals).toMatchObject({ received: 6, dispatched: 5, closed: 2, overdue: 1, penalized: 1, fineFen: 300_000 });
    expect(all.asOf).toEqual(expect.any(String));
    const qts = (await http().get('/api/v1/supervision/dashboard').query({ ...period, unit: QTS }).set(as(supervisor)).expect(200)).body;
    expect(qts.totals).toMatchObject({ received: 2, dispatched: 2, closed: 0, overdue: 1 });
    const food = (await http().get('/api/v1/supervision/dashboard').query({ ...period, category: 'FOOD', feed: '12315' }).set(as(supervisor)).expect(200)).body;
    expect(food.totals).toMatchObject({ received: 5, dispatched: 5 });
    // one filter reads the one-key sums, two read the full rows: the same figures either way
    const foodOnly = (await http().get('/api/v1/supervision/dashboard').query({ ...period, category: 'FOOD' }).set(as(supervisor)).expect(200)).body;
    expect({ ...foodOnly, feed: '12315' }).toEqual(food);
    const aicOnly = await app.get(SupervisionFigures).forPeriod({ ...period, unit: AIC });
    expect({ ...aicOnly, region: '220100' }).toEqual(await app.get(SupervisionFigures).forPeriod({ ...period, unit: AIC, region: '220100' }));
    const own = (await http().get('/api/v1/supervision/dashboard').query(period).set(as(aicHead)).expect(200)).body;
    expect(own).toMatchObject({ unit: AIC, totals: { received: 3, dispatched: 3, closed: 2 } });
    await http().get('/api/v1/supervision/dashboard').query({ ...period, unit: QTS }).set(as(aicHead)).expect(404);
    const ranked: UnitAssessment = (await http().get('/api/v1/supervision/assessment').query(period).set(as(supervisor)).expect(200)).body;
    expect(ranked.rows.map((r) => [r.unit, r.rank])).toEqual([[AIC, 1], [QTS, 2]]);
  });

  it('refuses other roles and bad periods', async () => {
    await http().get('/api/v1/supervision/dashboard').query(period).set(as(aicHandler)).expect(403);
    await http().get('/api/v1/supervision/assessment').query(period).set(as(aicHead)).expect(403);
    await http().get('/api/v1/supervision/assessment').query(period).expect(401);
    const reversed = await http().get('/api/v1/supervision/dashboard').query({ from: '2026-03-20', to: '2026-03-01' }).set(as(supervisor)).expect(422);
    expect(reversed.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'from', message: 'from must not be after to' }] });
    await http().get('/api/v1/supervision/dashboard').query({ from: '2026-02-30', to: '2026-03-01' }).set(as(supervisor)).expect(422);
  });

  it('picks up on its next run what happened since the last', async () => {
    expect((await world.act(aicHandler, accepted.id, 'close', { outcome: 'MEDIATED', reason: '经调解，商家同意退货' })).status).toBe(200);
    const before = await app.get(SupervisionFigures).forPeriod(period);
    expect(before.totals.closed).toBe(2);
    await app.get(SupervisionRollup).run();
    const after = await app.get(SupervisionFigures).forPeriod(period);
    expect(after.totals).toMatchObject({ received: 6, dispatched: 5, closed: 3 });
    expect(after.outcomes).toContainEqual({ outcome: 'MEDIATED', count: 1 });
    expect((await app.get(SupervisionFigures).assessment(period)).rows[0]).toMatchObject({ unit: AIC, closed: 3, closedOnTime: 3 });
  });
});
