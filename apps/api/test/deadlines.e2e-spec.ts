import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthService } from '@hub/auth';
import { CaseWorld, createTestApi, login, resetDatabase, TestTime } from '@hub/testing';
import { ApiModule } from '../src/api.module';

/** Exact deadlines in Chinese working days, with the 2026 arrangement of the holiday package and an admin-entered 2027. */
describe('deadlines in working days, and the admin-edited holiday table', () => {
  let app: INestApplication;
  let world: CaseWorld;
  let handler: string;
  let admin: string;
  const time = new TestTime();

  beforeAll(async () => {
    app = await createTestApi(ApiModule, { time });
    await resetDatabase(app.get(DataSource));
    await app.get(AuthService).ensureFirstAdmin();
    world = new CaseWorld(app);
    handler = await world.token('HANDLER', 'AIC@220100');
    admin = await login(app, 'admin', 'admin-demo-2026');
  });

  afterAll(() => app.close());

  it('counts across the 2026 Spring Festival and its make-up Saturdays', async () => {
    time.at('2026-02-10T02:00:00Z'); // Tuesday 10:00 Beijing
    const complaint = await world.dispatchedTicket({ kind: 'COMPLAINT' });
    // 02-11, 02-12, 02-13, Sat 02-14 (make-up), 02-15..02-23 off, 02-24, 02-25, 02-26
    expect(complaint.deadlines).toMatchObject({ acceptBy: '2026-02-26T15:59:59.999Z', resolveBy: null, provisional: false });
    const report = await world.dispatchedTicket({ kind: 'REPORT' });
    // … 02-26 (7), 02-27, Sat 02-28 (make-up), 03-02..03-06, 03-09 (15)
    expect(report.deadlines.acceptBy).toBe('2026-03-09T15:59:59.999Z');
    const enquiry = await world.dispatchedTicket({ kind: 'CONSULTATION' });
    expect(enquiry.deadlines).toMatchObject({ acceptBy: null, resolveBy: '2026-02-26T15:59:59.999Z' });
  });

  it('counts across the 2026 National Day week and its make-up Saturday, for acceptance and for 45 days of mediation', async () => {
    time.at('2026-09-29T02:00:00Z'); // Tuesday
    const complaint = await world.dispatchedTicket({ kind: 'COMPLAINT' });
    // 09-30, 10-01..10-07 off, 10-08, 10-09, Sat 10-10 (make-up), 10-12, 10-13, 10-14
    expect(complaint.deadlines.acceptBy).toBe('2026-10-14T15:59:59.999Z');
    time.at('2026-09-30T02:00:00Z');
    const accepted = await world.act(handler, complaint.id, 'accept');
    // 10-08, 10-09, 10-10 (3) … full weeks to 12-04 (43), 12-07, 12-08 (45)
    expect(accepted.body.deadlines).toMatchObject({ acceptBy: '2026-10-14T15:59:59.999Z', resolveBy: '2026-12-08T15:59:59.999Z', provisional: false });
  });

  it('marks a deadline in 2027 provisional, warns admins, and recomputes it when an admin enters 2027', async () => {
    time.at('2026-12-28T02:00:00Z'); // Monday
    const complaint = await world.dispatchedTicket({ kind: 'COMPLAINT' });
    // 12-29, 12-30, 12-31, then Monday–Friday in 2027: 01-01, 01-04, 01-05, 01-06
    expect(complaint.deadlines).toMatchObject({ acceptBy: '2027-01-06T15:59:59.999Z', provisional: true });

    const coverage = await world.http().get('/api/v1/calendar').set('Authorization', `Bearer ${admin}`).expect(200);
    expect(coverage.body.years.find((y: { year: number }) => y.year === 2027)).toMatchObject({ source: 'MISSING', warning: expect.stringContaining('2027') });
    expect(coverage.body.years.find((y: { year: number }) => y.year === 2026)).toMatchObject({ source: 'PACKAGE', warning: null });
    await world.http().get('/api/v1/calendar').set('Authorization', `Bearer ${handler}`).expect(403);
    const outside = await world.http().post('/api/v1/calendar/years').set('Authorization', `Bearer ${admin}`).send({ year: 2027, days: [{ date: '2026-12-31', work: false }] }).expect(422);
    expect(outside.body.error.code).toBe('VALIDATION_FAILED');

    const entered = await world
      .http()
      .post('/api/v1/calendar/years')
      .set('Authorization', `Bearer ${admin}`)
      .send({ year: 2027, days: [{ date: '2027-01-01', work: false, name: '元旦' }, { date: '2027-02-06', work: true, name: '春节调休' }] })
      .expect(201);
    expect(entered.body).toEqual({ year: 2027, days: 2, recomputed: 1 });
    const after = await world.ticket(handler, complaint.id);
    // 01-01 is now a holiday: 12-29, 12-30, 12-31, 01-04, 01-05, 01-06, 01-07
    expect(after.deadlines).toMatchObject({ acceptBy: '2027-01-07T15:59:59.999Z', provisional: false });

    const days = await world.http().get('/api/v1/calendar/days').query({ year: 2027 }).set('Authorization', `Bearer ${admin}`).expect(200);
    expect(days.body.items).toEqual([
      { date: '2027-01-01', work: false, name: '元旦' },
      { date: '2027-02-06', work: true, name: '春节调休' },
    ]);
    const covered = await world.http().get('/api/v1/calendar').set('Authorization', `Bearer ${admin}`).expect(200);
    expect(covered.body.years.find((y: { year: number }) => y.year === 2027)).toMatchObject({ source: 'ADMIN', days: 2, warning: null });

    const next = await world.dispatchedTicket({ kind: 'COMPLAINT' });
    expect(next.deadlines).toMatchObject({ acceptBy: '2027-01-07T15:59:59.999Z', provisional: false });
    await world.http().delete('/api/v1/calendar/days/2027-02-06').set('Authorization', `Bearer ${admin}`).expect(204);
    await world.http().delete('/api/v1/calendar/days/2027-02-07').set('Authorization', `Bearer ${admin}`).expect(404);
  });
});
