import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { TrendAlertView } from '@hub/contracts';
import { CaseWorld, ConsoleSockets, createTestApi, createTestWorker, postFeed, resetDatabase, SubjectFeed, subjectPush, SubjectPushSpec } from '@hub/testing';
import { TrendAlerts } from '@hub/trends';
import { ApiModule } from '../../api/src/api.module';
import { WorkerModule } from '../src/worker.module';

const HOUR = 3_600_000;
const SUPERMARKET = { name: '长春市惠民超市有限公司', uscc: '91220101MA84XKQY36', address: '长春市朝阳区红旗街 88 号' };
const PHARMACY = { name: '四平市康宁大药房', address: '四平市铁西区英雄大街 1 号' };

/** Through the real intake: a burst about one supermarket on three hotlines raises one alert for it; quiet keys raise none. */
describe('trend watch: a burst of tickets about one subject', () => {
  let api: INestApplication;
  let worker: INestApplicationContext;
  let world: CaseWorld;
  let serial = 0;
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

  const push = async (feed: SubjectFeed, at: Date, spec: Pick<SubjectPushSpec, 'subject' | 'region' | 'text'>) => {
    const externalId = `TREND-${feed}-${++serial}`;
    const req = subjectPush({ feed, externalId, at, ...spec });
    await postFeed(api.getHttpServer(), req.feed, req.body, req.contentType).expect(202);
  };
  const alertsAs = async (token: string, status?: string) =>
    (await request(api.getHttpServer()).get('/api/v1/trends/alerts').query(status ? { status } : {}).set('Authorization', `Bearer ${token}`).expect(200)).body.items as TrendAlertView[];

  it('raises exactly one alert for the supermarket, none for a quiet pharmacy or its region, pushed to supervisors only', async () => {
    const supervisor = await world.token('SUPERVISOR');
    const operator = await world.token('OPERATOR');
    const now = Date.now();
    // the pharmacy: two tickets a day for three weeks, then three today — its usual rate
    for (let day = 1; day <= 21; day++) {
      for (const feed of ['12315', '12330'] as const) await push(feed, new Date(now - day * 24 * HOUR - 2 * HOUR), { subject: PHARMACY, region: '220300', text: '药店销售过期药品' });
    }
    for (const feed of ['12315', '12330', '12365'] as const) await push(feed, new Date(now - 3 * HOUR), { subject: PHARMACY, region: '220300', text: '药店销售过期药品' });
    const watch = worker.get(TrendAlerts);
    await watch.scan();
    expect(await alertsAs(supervisor)).toEqual([]);

    const supervisorSocket = await connect(supervisor);
    const operatorSocket = await connect(operator);
    const toOperator: TrendAlertView[] = [];
    operatorSocket.on('trend.alert', (a: TrendAlertView) => toOperator.push(a));
    const pushed = new Promise<TrendAlertView>((resolve) =>
      supervisorSocket.on('trend.alert', (a: TrendAlertView) => a.key === `uscc:${SUPERMARKET.uscc}` && a.observed === 6 && resolve(a)),
    );

    // the supermarket, never heard of before: six tickets in a few hours, two on each of three hotlines
    for (const [i, feed] of (['12315', '12330', '12365', '12315', '12330', '12365'] as const).entries()) {
      await push(feed, new Date(now - (5 - i) * 20 * 60_000), { subject: SUPERMARKET, region: '220100', text: `在该超市买到假冒奶粉，罐底生产日期被涂改（${i + 1}）` });
    }
    expect(await watch.scan()).toMatchObject({ counted: 6, raised: 2 });

    const alert = await pushed;
    expect(alert).toMatchObject({ keyKind: 'SUBJECT', label: SUPERMARKET.name, observed: 6, hotlines: ['12315', '12330', '12365'], status: 'OPEN', acknowledgedBy: null });
    expect(alert.expected).toBeLessThan(0.05);
    expect(alert.pValue).toBeLessThan(1e-9);

    const open = await alertsAs(supervisor, 'OPEN');
    expect(open.filter((a) => a.keyKind === 'SUBJECT').map((a) => a.label)).toEqual([SUPERMARKET.name]);
    // the supermarket's region was quiet until today, so it rises too; the pharmacy and Siping stay at their usual rate
    expect(open.map((a) => `${a.keyKind} ${a.key}`).sort()).toEqual(['REGION 220100', `SUBJECT uscc:${SUPERMARKET.uscc}`]);

    // the job again, with nothing new: no duplicate, nothing pushed
    const again = await watch.scan();
    expect(again).toMatchObject({ counted: 0, raised: 0, pushed: 0 });
    expect(await alertsAs(supervisor)).toHaveLength(2);

    // only supervisors read them; the operator's socket heard nothing
    await request(api.getHttpServer()).get('/api/v1/trends/alerts').set('Authorization', `Bearer ${operator}`).expect(403);
    expect(toOperator).toEqual([]);
  });

  it('lets a supervisor acknowledge, keeps it acknowledged while the burst goes on, and brings it back when it grows by half', async () => {
    const supervisor = await world.token('SUPERVISOR');
    const [alert] = (await alertsAs(supervisor, 'OPEN')).filter((a) => a.keyKind === 'SUBJECT');
    const acknowledged = await request(api.getHttpServer()).post(`/api/v1/trends/alerts/${alert.id}/acknowledge`).set('Authorization', `Bearer ${supervisor}`).expect(200);
    expect(acknowledged.body).toMatchObject({ id: alert.id, status: 'ACKNOWLEDGED', acknowledgedBy: expect.any(String) });
    const twice = await request(api.getHttpServer()).post(`/api/v1/trends/alerts/${alert.id}/acknowledge`).set('Authorization', `Bearer ${supervisor}`).expect(409);
    expect(twice.body.error.code).toBe('ALREADY_ACKNOWLEDGED');

    const watch = worker.get(TrendAlerts);
    await push('12315', new Date(Date.now() - 10 * 60_000), { subject: SUPERMARKET, region: '220100', text: '又一位顾客买到假冒奶粉' });
    await watch.scan();
    expect((await alertsAs(supervisor)).find((a) => a.id === alert.id)).toMatchObject({ status: 'ACKNOWLEDGED', observed: 7 });

    await push('12330', new Date(Date.now() - 5 * 60_000), { subject: SUPERMARKET, region: '220100', text: '超市仍在销售假冒奶粉' });
    await push('12365', new Date(Date.now() - 4 * 60_000), { subject: SUPERMARKET, region: '220100', text: '超市仍在销售假冒奶粉' });
    await watch.scan();
    const subjectAlerts = (await alertsAs(supervisor)).filter((a) => a.keyKind === 'SUBJECT');
    expect(subjectAlerts).toEqual([expect.objectContaining({ id: alert.id, status: 'OPEN', observed: 9, acknowledgedBy: null })]);
  });
});
