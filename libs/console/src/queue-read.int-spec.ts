import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createTestApi, postFeed, resetDatabase } from '@hub/testing';
import { ApiModule } from '../../../apps/api/src/api.module';
import { ConsoleQueries } from './console-queries.service';
import { readQueue } from './queue-read';

type Row = { id: string; received_at: Date };

/**
 * The console queue's text search: a word common among the newest tickets is read from them one by
 * one; a rarer one through the text indexes. Either way the page is the newest matches, in order.
 */
describe('console queue search: common words from the newest tickets, rare ones from the indexes', () => {
  let app: INestApplication;
  let db: DataSource;
  let sent: string[];
  const run = (sql: string, params: unknown[]) => {
    sent.push(sql);
    return db.query(sql, params);
  };
  /** every match, newest first, by reading every text */
  const reference = async (like: string, region?: string): Promise<string[]> =>
    (
      await db.query(
        `SELECT t.id FROM tickets t JOIN ticket_texts x ON x.ticket_id = t.id WHERE (x.description ILIKE $1 OR x.subject_name ILIKE $1) AND ($2::text IS NULL OR t.region_code = $2) ORDER BY t.received_at DESC, t.id DESC`,
        [like, region ?? null],
      )
    ).map((r: { id: string }) => r.id);
  const walked = () => sent.some((sql) => sql.includes('row_number() OVER ()'));
  /** every match read from the text indexes in one pass, which counts them and takes the page */
  const pageThroughIndexes = () => sent.some((sql) => sql.includes('FROM ticket_texts WHERE') && sql.includes('AS MATERIALIZED') && sql.includes('count(*)'));

  beforeAll(async () => {
    app = await createTestApi(ApiModule);
    db = app.get(DataSource);
    await resetDatabase(db);
    // 120 tickets a minute apart; every second one (the even ones) complains of milk powder
    const records = Array.from({ length: 120 }, (_, i) => ({
      gdbh: `QR-${i}`,
      ldsj: `2026-11-30 ${String(8 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00`,
      sjlx: '投诉',
      sqnr: i % 2 === 0 ? `超市卖过期奶粉，批号${i}` : `加油站计量不准，第${i}次加油`,
      xzqh: i % 3 === 0 ? '220200' : '220102',
      bsdx: { mc: i === 7 ? '万佳福超市七号店' : `商户${i}` },
    }));
    await postFeed(app.getHttpServer(), '12315', JSON.stringify(records), 'application/json').expect(202);
    await db.query('ANALYZE tickets');
  });

  beforeEach(() => {
    sent = [];
  });

  afterAll(() => app.close());

  it('reads a common word from the newest tickets: the newest 50 of its 60 matches, and the exact total', async () => {
    const expected = await reference('%奶粉%');
    expect(expected).toHaveLength(60);
    const first = await readQueue<Row>(run, { q: '奶粉' }, 50, null);
    expect(walked()).toBe(true);
    expect(pageThroughIndexes()).toBe(false);
    expect(first.rows.map((r) => r.id)).toEqual(expected.slice(0, 51));
    expect(first.total).toBe(60);

    sent = [];
    const last = first.rows[49];
    const second = await readQueue<Row>(run, { q: '奶粉' }, 50, { at: last.received_at.toISOString(), id: last.id });
    expect(second.rows.map((r) => r.id)).toEqual(expected.slice(50));
    expect(second.total).toBe(60);
    expect(pageThroughIndexes()).toBe(true);
  });

  it('finds a rare business name through the indexes after the newest tickets did not fill a page', async () => {
    const result = await readQueue<Row>(run, { q: '万佳福超市七号店' }, 50, null);
    expect(walked()).toBe(true);
    expect(pageThroughIndexes()).toBe(true);
    expect(result.rows.map((r) => r.id)).toEqual(await reference('%万佳福超市七号店%'));
    expect(result.total).toBe(1);
  });

  it('keeps the other filters on the newest tickets it reads', async () => {
    const expected = await reference('%奶粉%', '220200');
    expect(expected).toHaveLength(20);
    const result = await readQueue<Row>(run, { q: '奶粉', region: '220200' }, 10, null);
    expect(walked()).toBe(true);
    expect(pageThroughIndexes()).toBe(false);
    expect(result.rows.map((r) => r.id)).toEqual(expected.slice(0, 11));
    expect(result.total).toBe(20);
  });

  it('keeps the other filters on a rare word read through the indexes', async () => {
    const elsewhere = await readQueue<Row>(run, { q: '万佳福超市七号店', region: '220200' }, 50, null);
    expect(pageThroughIndexes()).toBe(true);
    expect(elsewhere).toEqual({ rows: [], total: 0 });
    const there = await readQueue<Row>(run, { q: '万佳福超市七号店', region: '220100' }, 50, null);
    expect(there.rows.map((r) => r.id)).toEqual(await reference('%万佳福超市七号店%', '220100'));
    expect(there.total).toBe(1);
  });

  it('counts a ticket once when its business name and its description both hold the word', async () => {
    const record = { gdbh: 'QR-BOTH', ldsj: '2026-11-29 09:00:00', sjlx: '投诉', sqnr: '蓝莓果园卖的蓝莓果酱变质', xzqh: '220102', bsdx: { mc: '蓝莓果园' } };
    await postFeed(app.getHttpServer(), '12315', JSON.stringify(record), 'application/json').expect(202);
    expect(await reference('%蓝莓%')).toHaveLength(1);
    for (const q of ['蓝莓', '蓝莓果园']) {
      sent = [];
      const result = await readQueue<Row>(run, { q }, 50, null);
      expect(pageThroughIndexes()).toBe(true);
      expect(result.rows.map((r) => r.id)).toEqual(await reference(`%${q}%`));
      expect(result.total).toBe(1);
    }
  });

  it('goes straight to the index for a tracking code', async () => {
    const [ticket] = await db.query(`SELECT id, tracking_code FROM tickets WHERE external_id = 'QR-5'`);
    const result = await readQueue<Row>(run, { q: ticket.tracking_code }, 50, null);
    expect(walked()).toBe(false);
    expect(result.rows.map((r) => r.id)).toEqual([ticket.id]);
    expect(result.total).toBe(1);
  });

  it('estimates the total of a common single character from its share among the tickets read, beyond a walk', async () => {
    // a walk of 40 tickets: the 11th match is the 22nd ticket read, so half of the 120 tickets (the planner's count after ANALYZE)
    const result = await readQueue<Row>(run, { q: '奶' }, 10, null, 40);
    expect(result.rows.map((r) => r.id)).toEqual((await reference('%奶%')).slice(0, 11));
    expect(result.total).toBe(60);
    expect(sent.some((sql) => sql.includes('count(*)'))).toBe(false);
  });

  it('counts the total of a common word through the indexes when the estimate is within exact counting', async () => {
    const result = await readQueue<Row>(run, { q: '过期奶粉' }, 10, null, 40);
    expect(walked()).toBe(true);
    expect(result.total).toBe(60);
    expect(sent.some((sql) => sql.includes('count(*)'))).toBe(true);
  });

  it('stops a search still running at the time limit and asks for a narrower one', async () => {
    const console = app.get(ConsoleQueries);
    expect((await console.queue({ q: '奶粉' })).total).toBe(60);
    // the texts held by another transaction: the search waits on them until the limit
    const blocker = db.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    try {
      await blocker.query('LOCK TABLE ticket_texts IN ACCESS EXCLUSIVE MODE');
      await expect(console.queue({ q: '奶粉' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', status: 422, details: [{ field: 'q' }] });
    } finally {
      await blocker.rollbackTransaction();
      await blocker.release();
    }
    expect((await console.queue({ q: '奶粉' })).items).toHaveLength(50);
  });
});
