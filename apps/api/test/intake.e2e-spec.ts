import type { INestApplication } from '@nestjs/common';
import * as iconv from 'iconv-lite';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApi, loadSamples, postFeed, resetDatabase, Sample, SampleExpectation, sampleBytes, sampleRequest, staffToken } from '@hub/testing';
import { PiiCipher } from '@hub/auth';
import { csvUpload, RawRecordsService } from '@hub/intake';
import { ApiModule } from '../src/api.module';

const KEY = (feed: string) => `dev-key-${feed}`;

describe('intake: every hotline into one ticket queue', () => {
  let app: INestApplication;
  let db: DataSource;
  let operator: string;

  beforeAll(async () => {
    app = await createTestApi(ApiModule);
    db = app.get(DataSource);
    await resetDatabase(db);
    operator = await staffToken(app, { username: 'op.intake', roles: ['OPERATOR'] });
  });

  afterAll(() => app.close());

  const post = (feed: string, body: Buffer | string, contentType: string, key: string | null = KEY(feed)) => postFeed(app.getHttpServer(), feed, body, contentType, key);
  const ticket = (id: string) => request(app.getHttpServer()).get(`/api/v1/tickets/${id}`).set('Authorization', `Bearer ${operator}`).expect(200);
  const rawCount = async () => Number((await db.query('SELECT count(*) AS n FROM raw_records'))[0].n);

  function expectCanonical(t: Record<string, any>, e: SampleExpectation, sample: Sample) {
    expect(t.externalId).toBe(e.externalId);
    expect(t.receivedAt).toBe(e.receivedAt);
    expect(t.kind).toBe(e.kind ?? e.kindAtIntake);
    expect(t.regionCode).toBe(e.regionCode);
    expect(t.description).toContain(e.descriptionContains);
    expect(t.reporter.anonymous).toBe(e.reporter.anonymous);
    if (e.reporter.name) expect(t.reporter.name).toBe(e.reporter.name[0] + '*'.repeat([...e.reporter.name].length - 1));
    if (e.subject) {
      expect(t.subject.name).toBe(e.subject.name);
      expect(t.subject.uscc).toBe(e.subject.uscc);
      expect(t.subject.usccValid).toBe(e.subject.usccValid);
    }
    expect(t.feed).toBe(sample.feed);
    expect(t.trackingCode).toMatch(/^JL\d{13}$/);
    expect(t.status).toBe('RECEIVED');
    expect(t.deadlines.dispatchBy).toMatch(/T15:59:59\.999Z$/);
  }

  /**
   * The phone as stored (sealed) is the E.164 of the number the feed sent. The manifest's
   * 12330 numbers differ from the payloads' `mobile`; the payload is what the hotline sent.
   */
  async function expectSealedPhone(ticketId: string, e: SampleExpectation, sample: Sample) {
    if (!e.reporter.phoneE164) return;
    const [row] = await db.query('SELECT reporter_secret, reporter_masked FROM tickets WHERE id = $1', [ticketId]);
    expect(row.reporter_secret).toMatch(/^g1\./);
    expect(row.reporter_secret).not.toContain(e.reporter.phoneE164);
    expect(row.reporter_masked.phone).toMatch(/^\+86\d{3}\*+\d{4}$/);
    const sealed = app.get(PiiCipher).decryptJson<{ phoneE164: string }>(row.reporter_secret);
    const sent = sample.feed === '12330' ? JSON.parse(sampleBytes(sample.file).toString('utf8')).reporter.mobile.replace(/[\s-]/g, '') : e.reporter.phoneE164;
    expect(sealed.phoneE164).toBe(sent);
  }

  describe('every sample payload reads back as its canonical ticket', () => {
    for (const sample of loadSamples()) {
      it(`${sample.feed} ${sample.file}`, async () => {
        const { body, contentType } = sampleRequest(sample);
        const res = await post(sample.feed, body, contentType).expect(202);
        expect(res.body.rawId).toEqual(expect.any(String));
        expect(res.body.rejected).toEqual([]);
        const expectations = sample.rows ?? [{ index: 0, expect: sample.expect as SampleExpectation }];
        expect(res.body.accepted).toHaveLength(expectations.length);
        for (const { index, expect: e } of expectations) {
          const entry = res.body.accepted.find((a: { index: number }) => a.index === index);
          expect(entry).toMatchObject({ externalId: e.externalId, duplicate: false });
          const t = (await ticket(entry.ticketId)).body;
          expectCanonical(t, e, sample);
          expect(t.rawId).toBe(res.body.rawId);
          await expectSealedPhone(entry.ticketId, e, sample);
        }
      });
    }
  });

  it('shows the raw request beside the ticket with the reporter masked, and keeps evidence files as attachments', async () => {
    const res = await post('12330', sampleBytes('12330-P022.json'), 'application/json').expect(202);
    const id = res.body.accepted[0].ticketId;
    const auth = { Authorization: `Bearer ${operator}` };
    const raw = (await request(app.getHttpServer()).get(`/api/v1/tickets/${id}/raw`).set(auth).expect(200)).body;
    expect(raw.preview).toContain('IP-2026-00109');
    expect(raw.preview).toContain('郑*');
    expect(raw.preview).not.toContain('郑龙');
    expect(raw.preview).not.toContain('177-6215-0375');
    const ticket = (await request(app.getHttpServer()).get(`/api/v1/tickets/${id}`).set(auth).expect(200)).body;
    expect(raw.rawId).toBe(ticket.rawId);
    expect(raw.revisions).toEqual([expect.objectContaining({ revision: 1, kind: 'ORIGINAL', rawId: ticket.rawId })]);
    const files = (await request(app.getHttpServer()).get(`/api/v1/tickets/${id}/attachments`).set(auth).expect(200)).body;
    expect(files).toEqual([expect.objectContaining({ fileName: '证据.pdf', mimeType: 'application/pdf', sizeBytes: 45 })]);
    const file = await request(app.getHttpServer()).get(`/api/v1/tickets/${id}/attachments/${files[0].id}`).set(auth).buffer(true).expect(200);
    expect(file.headers['content-type']).toBe('application/pdf');
  });

  describe('idempotent resends', () => {
    const record = (overrides: Record<string, unknown> = {}) =>
      JSON.stringify({ gdbh: 'IDEM-0001', ldsj: '2026-03-15 09:12:33', qdly: '电话', sjlx: '投诉', sqr: { xm: '张三', dh: '13912345678', nm: false }, sqnr: '超市卖的奶粉生产日期被涂改', ...overrides });

    it('answers a repeat with the same ticket and changes nothing', async () => {
      const first = await post('12315', record(), 'application/json').expect(202);
      const before = await db.query(`SELECT version, revision, (SELECT count(*) FROM ticket_history h WHERE h.ticket_id = t.id) AS history FROM tickets t WHERE id = $1`, [first.body.accepted[0].ticketId]);
      const again = await post('12315', record(), 'application/json').expect(202);
      expect(again.body.accepted[0]).toMatchObject({ ticketId: first.body.accepted[0].ticketId, trackingCode: first.body.accepted[0].trackingCode, duplicate: true });
      expect(again.body.accepted[0].revision).toBeUndefined();
      const after = await db.query(`SELECT version, revision, (SELECT count(*) FROM ticket_history h WHERE h.ticket_id = t.id) AS history FROM tickets t WHERE id = $1`, [first.body.accepted[0].ticketId]);
      expect(after).toEqual(before);
      expect(Number((await db.query(`SELECT count(*) AS n FROM tickets WHERE external_id = 'IDEM-0001'`))[0].n)).toBe(1);
    });

    it('keeps a changed resend as a new raw revision on the same ticket, flagged', async () => {
      const first = await post('12315', record({ gdbh: 'IDEM-0002' }), 'application/json').expect(202);
      const changed = await post('12315', record({ gdbh: 'IDEM-0002', sqnr: '超市卖的奶粉生产日期被涂改，补充：还有过期' }), 'application/json').expect(202);
      const entry = changed.body.accepted[0];
      expect(entry).toMatchObject({ ticketId: first.body.accepted[0].ticketId, duplicate: true, revision: 2 });
      const revisions = await db.query(`SELECT revision, raw_id FROM record_revisions WHERE ticket_id = $1 ORDER BY revision`, [entry.ticketId]);
      expect(revisions.map((r: { raw_id: string }) => r.raw_id)).toEqual([first.body.rawId, changed.body.rawId]);
      const t = (await ticket(entry.ticketId)).body;
      expect(t.flags).toContain('RESENT_CHANGED');
      expect(t.description).toBe('超市卖的奶粉生产日期被涂改');
    });

    it('never makes two tickets from concurrent copies of one record', async () => {
      const body = record({ gdbh: 'IDEM-RACE' });
      const results = await Promise.all(Array.from({ length: 8 }, () => post('12315', body, 'application/json')));
      expect(results.every((r) => r.status === 202)).toBe(true);
      const ids = new Set(results.map((r) => r.body.accepted[0].ticketId));
      expect(ids.size).toBe(1);
      expect(results.filter((r) => !r.body.accepted[0].duplicate)).toHaveLength(1);
    });

    it('keeps each of many concurrent requests’ bodies as its own raw record, committed together', async () => {
      const bodies = Array.from({ length: 16 }, (_, n) => (n % 4 === 3 ? `{"gdbh": "RAW-${n}", ` : record({ gdbh: `RAW-${n}`, sqnr: `第${n}家超市卖过期奶粉` })));
      const results = await Promise.all(bodies.map((body) => post('12315', body, 'application/json')));
      expect(results.map((r) => r.status)).toEqual(bodies.map((_, n) => (n % 4 === 3 ? 400 : 202)));
      expect(new Set(results.map((r) => r.body.rawId)).size).toBe(bodies.length);
      for (const [n, res] of results.entries()) {
        const raw = await app.get(RawRecordsService).load(res.body.rawId);
        expect([n, raw?.body.toString(), raw?.state]).toEqual([n, bodies[n], n % 4 === 3 ? 'UNREADABLE' : 'PARSED']);
      }
    });

    it('adds a 12390 reply to the earlier mail’s ticket as a follow-up', async () => {
      const original = sampleBytes('12390-P027.eml');
      const first = await post('12390', original, 'message/rfc822').expect(202);
      const reply = [
        'From: tipster110@mail.example.cn',
        'To: 12390@copyright.jl.example',
        'Subject: Re: 【12390举报】启航书店',
        'Date: Thu, 15 Oct 2026 02:00:00 +0000',
        'Message-ID: <followup-1@mail.example.cn>',
        'In-Reply-To: <2026101400110.tip@mail.12390.example>',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        '',
        '补充：今天又去看了，盗版教辅还在卖。',
      ].join('\r\n');
      const res = await post('12390', reply, 'message/rfc822').expect(202);
      expect(res.body.accepted[0]).toMatchObject({ ticketId: first.body.accepted[0].ticketId, followUp: true });
      const history = await request(app.getHttpServer()).get(`/api/v1/tickets/${first.body.accepted[0].ticketId}/history`).set('Authorization', `Bearer ${operator}`).expect(200);
      expect(history.body.map((h: { action: string }) => h.action)).toContain('FOLLOW_UP');
      const again = await post('12390', reply, 'message/rfc822').expect(202);
      expect(again.body.accepted[0]).toMatchObject({ ticketId: first.body.accepted[0].ticketId, duplicate: true, followUp: true });
    });
  });

  describe('bad input: a clear error, nothing lost, never a 5xx', () => {
    it('refuses a wrong feed key with 401 and keeps no body', async () => {
      const before = await rawCount();
      const res = await post('12315', '{"gdbh":"X"}', 'application/json', 'wrong-key').expect(401);
      expect(res.body.error).toMatchObject({ code: 'FEED_KEY_INVALID', requestId: expect.any(String) });
      await post('12315', '{"gdbh":"X"}', 'application/json', null).expect(401);
      await post('12365', '<x/>', 'application/xml', KEY('12315')).expect(401);
      expect(await rawCount()).toBe(before);
    });

    it('answers an unknown feed with 404 whatever the key', async () => {
      const res = await post('99999', '{}', 'application/json', 'dev-key-99999').expect(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    });

    it('refuses an oversized body with 413 and keeps no body', async () => {
      const before = await rawCount();
      const big = Buffer.alloc(1024 * 1024 + 10, 0x20);
      const res = await post('12365', big, 'application/xml').expect(413);
      expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
      expect(await rawCount()).toBe(before);
    });

    it('stores malformed JSON and answers 400 naming the problem', async () => {
      const res = await post('12315', '{"gdbh": "A", ', 'application/json').expect(400);
      expect(res.body.rawId).toEqual(expect.any(String));
      expect(res.body.error.code).toBe('MALFORMED_JSON');
      const [raw] = await db.query('SELECT state, body, body_key_id FROM raw_records WHERE id = $1', [res.body.rawId]);
      expect(raw.state).toBe('UNREADABLE');
      expect(raw.body_key_id).toBe(app.get(PiiCipher).currentKeyId);
      expect(raw.body.includes(Buffer.from('gdbh'))).toBe(false);
      const opened = await app.get(RawRecordsService).load(res.body.rawId);
      expect(opened?.body.toString()).toBe('{"gdbh": "A", ');
    });

    it('stores malformed XML, a DOCTYPE and bytes that are not GB18030 with a 400 that says which', async () => {
      const broken = await post('12365', iconv.encode('<?xml version="1.0" encoding="GB18030"?><Complaint><SerialNo>Q1</Complaint>', 'gb18030'), 'application/xml').expect(400);
      expect(broken.body.error.code).toBe('MALFORMED_XML');
      const doctype = await post('12365', '<?xml version="1.0" encoding="GB18030"?><!DOCTYPE x [<!ENTITY e "x">]><Complaint><SerialNo>Q2</SerialNo></Complaint>', 'application/xml').expect(400);
      expect(doctype.body.error.code).toBe('DOCTYPE_FORBIDDEN');
      const badBytes = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="GB18030"?><Complaint><SerialNo>Q3</SerialNo><Content>'), Buffer.from([0x81, 0x20, 0xff]), Buffer.from('</Content></Complaint>')]);
      const encoding = await post('12365', badBytes, 'application/xml').expect(400);
      expect(encoding.body.error.code).toBe('BAD_ENCODING');
      for (const r of [broken, doctype, encoding]) expect(r.body.rawId).toEqual(expect.any(String));
    });

    it('stores a malformed CSV upload with a 400', async () => {
      const csv = iconv.encode('受理编号,受理日期,受理时间,举报人,联系电话,被举报单位,所在地区,举报内容,类别\nJG1,20260315,0930,王五,,,,"未闭合的引号,价格举报\n', 'gbk');
      const { body, contentType } = csvUpload(csv);
      const res = await post('12358', body, contentType).expect(400);
      expect(res.body.error.code).toBe('MALFORMED_CSV');
      expect(res.body.rawId).toEqual(expect.any(String));
    });

    it('answers a wrong content type with 415, keeping the bytes', async () => {
      const res = await post('12365', 'plain words', 'text/plain').expect(415);
      expect(res.body.error.code).toBe('UNSUPPORTED_CONTENT_TYPE');
      expect(res.body.rawId).toEqual(expect.any(String));
    });

    it('rejects a record missing a required field with 422 naming the field', async () => {
      const res = await post('12315', JSON.stringify({ gdbh: 'REQ-1', ldsj: '2026-03-15 09:12:33', sjlx: '投诉', sqnr: '  ' }), 'application/json').expect(422);
      expect(res.body.error.code).toBe('NO_ACCEPTABLE_RECORD');
      expect(res.body.rejected[0]).toMatchObject({ index: 0, externalId: 'REQ-1' });
      expect(res.body.rejected[0].errors.map((e: { field: string }) => e.field)).toContain('sqnr');
      expect(res.body.rawId).toEqual(expect.any(String));
    });

    it('takes the good records of a batch and lists the bad ones by index', async () => {
      const good = (id: string) => ({ gdbh: id, ldsj: '2026-03-15 09:12:33', sjlx: '举报', sqnr: '某网店销售假冒名牌运动鞋' });
      const batch = [good('B-1'), { gdbh: 'B-2', ldsj: '2026-02-30 09:00:00', sjlx: '投诉', sqnr: 'x' }, good('B-3'), { gdbh: 'B-4', ldsj: '2026-03-15 09:12:33', sjlx: '表扬', sqnr: 'x' }];
      const res = await post('12315', JSON.stringify(batch), 'application/json').expect(202);
      expect(res.body.accepted.map((a: { index: number }) => a.index)).toEqual([0, 2]);
      expect(res.body.rejected.map((r: { index: number }) => r.index)).toEqual([1, 3]);
      expect(res.body.rejected[0].errors[0].field).toBe('ldsj');
      expect(res.body.rejected[1].errors[0].field).toBe('sjlx');
      const [raw] = await db.query('SELECT state FROM raw_records WHERE id = $1', [res.body.rawId]);
      expect(raw.state).toBe('PARTIAL');
    });

    it('answers 12358 rows on their own by row number', async () => {
      const csv = iconv.encode(
        ['受理编号,受理日期,受理时间,举报人,联系电话,被举报单位,所在地区,举报内容,类别', 'JGX1,20260315,0930,匿名,,某药店,四平市铁西区,"标价38元结账收45元，""会员价""实际没有",价格举报', ',20260315,0930,王五,,,,没有编号,价格投诉', 'JGX3,20261332,0930,王五,,,,日期错误,价格投诉'].join('\r\n'),
        'gbk',
      );
      const { body, contentType } = csvUpload(csv);
      const res = await post('12358', body, contentType).expect(202);
      expect(res.body.accepted.map((a: { index: number }) => a.index)).toEqual([1]);
      expect(res.body.rejected.map((r: { index: number }) => r.index)).toEqual([2, 3]);
      const t = (await ticket(res.body.accepted[0].ticketId)).body;
      expect(t.description).toBe('标价38元结账收45元，"会员价"实际没有');
      expect(t.reporter.anonymous).toBe(true);
      expect(t.regionCode).toBe('220300');
      expect(t.regionSource).toBe('PLACE_NAME');
    });

    it('answers every error in the contracts.md shape with a request id', async () => {
      const res = await post('12315', 'not json', 'application/json').set('X-Request-Id', 'req-abc-12345').expect(400);
      expect(res.body.error).toEqual({ code: 'MALFORMED_JSON', message: expect.any(String), details: expect.any(Array), requestId: 'req-abc-12345' });
      expect(res.headers['x-request-id']).toBe('req-abc-12345');
    });
  });
});
