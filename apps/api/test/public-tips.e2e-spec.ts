import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { PiiCipher } from '@hub/auth/pii-cipher';
import { AppConfig, RedisClient } from '@hub/core';
import { TipsterNotifier, TipsterNotice } from '@hub/rewards';
import { TipsterReceiptStep } from '@hub/rewards/notify/tipster-receipt.step';
import { ApiProcess, createTestApi, createTestWorker, namedReporter, PDF_MINIMAL, PNG_1PX, postFeed, resetDatabase, staffToken, startApiProcess, TEST_ENV, tipBody, waitFor } from '@hub/testing';
import { WorkerModule } from '../../worker/src/worker.module';
import { ApiModule } from '../src/api.module';

const SECOND_API_PORT = Number(process.env.E2E_PORT ?? 3230) + 57;

describe('public portal: tips, receipts and lookups safe from guessing', () => {
  let app: INestApplication;
  let worker: INestApplicationContext;
  let db: DataSource;
  let operator: string;
  let second: ApiProcess;
  let address = 0;
  const http = () => request(app.getHttpServer());
  /** each test's lookups come from their own client address (X-Forwarded-For through the loopback proxy) */
  const nextAddress = () => `198.51.100.${++address}`;
  const submit = (body: Record<string, unknown>, from = nextAddress()) => http().post('/api/v1/public/tips').set('X-Forwarded-For', from).send(body);
  const lookup = (trackingCode: string, pin: string, from: string, server: unknown = app.getHttpServer()) =>
    request(server as Parameters<typeof request>[0]).post('/api/v1/public/tips/status').set('X-Forwarded-For', from).send({ trackingCode, pin });
  const ticketIdOf = async (trackingCode: string) => ((await db.query(`SELECT id FROM tickets WHERE tracking_code = $1`, [trackingCode])) as Array<{ id: string }>)[0].id;
  const wrongPin = (pin: string) => pin.slice(0, -1) + String((Number(pin.slice(-1)) + 1) % 10);

  beforeAll(async () => {
    app = await createTestApi(ApiModule);
    db = app.get(DataSource);
    await resetDatabase(db);
    await clearRateLimits(app);
    worker = await createTestWorker(WorkerModule);
    operator = await staffToken(app, { username: 'op.portal', roles: ['OPERATOR'] });
    second = await startApiProcess(SECOND_API_PORT, { LOG_LEVEL: 'info' });
  }, 120_000);

  afterAll(async () => {
    await second?.stop();
    await worker?.close();
    await app?.close();
  });

  it('takes an anonymous tip as a WEB ticket, routed like any feed’s, and answers the tracking code and a PIN of 18 digits', async () => {
    const res = await submit(tipBody()).expect(201);
    expect(Object.keys(res.body).sort()).toEqual(['pin', 'trackingCode']);
    expect(res.body.trackingCode).toMatch(/^JL\d{13}$/);
    expect(res.body.pin).toMatch(/^\d{18}$/);
    const id = await ticketIdOf(res.body.trackingCode);
    const ticket = await waitFor(async () => {
      const t = (await http().get(`/api/v1/tickets/${id}`).set('Authorization', `Bearer ${operator}`).expect(200)).body;
      return t.status !== 'RECEIVED' ? t : undefined;
    });
    expect(ticket).toMatchObject({ feed: 'WEB', channel: 'WEB', kind: 'REPORT', regionCode: '220100', reporter: { anonymous: true, name: null, phone: null } });
    expect(ticket.deadlines.dispatchBy).not.toBeNull();
    expect(['DISPATCHED', 'TRIAGE']).toContain(ticket.status);
    const [receipt] = await db.query(`SELECT pin_hash, source FROM tipster_receipts WHERE ticket_id = $1`, [id]);
    expect(receipt.source).toBe('PORTAL');
    expect(receipt.pin_hash).toMatch(/^\$argon2id\$/);
    expect(receipt.pin_hash).not.toContain(res.body.pin);
  });

  it('seals a named tipster’s identity as intake does: phone in E.164, masks for staff', async () => {
    const res = await submit(tipBody({ reporter: namedReporter('欧阳明', '0431-88886666', '220102199003071235') })).expect(201);
    const id = await ticketIdOf(res.body.trackingCode);
    const ticket = (await http().get(`/api/v1/tickets/${id}`).set('Authorization', `Bearer ${operator}`).expect(200)).body;
    expect(ticket.reporter).toEqual({ anonymous: false, name: '欧**', phone: '+86431****6666', idNumber: '2201************35', email: null });
    const [row] = await db.query(`SELECT reporter_secret FROM tickets WHERE id = $1`, [id]);
    expect(row.reporter_secret).not.toContain('欧阳明');
    expect(app.get(PiiCipher).decryptJson(row.reporter_secret)).toMatchObject({ name: '欧阳明', phoneE164: '+8643188886666', idNumber: '220102199003071235', idNumberValid: true });
  });

  it('answers 422 naming every invalid field, in Chinese', async () => {
    const res = await submit({ kind: 'RUMOUR', description: '太短', reporter: { anonymous: false, idNumber: '220102199003071234' }, regionCode: '110000' }).expect(422);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const fields = res.body.error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['kind', 'description', 'reporter.name', 'reporter.phone', 'reporter.idNumber', 'regionCode']));
    expect(res.body.error.details.find((d: { field: string }) => d.field === 'reporter.idNumber').message).toBe('身份证号校验位不正确，请核对');
    const badPhone = await submit(tipBody({ reporter: namedReporter('王建国', '12345') })).expect(422);
    expect(badPhone.body.error.details).toEqual([{ field: 'reporter.phone', message: '请填写有效的手机或固定电话号码' }]);
    await submit(tipBody({ reporter: { anonymous: true }, extra: 'x' })).expect(422);
  });

  it('takes photos and PDFs as multipart, recognised by their content', async () => {
    const res = await http()
      .post('/api/v1/public/tips')
      .set('X-Forwarded-For', nextAddress())
      .field('tip', JSON.stringify(tipBody()))
      .attach('files', PNG_1PX, { filename: '现场照片.txt', contentType: 'text/plain' })
      .attach('files', PDF_MINIMAL, { filename: '../../购物小票', contentType: 'application/octet-stream' })
      .expect(201);
    const id = await ticketIdOf(res.body.trackingCode);
    const files = (await http().get(`/api/v1/tickets/${id}/attachments`).set('Authorization', `Bearer ${operator}`).expect(200)).body;
    const stored = files.map((f: { fileName: string; mimeType: string; sizeBytes: number }) => [f.fileName, f.mimeType, f.sizeBytes]);
    expect(stored.sort()).toEqual([
      ['现场照片.png', 'image/png', PNG_1PX.length],
      ['购物小票.pdf', 'application/pdf', PDF_MINIMAL.length],
    ].sort());
  });

  it('refuses a file that is no photo or PDF (415), a sixth file (422) and a file over 10 MiB (413)', async () => {
    const form = () => http().post('/api/v1/public/tips').set('X-Forwarded-For', nextAddress()).field('tip', JSON.stringify(tipBody()));
    const script = await form().attach('files', PNG_1PX, 'a.png').attach('files', Buffer.from('#!/bin/sh\nrm -rf /\n'), { filename: 'photo.jpg', contentType: 'image/jpeg' }).expect(415);
    expect(script.body.error).toMatchObject({ code: 'UNSUPPORTED_FILE_TYPE', details: [{ field: 'files[1]', message: expect.stringContaining('照片') }] });
    let six = form();
    for (let i = 0; i < 6; i++) six = six.attach('files', PNG_1PX, `p${i}.png`);
    expect((await six.expect(422)).body.error.details).toEqual([{ field: 'files', message: '最多上传 5 个文件' }]);
    const big = Buffer.concat([PDF_MINIMAL, Buffer.alloc(10 * 1024 * 1024)]);
    expect((await form().attach('files', big, 'big.pdf').expect(413)).body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await db.query(`SELECT count(*)::int AS n FROM tickets WHERE feed = 'WEB'`))[0].n).toBe(3);
  });

  it('shows the tipster status in plain Chinese, and nothing about who handles it', async () => {
    const { body: receipt } = await submit(tipBody()).expect(201);
    const res = await lookup(receipt.trackingCode, receipt.pin, nextAddress()).expect(200);
    expect(Object.keys(res.body).sort()).toEqual(['reward', 'status', 'statusText', 'trackingCode', 'updatedAt']);
    expect(res.body).toMatchObject({ trackingCode: receipt.trackingCode, reward: null });
    expect(res.body.statusText).toMatch(/^[\u4e00-\u9fa5，]+$/);
    expect(JSON.stringify(res.body)).not.toMatch(/@22|AIC|QTS|leadUnit|handler/);
  });

  it('answers a wrong code and a wrong PIN identically: same status, code, message, and time within tolerance', async () => {
    const receipts = await Promise.all([0, 1, 2].map(() => submit(tipBody()).expect(201).then((r) => r.body as { trackingCode: string; pin: string })));
    const timed = async (code: string, pin: string) => {
      const started = process.hrtime.bigint();
      const res = await lookup(code, pin, nextAddress());
      return { res, ms: Number(process.hrtime.bigint() - started) / 1e6 };
    };
    const wrongCode: number[] = [];
    const wrongPinMs: number[] = [];
    const bodies = new Set<string>();
    for (let round = 0; round < 4; round++) {
      for (const r of receipts) {
        const a = await timed(`JL260101${String(1000000 + round * 10 + receipts.indexOf(r)).slice(-7)}`, r.pin);
        const b = await timed(r.trackingCode, wrongPin(r.pin));
        for (const x of [a, b]) {
          expect(x.res.status).toBe(404);
          bodies.add(JSON.stringify({ ...x.res.body.error, requestId: undefined }));
        }
        wrongCode.push(a.ms);
        wrongPinMs.push(b.ms);
      }
    }
    expect([...bodies]).toEqual([JSON.stringify({ code: 'TIP_NOT_FOUND', message: '查询码或查询密码不正确', details: [] })]);
    const median = (xs: number[]) => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)];
    const [codeMs, pinMs] = [median(wrongCode), median(wrongPinMs)];
    // both run one argon2id verification; what is left is noise
    expect(Math.abs(codeMs - pinMs)).toBeLessThan(Math.max(15, 0.3 * Math.max(codeMs, pinMs)));
  });

  it('takes at most PUBLIC_TIPS_PER_HOUR tips from one address in an hour', async () => {
    const from = nextAddress();
    const perHour = app.get(AppConfig).env.PUBLIC_TIPS_PER_HOUR;
    for (let i = 0; i < perHour; i++) await submit(tipBody(), from).expect(201);
    const refused = await submit(tipBody(), from).expect(429);
    expect(refused.body.error.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3500);
    await submit(tipBody(), nextAddress()).expect(201);
  });

  it('locks a tracking code after 5 failures for 15 minutes, the right PIN included, with Retry-After', async () => {
    const { body: receipt } = await submit(tipBody()).expect(201);
    for (let i = 0; i < 5; i++) await lookup(receipt.trackingCode, wrongPin(receipt.pin), nextAddress()).expect(404);
    const locked = await lookup(receipt.trackingCode, receipt.pin, nextAddress()).expect(429);
    expect(locked.body.error.code).toBe('RATE_LIMITED');
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);
  });

  it('locks a client address after 20 failures in an hour, whatever the codes', async () => {
    const from = nextAddress();
    for (let i = 0; i < 20; i++) await lookup(`JL26010${String(2000000 + i).padStart(8, '0')}`, '123456789012345678', from).expect(404);
    const { body: receipt } = await submit(tipBody()).expect(201);
    const locked = await lookup(receipt.trackingCode, receipt.pin, from).expect(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(3500);
    await lookup(receipt.trackingCode, receipt.pin, nextAddress()).expect(200);
  });

  it('counts failures across api processes: 3 on one, 2 on another, and both refuse the code', async () => {
    const { body: receipt } = await submit(tipBody()).expect(201);
    for (let i = 0; i < 3; i++) await lookup(receipt.trackingCode, wrongPin(receipt.pin), nextAddress()).expect(404);
    for (let i = 0; i < 2; i++) await lookup(receipt.trackingCode, wrongPin(receipt.pin), nextAddress(), second.url).expect(404);
    await lookup(receipt.trackingCode, receipt.pin, nextAddress(), second.url).expect(429);
    await lookup(receipt.trackingCode, receipt.pin, nextAddress()).expect(429);
    const from = nextAddress();
    for (let i = 0; i < 10; i++) await lookup(`JL26010${String(3000000 + i).padStart(8, '0')}`, '1', from).expect(404);
    for (let i = 0; i < 10; i++) await lookup(`JL26010${String(3100000 + i).padStart(8, '0')}`, '1', from, second.url).expect(404);
    expect((await lookup('JL2601010000000', '1', from).expect(429)).body.error.code).toBe('RATE_LIMITED');
  });

  it('keeps no client address or user agent with a tip, nor in the request log', async () => {
    const agent = 'TipsterPhone/9.9 (unique-agent-7f3a)';
    const from = '203.0.113.77';
    const res = await request(second.url).post('/api/v1/public/tips').set('User-Agent', agent).set('X-Forwarded-For', from).send(tipBody({ reporter: namedReporter() })).expect(201);
    await request(second.url).post('/api/v1/public/tips/status').set('User-Agent', agent).set('X-Forwarded-For', from).send(res.body).expect(200);
    const id = await ticketIdOf(res.body.trackingCode);
    await waitFor(async () => second.output().includes('/api/v1/public/tips/status') || undefined);
    const log = second.output();
    expect(log).toContain('"url":"/api/v1/public/tips"');
    for (const secret of [agent, 'unique-agent-7f3a', from, 'remoteAddress', 'user-agent', res.body.pin, '13904310001', '王建国']) expect(log).not.toContain(secret);
    const stored = JSON.stringify(await db.query(`SELECT t.*, r.* FROM tickets t JOIN tipster_receipts r ON r.ticket_id = t.id WHERE t.id = $1`, [id]));
    expect(stored).not.toContain(from);
    expect(stored).not.toContain('unique-agent');
  });

  it('sends a hotline REPORT’s tipster a tracking code and PIN through the notifier, once, and the PIN works', async () => {
    const sent: TipsterNotice[] = [];
    const notifier = worker.get(TipsterNotifier);
    const spy = jest.spyOn(notifier, 'send').mockImplementation(async (notice) => {
      sent.push(notice);
    });
    try {
      const feed = (id: string, sjlx: string, sqr: Record<string, string>) =>
        postFeed(app.getHttpServer(), '12315', JSON.stringify({ gdbh: id, ldsj: '2026-11-30 09:00:00', qdly: '电话', sjlx, sqr, sqnr: '举报长春市朝阳区一家药店销售假药，包装印刷模糊' }), 'application/json').expect(202);
      const report = (await feed('RCPT-1', '举报', { xm: '李四', dh: '13904319999' })).body.accepted[0];
      const complaint = (await feed('RCPT-2', '投诉', { xm: '赵六', dh: '13904318888' })).body.accepted[0];
      const nameOnly = (await feed('RCPT-3', '举报', { xm: '钱七' })).body.accepted[0];
      await waitFor(async () => ((await db.query(`SELECT count(*)::int AS n FROM tickets WHERE feed = '12315' AND external_id LIKE 'RCPT-%' AND pipeline_step = 'DONE'`))[0].n === 3 ? true : undefined));
      await waitFor(async () => sent.length >= 1 || undefined);
      await new Promise((r) => setTimeout(r, 500));
      expect(sent).toEqual([{ kind: 'RECEIPT', phoneE164: '+8613904319999', trackingCode: report.trackingCode, pin: expect.stringMatching(/^\d{18}$/) }]);
      const pin = (sent[0] as { pin: string }).pin;
      await lookup(report.trackingCode, pin, nextAddress()).expect(200);
      // a complaint is never queued for a receipt; a named reporter's REPORT is, and finds no phone
      const queued = await db.query(`SELECT ticket_id FROM outbox WHERE topic = 'pipeline' AND payload->>'job' = 'tipster-receipt' AND ticket_id = ANY($1::uuid[]) ORDER BY ticket_id`, [
        [report.ticketId, complaint.ticketId, nameOnly.ticketId],
      ]);
      expect(queued.map((q: { ticket_id: string }) => q.ticket_id)).toEqual([report.ticketId, nameOnly.ticketId].sort());
      await expect(worker.get(TipsterReceiptStep).run(report.ticketId)).resolves.toBe('no receipt to send');
      expect(sent).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('sends the receipts of a hotline batch together; a send that failed is retried with a new PIN, the others are not sent again', async () => {
    const sent: TipsterNotice[] = [];
    let secondTipsterAttempts = 0;
    const notifier = worker.get(TipsterNotifier);
    const spy = jest.spyOn(notifier, 'send').mockImplementation(async (notice) => {
      // the SMS gateway refuses the second tipster's first message
      if (notice.phoneE164 === '+8613904317702' && secondTipsterAttempts++ === 0) throw new Error('SMS gateway answered 503');
      sent.push(notice);
    });
    try {
      const phones = ['13904317701', '13904317702', '13904317703'];
      const records = phones.map((dh, i) => ({ gdbh: `RCPT-B${i}`, ldsj: '2026-11-30 09:00:00', qdly: '电话', sjlx: '举报', sqr: { xm: '孙八', dh }, sqnr: '举报长春市朝阳区一家药店销售假药，包装印刷模糊' }));
      const accepted: Array<{ ticketId: string; trackingCode: string }> = (await postFeed(app.getHttpServer(), '12315', JSON.stringify(records), 'application/json').expect(202)).body.accepted;
      await waitFor(async () => (sent.length === 3 ? true : undefined), 15_000);
      expect(secondTipsterAttempts).toBe(2);
      expect(sent.map((n) => n.phoneE164).sort()).toEqual(phones.map((p) => `+86${p}`));
      for (const [i, ticket] of accepted.entries()) {
        const notice = sent.find((n) => n.phoneE164 === `+86${phones[i]}`) as { pin: string; trackingCode: string };
        expect(notice.trackingCode).toBe(ticket.trackingCode);
        await lookup(ticket.trackingCode, notice.pin, nextAddress()).expect(200);
      }
      const history = await db.query(`SELECT ticket_id, count(*)::int AS n FROM ticket_history WHERE action = 'TIPSTER_RECEIPT_SENT' AND ticket_id = ANY($1::uuid[]) GROUP BY ticket_id`, [accepted.map((a) => a.ticketId)]);
      expect(history.map((h: { n: number }) => h.n)).toEqual([1, 1, 1]);
    } finally {
      spy.mockRestore();
    }
  });
});

/** Only this run's own rate-limit keys, under the test prefix. */
async function clearRateLimits(app: INestApplication): Promise<void> {
  const redis = app.get(RedisClient).redis;
  const keys = await redis.keys(`${TEST_ENV.REDIS_PREFIX}:tips:*`);
  if (keys.length > 0) await redis.del(...keys);
}
