import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createTestApi, postFeed, resetDatabase } from '@hub/testing';
import { ApiModule } from '../../../../apps/api/src/api.module';
import { DUPLICATE_WINDOW_DAYS, DuplicateFacts, rankDuplicates } from './duplicate-match';
import { DuplicateFinder } from './duplicate-finder.service';

const TEXTS = [
  '长春市朝阳区红旗街万佳福超市货架价签标198元的月饼礼盒，结账收了268元',
  '在朝阳区红旗街万佳福超市买月饼礼盒，价签198元结账收268元，要求退差价',
  '超市卖的奶粉罐底生产日期被涂改，已经过期三个月',
  '网店卖的运动鞋是假冒名牌，鞋盒防伪码查不到',
  '加油站的加油机计量不准，加了四十升油表上显示四十五升',
];
const USCC = ['91220101MA0Y3K2X1A', '9122030197MAB44W99', null];

/** The pool as one query per ticket, exactly as workflows.md words it: the reference the batch must match. */
async function referenceDuplicates(db: DataSource, ticketId: string): Promise<string[]> {
  const facts = async (where: string, params: unknown[]): Promise<DuplicateFacts[]> =>
    (
      await db.query(`SELECT id, received_at, region_code, subject_uscc, subject_name_norm, product_name, description FROM tickets t WHERE ${where}`, params)
    ).map((r: Record<string, never>) => ({ id: r.id, receivedAt: r.received_at, regionCode: r.region_code, subjectUscc: r.subject_uscc, subjectNameNorm: r.subject_name_norm, productName: r.product_name, description: r.description }));
  const [ticket] = await facts(`t.id = $1`, [ticketId]);
  const pool = await facts(
    `t.id <> $1 AND t.status NOT IN ('CLOSED', 'MERGED', 'DISCARDED')
     AND t.received_at BETWEEN $2::timestamptz - make_interval(days => ${DUPLICATE_WINDOW_DAYS}) AND $2::timestamptz + make_interval(days => ${DUPLICATE_WINDOW_DAYS})
     AND (t.region_code = $3 OR (t.subject_uscc IS NOT NULL AND t.subject_uscc = $4))
     ORDER BY t.received_at DESC, t.id DESC LIMIT 300`,
    [ticket.id, ticket.receivedAt, ticket.regionCode, ticket.subjectUscc],
  );
  return rankDuplicates(ticket, pool).map((c) => c.id);
}

describe('DuplicateFinder: a batch finds what each ticket would find alone', () => {
  let app: INestApplication;
  let db: DataSource;

  beforeAll(async () => {
    app = await createTestApi(ApiModule);
    db = app.get(DataSource);
    await resetDatabase(db);
    // 700 tickets over 90 days, most in one region, so pools fill up and windows differ per ticket
    const records = Array.from({ length: 700 }, (_, n) => {
      const day = new Date(Date.UTC(2026, 6, 1) + Math.floor(n / 7.8) * 86_400_000).toISOString().slice(0, 10);
      return { gdbh: `DUPS-${n}`, ldsj: `${day} 10:${String(n % 60).padStart(2, '0')}:00`, sjlx: '投诉', sqnr: TEXTS[n % TEXTS.length], xzqh: n % 7 === 0 ? '220300' : '220104', bsdx: { tyshxydm: USCC[n % 3] ?? '' } };
    });
    // and 450 received in one second, as at a busy hour: receipt times tie
    const sameSecond = Array.from({ length: 450 }, (_, n) => ({ gdbh: `TIES-${n}`, ldsj: '2026-11-20 09:30:00', sjlx: '投诉', sqnr: TEXTS[n % TEXTS.length], xzqh: '220104', bsdx: { tyshxydm: USCC[n % 3] ?? '' } }));
    for (const batch of [records, sameSecond]) {
      for (let i = 0; i < batch.length; i += 100) await postFeed(app.getHttpServer(), '12315', JSON.stringify(batch.slice(i, i + 100)), 'application/json').expect(202);
    }
  }, 60000);

  afterAll(() => app.close());

  it('gives every ticket of a batch the same candidates as the one-ticket reference search', async () => {
    const ids: string[] = (await db.query(`SELECT id FROM tickets WHERE external_id LIKE 'DUPS-%' ORDER BY external_id`)).map((r: { id: string }) => r.id);
    const finder = new DuplicateFinder();
    for (const batch of [ids.slice(0, 50), ids.slice(300, 380), ids.filter((_, i) => i % 9 === 0)]) {
      const found = await db.transaction((tx) => finder.findMany(tx, batch));
      for (const id of batch) expect([id, found.get(id)]).toEqual([id, await referenceDuplicates(db, id)]);
    }
    // a second pass finds the same with the bigrams cached and descriptions left out
    const again = await db.transaction((tx) => finder.findMany(tx, ids.slice(0, 50)));
    for (const id of ids.slice(0, 50)) expect(again.get(id)).toEqual(await referenceDuplicates(db, id));
  }, 120000);

  it('finds the same when hundreds of tickets share one receipt second', async () => {
    const ids: string[] = (await db.query(`SELECT id FROM tickets WHERE external_id LIKE 'TIES-%' ORDER BY id`)).map((r: { id: string }) => r.id);
    const found = await db.transaction((tx) => new DuplicateFinder().findMany(tx, ids.slice(100, 200)));
    for (const id of ids.slice(100, 200)) expect([id, found.get(id)]).toEqual([id, await referenceDuplicates(db, id)]);
  }, 120000);

  it('proposes tickets about the same matter only, in either wording', async () => {
    const [ticket] = await db.query(`SELECT id FROM tickets WHERE external_id = 'DUPS-1'`);
    const found = (await db.transaction((tx) => new DuplicateFinder().findMany(tx, [ticket.id]))).get(ticket.id) ?? [];
    expect(found.length).toBeGreaterThan(0);
    const descriptions = (await db.query(`SELECT DISTINCT description FROM tickets WHERE id = ANY($1::uuid[])`, [found])).map((r: { description: string }) => r.description);
    expect(descriptions.every((d: string) => d === TEXTS[0] || d === TEXTS[1])).toBe(true);
  });
});
