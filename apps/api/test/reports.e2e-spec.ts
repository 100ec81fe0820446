import { getQueueToken } from '@nestjs/bullmq';
import { INestApplication, INestApplicationContext, Module } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Workbook } from 'exceljs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { PeriodFigures, ReportHalf, ReportRunView, UnitAssessment } from '@hub/contracts';
import { CoreModule, QUEUES } from '@hub/core';
import { HALF_NAMES, halfYearPeriod, ReportsWorkerModule } from '@hub/reports';
import { CaseWorld, closeCase, connected, ConsoleSockets, createTestApi, createTestWorker, pdfText, resetDatabase, waitFor } from '@hub/testing';
import { ApiModule } from '../src/api.module';

const AIC = 'AIC@220100';
const QTS = 'QTS@220300';
/** the half year the test runs in (Beijing time): the case actions happen now */
const BEIJING_NOW = new Date(Date.now() + 8 * 3600 * 1000);
const YEAR = BEIJING_NOW.getUTCFullYear();
const HALF: ReportHalf = BEIJING_NOW.getUTCMonth() < 6 ? 'H1' : 'H2';
const PERIOD = halfYearPeriod(YEAR, HALF);
const TITLE = `打击侵权假冒举报投诉 ${YEAR}年${HALF_NAMES[HALF]}工作报告`;
/** Beijing wall time `minutes` ago, as the 12315 feed writes it */
const receivedAt = (minutes: number) => new Date(BEIJING_NOW.getTime() - minutes * 60_000).toISOString().slice(0, 19).replace('T', ' ');
const YEAR_BEFORE = new Date(BEIJING_NOW.getTime() - 365 * 24 * 3600 * 1000).toISOString().slice(0, 19).replace('T', ' ');

/** The report job (and the rollup it brings up to date) alone: no pipeline, so nothing moves the tickets behind the test's back. */
@Module({ imports: [CoreModule, ReportsWorkerModule] })
class ReportWorkerOnly {}

const asBytes = (res: NodeJS.ReadableStream, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

async function sheetRows(bytes: Buffer, sheet: string): Promise<unknown[][]> {
  const wb = new Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.getWorksheet(sheet)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/**
 * Half-year reports from tickets made through intake and the case API: asked for over HTTP, built by
 * the worker's job with live progress, and the XLSX and PDF read back show the dashboard's figures.
 */
describe('half-year reports', () => {
  let app: INestApplication;
  let worker: INestApplicationContext | null = null;
  let world: CaseWorld;
  let supervisor: string;
  let aicHead: string;
  const sockets = new ConsoleSockets();
  const http = () => request(app.getHttpServer());
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const ask = (token: string, scope: string) => http().post('/api/v1/reports').set(as(token)).send({ scope, year: YEAR, half: HALF });
  const run = async (token: string, id: string) => (await http().get(`/api/v1/reports/${id}`).set(as(token)).expect(200)).body as ReportRunView;
  const finished = (token: string, id: string) => waitFor(async () => ((r) => r.state === 'DONE' && r)(await run(token, id)), 30000);
  const file = (token: string, id: string, format: 'xlsx' | 'pdf') => http().get(`/api/v1/reports/${id}/file.${format}`).set(as(token)).buffer(true).parse(asBytes);
  const dashboard = async (unit?: string) =>
    (await http().get('/api/v1/supervision/dashboard').query({ ...PERIOD, ...(unit ? { unit } : {}) }).set(as(supervisor)).expect(200)).body as PeriodFigures;
  const assessment = async () => (await http().get('/api/v1/supervision/assessment').query(PERIOD).set(as(supervisor)).expect(200)).body as UnitAssessment;

  beforeAll(async () => {
    app = await createTestApi(ApiModule);
    await sockets.listen(app);
    await resetDatabase(app.get(DataSource));
    await app.get<Queue>(getQueueToken(QUEUES.reports)).obliterate({ force: true });
    world = new CaseWorld(app);
    supervisor = await world.token('SUPERVISOR');
    aicHead = await world.token('UNIT_HEAD', AIC);
    const aicHandler = await world.token('HANDLER', AIC);
    const qtsHandler = await world.token('HANDLER', QTS);

    const penalized = await world.dispatchedTicket({ kind: 'REPORT', unit: AIC, receivedAt: receivedAt(50) });
    await closeCase(app, penalized.id, { outcome: 'PENALIZED', fineFen: 1_234_567, confiscationFen: 5_000 }, aicHandler);
    const noCase = await world.dispatchedTicket({ kind: 'REPORT', unit: AIC, receivedAt: receivedAt(40) });
    await closeCase(app, noCase.id, { outcome: 'NO_CASE' }, aicHandler);
    const returned = await world.dispatchedTicket({ kind: 'COMPLAINT', unit: QTS, receivedAt: receivedAt(30) });
    expect((await world.act(qtsHandler, returned.id, 'return', { reason: '不属于本单位管辖，请重新分派' })).status).toBe(200);
    await world.dispatchedTicket({ kind: 'COMPLAINT', unit: QTS, receivedAt: receivedAt(20) });
    await world.receivedTicket({ receivedAt: receivedAt(10) });
    // a year before: in no report of this half
    await world.receivedTicket({ receivedAt: YEAR_BEFORE });
  });

  afterAll(async () => {
    sockets.closeAll();
    await worker?.close();
    for (const queue of [QUEUES.reports, QUEUES.supervision]) await app.get<Queue>(getQueueToken(queue)).obliterate({ force: true });
    await app.close();
  });

  it('builds the province report in the worker, pushing its progress to the one who asked', async () => {
    const socket = sockets.open(supervisor);
    const pushed: ReportRunView[] = [];
    socket.on('report.progress', (r: ReportRunView) => pushed.push(r));
    await connected(socket);

    const asked = (await ask(supervisor, 'PROVINCE').expect(202)).body as ReportRunView;
    // the half the test runs in has not ended: a provisional (中期) report
    expect(asked).toMatchObject({ scope: 'PROVINCE', year: YEAR, half: HALF, ...PERIOD, version: 1, state: 'QUEUED', progress: 0, provisional: true, files: [] });
    // asked again while it waits: the same run
    expect((await ask(supervisor, 'PROVINCE').expect(202)).body.id).toBe(asked.id);

    worker = await createTestWorker(ReportWorkerOnly);
    const done = await finished(supervisor, asked.id);
    expect(done).toMatchObject({ state: 'DONE', progress: 100, error: null });
    expect(done.files.map((f) => f.format).sort()).toEqual(['pdf', 'xlsx']);
    await waitFor(async () => pushed.some((r) => r.id === asked.id && r.state === 'DONE'));
    const progress = pushed.filter((r) => r.id === asked.id).map((r) => r.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.length).toBeGreaterThanOrEqual(4);

    const listed = (await http().get('/api/v1/reports').set(as(supervisor)).expect(200)).body;
    expect(listed.items.map((r: ReportRunView) => r.id)).toEqual([asked.id]);
  });

  it('shows in the XLSX and the PDF the dashboard’s figures of the half year', async () => {
    const [done] = (await http().get('/api/v1/reports').set(as(supervisor)).expect(200)).body.items as ReportRunView[];
    const figures = await dashboard();
    expect(figures.totals).toMatchObject({ received: 5, dispatched: 4, closed: 2, penalized: 1, fineFen: 1_234_567, confiscationFen: 5_000 });

    const xlsx = await file(supervisor, done.id, 'xlsx').expect(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const xlsxName = done.files.find((f) => f.format === 'xlsx')!.fileName;
    expect(xlsxName).toBe(`吉林省${TITLE.replace(' ', '')}（中期）.xlsx`);
    expect(xlsx.headers['content-disposition']).toBe(`attachment; filename="report.xlsx"; filename*=UTF-8''${encodeURIComponent(xlsxName).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`);
    const overview = new Map((await sheetRows(xlsx.body as Buffer, '概况')).map((r) => [r[0], r[1]]));
    expect(overview.get('统计期间')).toBe(`${PERIOD.from} 至 ${PERIOD.to}`);
    expect(overview.get('状态')).toContain('中期');
    expect(overview.get('范围')).toBe('全省');
    const t = figures.totals;
    expect([overview.get('接收工单'), overview.get('分派'), overview.get('办结'), overview.get('超期'), overview.get('立案处罚'), overview.get('移送公安')]).toEqual([
      t.received, t.dispatched, t.closed, t.overdue, t.penalized, t.transferred,
    ]);
    expect(overview.get('罚款（元）')).toBe(t.fineFen / 100);
    expect(overview.get('没收（元）')).toBe(t.confiscationFen / 100);
    const byUnit = (await sheetRows(xlsx.body as Buffer, '按单位')).slice(1);
    expect(byUnit.map(([key, , received, dispatched, closed, overdue]) => ({ key, received, dispatched, closed, overdue })).sort((a, b) => String(a.key).localeCompare(String(b.key)))).toEqual(
      [...figures.byUnit].sort((a, b) => a.key.localeCompare(b.key)),
    );
    const ranked = (await sheetRows(xlsx.body as Buffer, '绩效考核')).slice(1);
    expect(ranked.map((r) => [r[0], r[2] ?? null, r[3]])).toEqual((await assessment()).rows.map((r) => [r.rank, r.scored ? r.score : null, r.dispatched]));

    const pdf = await file(supervisor, done.id, 'pdf').expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`吉林省${TITLE.replace(' ', '')}`)}`);
    const text = await pdfText(pdf.body as Buffer);
    expect(text).toContain(`吉林省${TITLE}`);
    expect(text).toContain('中期报告');
    expect(text).toContain(`统计期间：${PERIOD.from} 至 ${PERIOD.to}`);
    expect(text).toMatch(new RegExp(`接收工单\\s+${t.received}\\b`));
    expect(text).toMatch(new RegExp(`办结\\s+${t.closed}\\b`));
    expect(text).toContain('¥12,345.67');
    expect(text).toContain('长春市工商行政管理局');
    expect(text).toContain('四平市质量技术监督局');
  });

  it('builds a unit head’s report of their own unit, a new version once the last has ended, and hides other units’', async () => {
    expect((await ask(aicHead, QTS)).status).toBe(404);
    expect((await ask(aicHead, 'PROVINCE')).status).toBe(404);
    const [provinceRun] = (await http().get('/api/v1/reports').set(as(supervisor)).expect(200)).body.items as ReportRunView[];
    expect((await http().get(`/api/v1/reports/${provinceRun.id}`).set(as(aicHead))).status).toBe(404);
    expect((await file(aicHead, provinceRun.id, 'pdf')).status).toBe(404);

    const asked = (await ask(aicHead, AIC).expect(202)).body as ReportRunView;
    const done = await finished(aicHead, asked.id);
    expect((await http().get('/api/v1/reports').set(as(aicHead)).expect(200)).body.items.map((r: ReportRunView) => r.id)).toEqual([done.id]);
    const unitFigures = await dashboard(AIC);
    const xlsx = (await file(aicHead, done.id, 'xlsx').expect(200)).body as Buffer;
    const overview = new Map((await sheetRows(xlsx, '概况')).map((r) => [r[0], r[1]]));
    expect(overview.get('报告')).toBe(`长春市工商行政管理局${TITLE}`);
    expect(overview.get('范围')).toBe('长春市工商行政管理局');
    expect([overview.get('分派'), overview.get('办结'), overview.get('罚款（元）')]).toEqual([unitFigures.totals.dispatched, unitFigures.totals.closed, unitFigures.totals.fineFen / 100]);
    // the unit's own line of the assessment, ranked among all units
    const own = (await assessment()).rows.find((r) => r.unit === AIC)!;
    expect(own.scored).toBe(true);
    expect((await sheetRows(xlsx, '绩效考核')).slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([[own.rank, '长春市工商行政管理局', own.score]]);
    expect(await pdfText((await file(aicHead, done.id, 'pdf').expect(200)).body as Buffer)).toContain('范围：长春市工商行政管理局');

    const again = (await ask(aicHead, AIC).expect(202)).body as ReportRunView;
    expect(again.id).not.toBe(done.id);
    expect(again.version).toBe(2);
    const second = await finished(aicHead, again.id);
    expect(second.files.find((f) => f.format === 'pdf')!.fileName).toMatch(/-第2版\.pdf$/);
  });

  it('refuses a half year that has not begun and a scope that does not exist', async () => {
    const next = new Date().getUTCFullYear() + 1;
    const future = await http().post('/api/v1/reports').set(as(supervisor)).send({ scope: 'PROVINCE', year: next, half: 'H1' });
    expect(future.status).toBe(422);
    expect((await http().post('/api/v1/reports').set(as(supervisor)).send({ scope: 'TCM@220100', year: YEAR, half: 'H1' })).status).toBe(422);
    expect((await http().post('/api/v1/reports').set(as(supervisor)).send({ scope: 'PROVINCE', year: YEAR, half: 'H3' })).status).toBe(422);
  });

  it('leaves a run that has ended alone when its job comes again', async () => {
    const [latest] = (await http().get('/api/v1/reports').set(as(aicHead)).expect(200)).body.items as ReportRunView[];
    const queue = app.get<Queue>(getQueueToken(QUEUES.reports));
    const job = await queue.add('report-build', { runId: latest.id }, { jobId: `again-${latest.id}` });
    await waitFor(async () => (await job.isCompleted()) && true);
    expect(await queue.getJob(job.id!).then((j) => j?.returnvalue)).toBe('already ended');
    expect(await run(aicHead, latest.id)).toEqual(latest);
  });
});
