import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createTestApi, postFeed, resetDatabase } from '@hub/testing';
import { ApiModule } from '../../../apps/api/src/api.module';

type TextRow = { external_id: string; subject_name: string | null; description: string };

/** `ticket_texts`, the copy the text search reads, follows the tickets without the tickets' updates reindexing it. */
describe('ticket_texts: the searchable copy of names and descriptions', () => {
  let app: INestApplication;
  let db: DataSource;
  const texts = (): Promise<TextRow[]> =>
    db.query(`SELECT t.external_id, x.subject_name, x.description FROM ticket_texts x JOIN tickets t ON t.id = x.ticket_id ORDER BY t.external_id`);

  beforeAll(async () => {
    app = await createTestApi(ApiModule);
    db = app.get(DataSource);
    await resetDatabase(db);
  });

  afterAll(() => app.close());

  it('holds every ticket of a batch and of a single post as intake stored it', async () => {
    const record = (n: number, text: string) => ({ gdbh: `TEXTS-${n}`, ldsj: '2026-11-30 10:00:00', sjlx: '投诉', sqnr: text, xzqh: '220104', bsdx: { mc: `万佳福超市${n}` } });
    await postFeed(app.getHttpServer(), '12315', JSON.stringify([record(1, '超市卖过期奶粉'), record(2, '药店卖假药')]), 'application/json').expect(202);
    await postFeed(app.getHttpServer(), '12315', JSON.stringify(record(3, '加油站计量不准')), 'application/json').expect(202);
    expect(await texts()).toEqual([
      { external_id: 'TEXTS-1', subject_name: '万佳福超市1', description: '超市卖过期奶粉' },
      { external_id: 'TEXTS-2', subject_name: '万佳福超市2', description: '药店卖假药' },
      { external_id: 'TEXTS-3', subject_name: '万佳福超市3', description: '加油站计量不准' },
    ]);
  });

  it('carries the receipt time of each ticket, which a search sorts its matches by', async () => {
    const differing = await db.query(`SELECT t.external_id FROM ticket_texts x JOIN tickets t ON t.id = x.ticket_id WHERE x.received_at IS DISTINCT FROM t.received_at`);
    expect(differing).toEqual([]);
    expect(await db.query(`SELECT count(*)::int AS n FROM ticket_texts`)).toEqual([{ n: 3 }]);
  });

  it('follows a corrected name and is left alone by every other update', async () => {
    const [before] = await db.query(`SELECT x.xmin::text AS version FROM ticket_texts x JOIN tickets t ON t.id = x.ticket_id WHERE t.external_id = 'TEXTS-2'`);
    await db.query(`UPDATE tickets SET priority = priority + 1, updated_at = now() WHERE external_id = 'TEXTS-2'`);
    const [after] = await db.query(`SELECT x.xmin::text AS version FROM ticket_texts x JOIN tickets t ON t.id = x.ticket_id WHERE t.external_id = 'TEXTS-2'`);
    expect(after.version).toBe(before.version);
    await db.query(`UPDATE tickets SET subject_name = '康宁大药房' WHERE external_id = 'TEXTS-2'`);
    expect((await texts()).find((r) => r.external_id === 'TEXTS-2')).toEqual({ external_id: 'TEXTS-2', subject_name: '康宁大药房', description: '药店卖假药' });
  });
});
