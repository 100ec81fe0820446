import type { INestApplication } from '@nestjs/common';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { verifyHistoryChains } from '@hub/tickets';
import { createTestApi, resetDatabase, staffToken, TEST_ENV } from '@hub/testing';
import { ApiModule } from '../src/api.module';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..', '..');

describe('tamper-evident ticket history', () => {
  let app: INestApplication;
  let db: DataSource;
  let master: string;
  let duplicate: string;
  const http = () => request(app.getHttpServer());

  const intake = (gdbh: string, sqnr: string) =>
    http()
      .post('/api/v1/intake/12315')
      .set('X-Feed-Key', 'dev-key-12315')
      .set('Content-Type', 'application/json')
      .send({ gdbh, ldsj: '2026-03-15 09:12:33', sjlx: '投诉', sqr: { xm: '李雷', dh: '13912345678' }, bsdx: { mc: '长春市宏达超市有限公司' }, sqnr })
      .expect(202);

  /** What an intruder with database access does: switch the append-only trigger off and edit. */
  const tamper = (sql: string, params: unknown[]) =>
    db.transaction(async (tx) => {
      await tx.query(`SET LOCAL session_replication_role = replica`);
      await tx.query(sql, params);
    });

  beforeAll(async () => {
    app = await createTestApi(ApiModule);
    db = app.get(DataSource);
    await resetDatabase(db);
    master = (await intake('CHAIN-1', '奶粉生产日期被涂改')).body.accepted[0].ticketId;
    await intake('CHAIN-1', '奶粉生产日期被涂改，罐底有刮痕');
    duplicate = (await intake('CHAIN-2', '同一家超市奶粉日期涂改')).body.accepted[0].ticketId;
    const operator = await staffToken(app, { username: 'op.chain', roles: ['OPERATOR'] });
    const as = { Authorization: `Bearer ${operator}` };
    const { version } = (await http().get(`/api/v1/tickets/${duplicate}`).set(as).expect(200)).body;
    await http().post(`/api/v1/console/tickets/${duplicate}/claim`).set(as).expect(200);
    await http().post(`/api/v1/console/tickets/${duplicate}/merge`).set(as).send({ version, masterId: master }).expect(200);
  });

  afterAll(() => app.close());

  const historyOf = (ticketId: string): Promise<Array<{ id: string; action: string; hash: string }>> =>
    db.query(`SELECT id, action, hash FROM ticket_history WHERE ticket_id = $1 ORDER BY id`, [ticketId]);

  it('chains every entry of a ticket, whichever path wrote it, and the chain verifies', async () => {
    const entries = await historyOf(master);
    expect(entries.map((e) => e.action)).toEqual(['RECEIVED', 'RESENT_CHANGED', 'DUPLICATE_MERGED_IN']);
    expect(new Set(entries.map((e) => e.hash)).size).toBe(3);
    expect((await historyOf(duplicate)).map((e) => e.action)).toEqual(['RECEIVED', 'MERGED']);
    expect(await verifyHistoryChains(db)).toEqual({ tickets: 2, entries: 5, breaks: [] });
  });

  it('refuses a plain UPDATE of history', async () => {
    await expect(db.query(`UPDATE ticket_history SET reason = 'x' WHERE ticket_id = $1`, [master])).rejects.toThrow('append-only');
  });

  it('catches an edited entry, and a removed one, and `npm run verify:history` reports them', async () => {
    const [received, resent, mergedIn] = await historyOf(master);
    await tamper(`UPDATE ticket_history SET reason = 'feed resent nothing' WHERE id = $1`, [resent.id]);
    expect((await verifyHistoryChains(db)).breaks).toEqual([{ ticketId: master, historyId: resent.id, action: 'RESENT_CHANGED' }]);

    const [mergedRow] = await historyOf(duplicate).then((rows) => rows.filter((r) => r.action === 'MERGED'));
    const [receivedOfDuplicate] = await historyOf(duplicate);
    await tamper(`DELETE FROM ticket_history WHERE id = $1`, [receivedOfDuplicate.id]);
    const result = await verifyHistoryChains(db);
    expect(result.breaks.map((b) => b.historyId).sort()).toEqual([resent.id, mergedRow.id].sort());
    expect(result.breaks.map((b) => b.historyId)).not.toContain(received.id);
    expect(result.breaks.map((b) => b.historyId)).not.toContain(mergedIn.id);

    const cli = await run('node', ['scripts/run-ts.js', 'apps/api/src/verify-history.ts'], { cwd: ROOT, env: { ...process.env, ...TEST_ENV } }).then(
      () => ({ code: 0, stdout: '' }),
      (error: { code: number; stdout: string }) => error,
    );
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain(`BROKEN ticket ${master} history entry ${resent.id} (RESENT_CHANGED)`);
    expect(cli.stdout).toContain('history chains: 2 tickets, 4 entries, 2 broken');
  });
});
