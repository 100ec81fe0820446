import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApi, postFeed, resetDatabase, sampleBytes, staffToken } from '@hub/testing';
import { ApiModule } from '../src/api.module';

describe('unreadable feed records: list, view, re-run, discard', () => {
  let app: INestApplication;
  let db: DataSource;
  let operator: string;
  let handler: string;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await createTestApi(ApiModule);
    db = app.get(DataSource);
    await resetDatabase(db);
    operator = await staffToken(app, { username: 'op.raw', roles: ['OPERATOR'] });
    handler = await staffToken(app, { username: 'h.raw', roles: ['HANDLER'], unit: 'AIC@220100' });
  });

  afterAll(() => app.close());

  it('lists what could not be read, newest first, with the reason, and shows the stored bytes', async () => {
    const first = await postFeed(app.getHttpServer(), '12315', '{"gdbh": ', 'application/json').expect(400);
    const second = await postFeed(app.getHttpServer(), '12365', '<Complaint><SerialNo>', 'application/xml').expect(400);
    await postFeed(app.getHttpServer(), '12315', sampleBytes('12315-P001.json'), 'application/json').expect(202);
    const list = await http().get('/api/v1/feed-records').set('Authorization', `Bearer ${operator}`).expect(200);
    expect(list.body.total).toBe(2);
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([second.body.rawId, first.body.rawId]);
    expect(list.body.items[1]).toMatchObject({ feed: '12315', state: 'UNREADABLE', errorCode: 'MALFORMED_JSON', errorMessage: expect.stringContaining('JSON') });
    const filtered = await http().get('/api/v1/feed-records?feed=12365').set('Authorization', `Bearer ${operator}`).expect(200);
    expect(filtered.body.items).toHaveLength(1);
    const page = await http().get('/api/v1/feed-records?limit=1').set('Authorization', `Bearer ${operator}`).expect(200);
    expect(page.body.items).toHaveLength(1);
    const next = await http().get(`/api/v1/feed-records?limit=1&cursor=${page.body.nextCursor}`).set('Authorization', `Bearer ${operator}`).expect(200);
    expect(next.body.items[0].id).toBe(first.body.rawId);
    expect(next.body.nextCursor).toBeNull();
    const one = await http().get(`/api/v1/feed-records/${first.body.rawId}`).set('Authorization', `Bearer ${operator}`).expect(200);
    expect(one.body.preview).toBe('{"gdbh": ');
    const body = await http().get(`/api/v1/feed-records/${first.body.rawId}/body`).set('Authorization', `Bearer ${operator}`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect((body.body as Buffer).toString()).toBe('{"gdbh": ');
  });

  it('re-runs a stored record with the current adapter and makes its ticket', async () => {
    // a record the adapter of the day could not read; the stored bytes are good for today's adapter
    const [{ id }] = await db.query(
      `INSERT INTO raw_records (feed, content_type, body, size_bytes, state, error_code, error_message) VALUES ('12315', 'application/json', $1, $2, 'UNREADABLE', 'UNEXPECTED_STRUCTURE', 'adapter failed') RETURNING id`,
      [sampleBytes('12315-P006.json'), sampleBytes('12315-P006.json').length],
    );
    const res = await http().post(`/api/v1/feed-records/${id}/rerun`).set('Authorization', `Bearer ${operator}`).expect(200);
    expect(res.body.state).toBe('PARSED');
    expect(res.body.accepted[0]).toMatchObject({ externalId: '12315-2026-1116-000102', duplicate: false });
    const t = await http().get(`/api/v1/tickets/${res.body.accepted[0].ticketId}`).set('Authorization', `Bearer ${operator}`).expect(200);
    expect(t.body.rawId).toBe(id);
    const again = await http().post(`/api/v1/feed-records/${id}/rerun`).set('Authorization', `Bearer ${operator}`).expect(409);
    expect(again.body.error.code).toBe('INVALID_TRANSITION');
  });

  it('re-runs a record that is still unreadable and says why', async () => {
    const bad = await postFeed(app.getHttpServer(), '12315', 'still not json', 'application/json').expect(400);
    const res = await http().post(`/api/v1/feed-records/${bad.body.rawId}/rerun`).set('Authorization', `Bearer ${operator}`).expect(200);
    expect(res.body).toMatchObject({ state: 'UNREADABLE', error: { code: 'MALFORMED_JSON' } });
    const [raw] = await db.query('SELECT attempts FROM raw_records WHERE id = $1', [bad.body.rawId]);
    expect(raw.attempts).toBe(2);
  });

  it('discards with a reason, once', async () => {
    const bad = await postFeed(app.getHttpServer(), '12330', '[', 'application/json').expect(400);
    await http().post(`/api/v1/feed-records/${bad.body.rawId}/discard`).set('Authorization', `Bearer ${operator}`).send({}).expect(422);
    const res = await http().post(`/api/v1/feed-records/${bad.body.rawId}/discard`).set('Authorization', `Bearer ${operator}`).send({ reason: '测试推送，热线确认作废' }).expect(200);
    expect(res.body).toMatchObject({ state: 'DISCARDED', discardReason: '测试推送，热线确认作废' });
    await http().post(`/api/v1/feed-records/${bad.body.rawId}/discard`).set('Authorization', `Bearer ${operator}`).send({ reason: '再次作废' }).expect(409);
    const list = await http().get('/api/v1/feed-records').set('Authorization', `Bearer ${operator}`).expect(200);
    expect(list.body.items.map((r: { id: string }) => r.id)).not.toContain(bad.body.rawId);
  });

  it('keeps unit staff and strangers out', async () => {
    await http().get('/api/v1/feed-records').set('Authorization', `Bearer ${handler}`).expect(403);
    await http().get('/api/v1/feed-records').expect(401);
    await http().get('/api/v1/feed-records/not-an-id').set('Authorization', `Bearer ${operator}`).expect(404);
  });
});
