import type { INestApplication } from '@nestjs/common';
import * as iconv from 'iconv-lite';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { PiiCipher, SealedDataRotation } from '@hub/auth';
import { DEV_PII_KEY } from '@hub/core';
import { FEED_ADAPTERS, FeedCode } from '@hub/intake';
import { toE164 } from '@hub/taxonomy';
import { createTestApi, loadSamples, PNG_1PX, postFeed, tipBody, resetDatabase, sampleRequest, staffToken, TEST_ENV } from '@hub/testing';
import { ApiModule } from '../src/api.module';

interface Sent {
  feed: string;
  body: Buffer;
  contentType: string;
  answer: Record<string, any>;
}

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const record12315 = (id: string, name: string, phone: string, extra: Record<string, unknown> = {}) => ({
  gdbh: id,
  ldsj: '2026-03-15 09:12:33',
  qdly: '电话',
  sjlx: '投诉',
  sqr: { xm: name, dh: phone, sfzh: '22010219800101123X', nm: false },
  sqnr: '超市卖的奶粉罐底生产日期被涂改',
  ...extra,
});

/**
 * Whistleblowers' identities sealed everywhere: after intake of every sample (and batches, an
 * encoded-word mail, a \u-escaped JSON), a dump of the database holds none of them in clear; every
 * view of a stored request is rendered from its parsed records, masked, one ticket's record only.
 */
describe('reporter data sealed at rest, shown by parsing', () => {
  let app: INestApplication;
  let db: DataSource;
  let operator: string;
  const sent: Sent[] = [];
  const http = () => request(app.getHttpServer());

  async function intake(feed: string, body: Buffer | string, contentType: string, status = 202) {
    const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
    const res = await postFeed(app.getHttpServer(), feed, bytes, contentType).expect(status);
    sent.push({ feed, body: bytes, contentType, answer: res.body });
    return res.body as { rawId: string; accepted: Array<{ ticketId: string; externalId: string; index: number }> };
  }

  const raw = async (ticketId: string) => (await http().get(`/api/v1/tickets/${ticketId}/raw`).set('Authorization', `Bearer ${operator}`).expect(200)).body;

  const batch = [record12315('SEAL-BATCH-A', '张三丰', '13911112222'), record12315('SEAL-BATCH-B', '李四光', '13833334444', { sqr: { xm: '李四光', dh: '13833334444', sfzh: '220102198001011234', nm: false } })];
  const escaped = `{"gdbh":"SEAL-ESCAPED","ldsj":"2026-03-15 09:12:33","sjlx":"\\u6295\\u8bc9","sqr":{"xm":"\\u738b\\u5c0f\\u660e","dh":"\\u0031\\u0033\\u0035\\u0031\\u0032\\u0033\\u0034\\u0035\\u0036\\u0037\\u0038"},"sqnr":"\\u5976\\u7c89\\u8fc7\\u671f"}`;
  const mail = [
    `From: =?UTF-8?B?${b64('赵大海')}?= <zhaodahai@mail.example.cn>`,
    'To: 12390@copyright.jl.example',
    `Subject: =?UTF-8?B?${b64('【12390投诉】长春某书店')}?=`,
    'Date: Wed, 14 Oct 2026 00:43:27 +0000',
    'Message-ID: <seal-encoded-word@mail.example.cn>',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=gbk',
    'Content-Transfer-Encoding: base64',
    '',
    iconv.encode('被举报单位：长春某书店\r\n联系电话：13700001111\r\n该书店销售盗版教辅，我是赵大海，电话13700001111。', 'gbk').toString('base64'),
  ].join('\r\n');
  const partial = [record12315('SEAL-PARTIAL-OK', '钱多多', '13655556666'), { gdbh: 'SEAL-PARTIAL-BAD', ldsj: '2026-02-30 09:00:00', sjlx: '投诉', sqnr: 'x' }];
  let ids: Record<string, string>;
  let partialRawId: string;
  let photoTicketId: string;
  /** a photo of an ID card, as a tipster uploads one: PNG bytes with the card's text in them */
  const ID_CARD_TEXT = 'ID-CARD 220102199003071235';
  const PHOTO_WITH_ID_CARD = Buffer.concat([PNG_1PX, Buffer.from(ID_CARD_TEXT, 'latin1')]);

  beforeAll(async () => {
    app = await createTestApi(ApiModule);
    db = app.get(DataSource);
    await resetDatabase(db);
    operator = await staffToken(app, { username: 'op.sealed', roles: ['OPERATOR'] });
    for (const sample of loadSamples()) {
      const { body, contentType } = sampleRequest(sample);
      await intake(sample.feed, body, contentType);
    }
    const fromBatch = await intake('12315', JSON.stringify(batch), 'application/json');
    const fromEscaped = await intake('12315', escaped, 'application/json');
    const fromMail = await intake('12390', mail, 'message/rfc822');
    const fromPartial = await intake('12315', JSON.stringify(partial), 'application/json');
    // the public portal's tipster, named
    await http()
      .post('/api/v1/public/tips')
      .send({ kind: 'COMPLAINT', description: '超市卖的奶粉过期了，已经吃坏了肚子', regionCode: '220100', reporter: { anonymous: false, name: '孙悟空', phone: '13122223333', idNumber: '220102199003071235' } })
      .expect(201);
    const tip = await http()
      .post('/api/v1/public/tips')
      .field('tip', JSON.stringify(tipBody({ kind: 'REPORT', description: '药店卖假药，附上我的身份证照片和购药小票', reporter: { anonymous: true } })))
      .attach('files', PHOTO_WITH_ID_CARD, { filename: '身份证.png', contentType: 'image/png' })
      .expect(201);
    [{ id: photoTicketId }] = await db.query(`SELECT id FROM tickets WHERE tracking_code = $1`, [tip.body.trackingCode]);
    partialRawId = fromPartial.rawId;
    ids = {
      batchA: fromBatch.accepted[0].ticketId,
      batchB: fromBatch.accepted[1].ticketId,
      escaped: fromEscaped.accepted[0].ticketId,
      mail: fromMail.accepted[0].ticketId,
    };
  });

  afterAll(() => app.close());

  /** Every reporter value the requests carried, as the feed adapters read them. */
  async function reporterValues(): Promise<string[]> {
    const values = new Set<string>();
    for (const s of sent) {
      const parsed = await FEED_ADAPTERS[s.feed as FeedCode]({ body: s.body, contentType: s.contentType });
      if (!parsed.readable) continue;
      for (const item of parsed.items) {
        const r = item.record?.reporter;
        if (!r) continue;
        for (const value of [r.name, r.phone, r.phone ? toE164(r.phone) : null, r.idNumber, r.email]) if (value) values.add(value);
      }
    }
    return [...values];
  }

  /** A value as a dump may show it: text, or the hex of a bytea in UTF-8 or GB18030. */
  const spellings = (value: string) => [value, Buffer.from(value, 'utf8').toString('hex'), iconv.encode(value, 'gb18030').toString('hex')];

  it('leaves no reporter name, phone (as sent or E.164), ID number or e-mail in clear in a pg_dump', async () => {
    const values = [...(await reporterValues()), '孙悟空', '13122223333', '+8613122223333', '220102199003071235'];
    expect(values).toEqual(expect.arrayContaining(['邱健磊', '13955332560', '+8613955332560', '220103198003115340', 'user107@example.cn', '张三丰', '王小明', '赵大海', 'zhaodahai@mail.example.cn', '钱多多']));
    const dump = execFileSync('pg_dump', ['-h', TEST_ENV.DATABASE_HOST, '-p', TEST_ENV.DATABASE_PORT, '-U', TEST_ENV.DATABASE_USER, '--data-only', TEST_ENV.DATABASE_NAME], { maxBuffer: 1024 * 1024 * 1024 }).toString('utf8');
    // the dump is readable: ticket text is there in clear, and raw bodies are there, sealed
    expect(dump).toContain('超市卖的奶粉罐底生产日期被涂改');
    expect(dump).toContain(Buffer.from('g1b').toString('hex'));
    const found = values.filter((value) => spellings(value).some((s) => dump.includes(s)));
    expect(found).toEqual([]);
  });

  it('seals uploaded files at rest and gives the right staff the file byte-exact', async () => {
    const [row]: Array<{ id: string; content: Buffer; content_key_id: string; size_bytes: number }> = await db.query(
      `SELECT id, content, content_key_id, size_bytes FROM attachments WHERE ticket_id = $1`,
      [photoTicketId],
    );
    expect(row).toMatchObject({ content_key_id: 'k1', size_bytes: PHOTO_WITH_ID_CARD.length });
    expect(row.content.includes(Buffer.from(ID_CARD_TEXT, 'latin1'))).toBe(false);
    const dump = execFileSync('pg_dump', ['-h', TEST_ENV.DATABASE_HOST, '-p', TEST_ENV.DATABASE_PORT, '-U', TEST_ENV.DATABASE_USER, '--data-only', '--table=attachments', TEST_ENV.DATABASE_NAME]).toString('utf8');
    expect(dump).not.toContain(Buffer.from(ID_CARD_TEXT, 'latin1').toString('hex'));
    const file = await http()
      .get(`/api/v1/tickets/${photoTicketId}/attachments/${row.id}`)
      .set('Authorization', `Bearer ${operator}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(Buffer.compare(file.body as Buffer, PHOTO_WITH_ID_CARD)).toBe(0);
  });

  it('shows a batch ticket only its own record, its reporter masked', async () => {
    const view = await raw(ids.batchA);
    expect(view.record).toMatchObject({ index: 0, externalId: 'SEAL-BATCH-A', reporter: { name: '张**', phone: '+86139****2222', idNumber: '2201************3X' } });
    expect(view.preview).not.toContain('SEAL-BATCH-B');
    for (const leaked of ['张三丰', '13911112222', '22010219800101123X', '李四光', '李**', '13833334444', '3333']) expect(view.preview).not.toContain(leaked);
    const other = await raw(ids.batchB);
    expect(other.record).toMatchObject({ index: 1, externalId: 'SEAL-BATCH-B', reporter: { name: '李**' } });
    expect(other.preview).not.toContain('SEAL-BATCH-A');
  });

  it('shows one row of a 12358 CSV batch, not its neighbours', async () => {
    const sample = loadSamples().find((s) => s.feed === '12358');
    const rows = sample?.rows ?? [];
    expect(rows.length).toBeGreaterThan(2);
    const second = rows[1].expect.externalId;
    const [rev] = await db.query(`SELECT ticket_id FROM record_revisions WHERE feed = '12358' AND external_id = $1`, [second]);
    const view = await raw(rev.ticket_id);
    expect(view.record.externalId).toBe(second);
    for (const row of rows.filter((r) => r.expect.externalId !== second)) expect(view.preview).not.toContain(row.expect.externalId);
    expect(view.preview).not.toContain(rows[1].expect.reporter.name);
  });

  it('masks a 12390 sender given as an encoded word and a base64 GBK body, and a 12315 JSON written with \\u escapes', async () => {
    const fromMail = await raw(ids.mail);
    expect(fromMail.record.reporter).toEqual({ anonymous: false, name: '赵**', phone: '+86137****1111', idNumber: null, email: 'z***@mail.example.cn' });
    for (const leaked of ['赵大海', 'zhaodahai', '13700001111', b64('赵大海')]) expect(fromMail.preview).not.toContain(leaked);
    const fromEscaped = await raw(ids.escaped);
    expect(fromEscaped.record.reporter).toMatchObject({ name: '王**', phone: '+86135****5678' });
    for (const leaked of ['王小明', '\\u738b', '13512345678']) expect(fromEscaped.preview).not.toContain(leaked);
    const [{ n }] = await db.query(`SELECT count(*) AS n FROM pii_reveals`);
    expect(Number(n)).toBe(0);
  });

  it('shows a PARTIAL feed record masked, record by record, and does not serve its bytes', async () => {
    const auth = { Authorization: `Bearer ${operator}` };
    const view = (await http().get(`/api/v1/feed-records/${partialRawId}`).set(auth).expect(200)).body;
    expect(view.state).toBe('PARTIAL');
    expect(view.previewMasking).toBe('RECORDS');
    expect(view.records).toEqual([
      expect.objectContaining({ index: 0, externalId: 'SEAL-PARTIAL-OK', reporter: expect.objectContaining({ name: '钱**', phone: '+86136****6666' }) }),
      { index: 1, externalId: 'SEAL-PARTIAL-BAD', errors: [expect.objectContaining({ field: 'ldsj' })] },
    ]);
    for (const leaked of ['钱多多', '13655556666']) expect(view.preview).not.toContain(leaked);
    await http().get(`/api/v1/feed-records/${partialRawId}/body`).set(auth).expect(404);
  });

  it('re-seals reporter data and raw bodies under a new key; the old key is then no longer needed', async () => {
    const before: Array<{ n: string }> = await db.query(`SELECT count(*) AS n FROM raw_records WHERE body_key_id = 'k1'`);
    expect(Number(before[0].n)).toBe(sent.length);
    const newKey = randomBytes(32);
    // PII_KEYS with the new key first and the old one after it, as an operator rotates
    const ring = new PiiCipher([{ id: 'k2', key: newKey }, { id: 'k1', key: Buffer.from(DEV_PII_KEY, 'base64') }]);
    const report = await app.get(SealedDataRotation).rotate(ring);
    expect(report.keyId).toBe('k2');
    expect(report.resealed['raw_records.body']).toBe(sent.length);
    expect(report.resealed['tickets.reporter_secret']).toBeGreaterThan(20);
    const [{ files }] = await db.query(`SELECT count(*)::int AS files FROM attachments WHERE content IS NOT NULL`);
    expect(files).toBeGreaterThanOrEqual(2); // the tipster's photo and the 12390 sample's attachment
    expect(report.resealed['attachments.content']).toBe(files);
    expect(report.stale).toMatchObject({ 'raw_records.body': 0, 'tickets.reporter_secret': 0, 'attachments.content': 0 });
    expect(Object.values(report.stale).filter((n) => n > 0)).toEqual([]);
    const [{ old }] = await db.query(`SELECT (SELECT count(*) FROM raw_records WHERE body_key_id IS DISTINCT FROM 'k2') + (SELECT count(*) FROM tickets WHERE reporter_secret NOT LIKE 'g1.k2.%') AS old`);
    expect(Number(old)).toBe(0);
    // readable with the new key alone, raw bodies byte-exact
    const onlyNew = new PiiCipher([{ id: 'k2', key: newKey }]);
    const secrets: Array<{ reporter_secret: string }> = await db.query(`SELECT reporter_secret FROM tickets WHERE reporter_secret IS NOT NULL`);
    expect(secrets.map((s) => onlyNew.decryptJson<{ name: string | null }>(s.reporter_secret).name)).toEqual(expect.arrayContaining(['邱健磊', '张三丰']));
    const bodies: Array<{ id: string; body: Buffer }> = await db.query(`SELECT id, body FROM raw_records`);
    const byId = new Map(bodies.map((b) => [b.id, onlyNew.decryptBytes(b.body)]));
    expect(sent.filter((s) => !byId.get(s.answer.rawId)?.equals(s.body)).map((s) => s.answer.rawId)).toEqual([]);
    // a second run finds nothing left to do
    expect(Object.values((await app.get(SealedDataRotation).rotate(ring)).resealed).filter((n) => n > 0)).toEqual([]);
  });
});
