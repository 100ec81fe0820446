import iconv from 'iconv-lite';
import { FEED_12315_MAX_RECORDS, feed12315Adapter } from './feed-12315.adapter';
import { RECORD_TEXT_MAX_BYTES } from './feed-record';
import {
  errorsOf,
  expectManifestFields,
  expectSameNumber,
  expectUnreadable,
  fieldsOf,
  fixture,
  jsonBody,
  manifestSamples,
  onlyErrors,
  onlyRecord,
  readableItems,
  recordOf,
  textOfBytes,
} from './test/spec-helpers';

const valid = (overrides: Record<string, unknown> = {}) => ({
  gdbh: '12315-2026-0315-000123',
  ldsj: '2026-03-15 09:12:33',
  qdly: '电话',
  sjlx: '投诉',
  sqr: { xm: '张三', dh: '13912345678', sfzh: '220102198001011234', nm: false },
  bsdx: { mc: '长春市宏达超市有限公司', tyshxydm: '91220101MA0Y3K2X1A', dz: '长春市朝阳区西安大路 88 号' },
  xzqh: '220104',
  spmc: '婴幼儿奶粉',
  sqnr: '3月10日在该超市购买的奶粉罐底生产日期被涂改……',
  fj: [{ mc: '照片1.jpg', url: 'https://12315.example/att/000123-1.jpg' }],
  ...overrides,
});

const parse = (value: unknown) => feed12315Adapter(jsonBody(value));

describe('12315 adapter', () => {
  describe.each(manifestSamples('12315'))('sample $file', ({ file, contentType, expect: expected }) => {
    it('reads back as the manifest expects', async () => {
      const record = onlyRecord(await feed12315Adapter({ body: fixture(file), contentType }));
      expectManifestFields(record, expected!);
      expectSameNumber(record.reporter.phone, expected!.reporter.phoneE164);
    });
  });

  it('reads the example record of feeds.md', async () => {
    const record = onlyRecord(await parse(valid()));
    expect(record).toEqual({
      externalId: '12315-2026-0315-000123',
      receivedAt: new Date('2026-03-15T01:12:33.000Z'),
      kind: 'COMPLAINT',
      kindSource: 'FEED',
      channel: 'PHONE',
      reporter: { anonymous: false, name: '张三', phone: '13912345678', idNumber: '220102198001011234', email: null },
      subject: { name: '长春市宏达超市有限公司', uscc: '91220101MA0Y3K2X1A', address: '长春市朝阳区西安大路 88 号' },
      declaredRegionCode: '220104',
      placeName: null,
      productName: '婴幼儿奶粉',
      description: '3月10日在该超市购买的奶粉罐底生产日期被涂改……',
      attachments: [{ fileName: '照片1.jpg', mimeType: null, content: null, url: 'https://12315.example/att/000123-1.jpg' }],
      replyTo: [],
      extras: {},
    });
  });

  it.each([
    ['电话', 'PHONE'],
    ['网站', 'WEB'],
    ['微信', 'WECHAT'],
    ['APP', 'APP'],
    [undefined, 'PHONE'],
    ['', 'PHONE'],
  ])('takes channel %s as %s', async (qdly, channel) => {
    expect(onlyRecord(await parse(valid({ qdly }))).channel).toBe(channel);
  });

  it.each([
    ['投诉', 'COMPLAINT'],
    ['举报', 'REPORT'],
    ['咨询', 'CONSULTATION'],
    ['建议', 'SUGGESTION'],
  ])('takes kind %s as %s', async (sjlx, kind) => {
    expect(onlyRecord(await parse(valid({ sjlx }))).kind).toBe(kind);
  });

  it.each([
    ['qdly', { qdly: '信件' }],
    ['sjlx', { sjlx: '表扬' }],
  ])('rejects a value outside the list of %s', async (field, overrides) => {
    const errors = onlyErrors(await parse(valid(overrides)));
    expect(errors).toEqual([{ field, message: expect.stringContaining('is not one of') }]);
  });

  it.each(['gdbh', 'ldsj', 'sjlx', 'sqnr'])('rejects a record without %s, naming it', async (field) => {
    for (const missing of [undefined, '', '   ', null]) {
      const result = await parse(valid({ [field]: missing }));
      expect(onlyErrors(result)).toEqual([{ field, message: 'is required (missing or empty)' }]);
    }
  });

  it('keeps the external id of a rejected record', async () => {
    const [item] = readableItems(await parse(valid({ sqnr: '' })));
    expect(item.externalId).toBe('12315-2026-0315-000123');
  });

  it.each([
    ['2026-02-30 10:00:00', 'is not a real date and time'],
    ['2026-03-15 25:00:00', 'is not a real date and time'],
    ['2026-03-15 09:60:00', 'is not a real date and time'],
    ['2026/03/15 09:12:33', 'does not match YYYY-MM-DD HH:mm:ss'],
    ['2026-3-15 9:12:33', 'does not match YYYY-MM-DD HH:mm:ss'],
    ['next Tuesday', 'does not match YYYY-MM-DD HH:mm:ss'],
  ])('rejects the time %s', async (ldsj, message) => {
    expect(onlyErrors(await parse(valid({ ldsj })))).toEqual([{ field: 'ldsj', message: expect.stringContaining(message) }]);
  });

  it('reads an anonymous reporter without name or ID', async () => {
    const record = onlyRecord(await parse(valid({ sqr: { dh: '13912345678', nm: true } })));
    expect(record.reporter).toEqual({ anonymous: true, name: null, phone: '13912345678', idNumber: null, email: null });
  });

  it('reads a missing reporter as not anonymous and unknown', async () => {
    const record = onlyRecord(await parse(valid({ sqr: undefined })));
    expect(record.reporter).toEqual({ anonymous: false, name: null, phone: null, idNumber: null, email: null });
  });

  it('keeps the phone exactly as given', async () => {
    const record = onlyRecord(await parse(valid({ sqr: { xm: '李四', dh: '0431-88886666' } })));
    expect(record.reporter.phone).toBe('0431-88886666');
  });

  it('reads empty strings and blank fields as absent', async () => {
    const record = onlyRecord(
      await parse(valid({ sqr: { xm: '', dh: '  ', sfzh: '', nm: false }, bsdx: { mc: '', tyshxydm: ' ', dz: '' }, xzqh: '', spmc: '', fj: [] })),
    );
    expect(record.reporter).toEqual({ anonymous: false, name: null, phone: null, idNumber: null, email: null });
    expect(record.subject).toEqual({ name: null, uscc: null, address: null });
    expect(record.declaredRegionCode).toBeNull();
    expect(record.productName).toBeNull();
    expect(record.attachments).toEqual([]);
  });

  it('trims values', async () => {
    const record = onlyRecord(await parse(valid({ gdbh: '  G-1 ', sqnr: '\n 内容 \t' })));
    expect(record.externalId).toBe('G-1');
    expect(record.description).toBe('内容');
  });

  it('keeps a wrong credit code: checking it is not intake’s job', async () => {
    const record = onlyRecord(await parse(valid({ bsdx: { mc: 'x', tyshxydm: '91220101MA0Y3K2X1B' } })));
    expect(record.subject.uscc).toBe('91220101MA0Y3K2X1B');
  });

  it('accepts a prefecture-level region code and rejects one that is not six digits', async () => {
    expect(onlyRecord(await parse(valid({ xzqh: '220100' }))).declaredRegionCode).toBe('220100');
    expect(onlyErrors(await parse(valid({ xzqh: '2201' })))).toEqual([
      { field: 'xzqh', message: '"2201" is not a 6-digit region code' },
    ]);
    expect(fieldsOf(onlyErrors(await parse(valid({ xzqh: '22010A' }))))).toEqual(['xzqh']);
  });

  it('names nested fields of the wrong shape', async () => {
    const errors = onlyErrors(await parse(valid({ sqr: '张三', bsdx: [], sqnr: 42, gdbh: { id: 1 } })));
    expect(fieldsOf(errors).sort()).toEqual(['bsdx', 'gdbh', 'sqr']);
    const flag = onlyErrors(await parse(valid({ sqr: { xm: '张三', nm: '是' } })));
    expect(flag).toEqual([{ field: 'sqr.nm', message: 'must be true or false, got "是"' }]);
  });

  it('reads attachment links and names a bad one', async () => {
    const links = [{ url: 'https://12315.example/att/a.png' }, { mc: '', url: '' }, null];
    expect(onlyRecord(await parse(valid({ fj: links }))).attachments).toEqual([
      { fileName: 'a.png', mimeType: null, content: null, url: 'https://12315.example/att/a.png' },
    ]);
    expect(onlyErrors(await parse(valid({ fj: [{ mc: '照片.jpg' }] })))).toEqual([
      { field: 'fj[0].url', message: 'is required (missing or empty)' },
    ]);
    expect(fieldsOf(onlyErrors(await parse(valid({ fj: [{ mc: 'a' , url: 'https://x.example/a' }, { url: 'ftp://x/y' }] }))))).toEqual([
      'fj[1].url',
    ]);
    expect(fieldsOf(onlyErrors(await parse(valid({ fj: 'https://x.example/a' }))))).toEqual(['fj']);
  });

  it('rejects a record whose text exceeds the limit', async () => {
    const errors = onlyErrors(await parse(valid({ sqnr: textOfBytes(RECORD_TEXT_MAX_BYTES + 1) })));
    expect(errors).toEqual([{ field: 'sqnr', message: expect.stringMatching(/at most 1048576 bytes/) }]);
  });

  describe('batches', () => {
    it('answers every record of an array on its own', async () => {
      const batch = [valid({ gdbh: 'A' }), valid({ gdbh: 'B', sqnr: '' }), 'not a record', valid({ gdbh: 'D', ldsj: '2026-13-01 00:00:00' }), valid({ gdbh: 'E' })];
      const items = readableItems(await parse(batch));
      expect(items.map((item) => item.index)).toEqual([0, 1, 2, 3, 4]);
      expect(recordOf(items[0]).externalId).toBe('A');
      expect(items[1]).toEqual({ index: 1, externalId: 'B', errors: [{ field: 'sqnr', message: 'is required (missing or empty)' }] });
      expect(items[2]).toEqual({ index: 2, externalId: null, errors: [{ field: '(record)', message: 'must be a record object, got a string' }] });
      expect(fieldsOf(errorsOf(items[3]))).toEqual(['ldsj']);
      expect(recordOf(items[4]).externalId).toBe('E');
    });

    it('rejects null and array elements as records, not the request', async () => {
      const items = readableItems(await parse([null, [valid()], 7]));
      expect(items.map((item) => errorsOf(item)[0].message)).toEqual([
        'must be a record object, got null',
        'must be a record object, got an array',
        'must be a record object, got a number',
      ]);
    });

    it(`takes up to ${FEED_12315_MAX_RECORDS} records and refuses more`, async () => {
      const full = Array.from({ length: FEED_12315_MAX_RECORDS }, (_, i) => valid({ gdbh: `G-${i}` }));
      expect(readableItems(await parse(full))).toHaveLength(FEED_12315_MAX_RECORDS);
      expectUnreadable(await parse([...full, valid()]), 'UNEXPECTED_STRUCTURE', 'batch has 501 records; at most 500');
    });

    it('reads an empty array as no records', async () => {
      expect(readableItems(await parse([]))).toEqual([]);
    });
  });

  describe('unreadable requests', () => {
    it.each([
      ['a number', 42],
      ['a string', 'hello'],
      ['null', null],
      ['a boolean', true],
    ])('refuses a top-level %s', async (label, value) => {
      expectUnreadable(await parse(value), 'UNEXPECTED_STRUCTURE', `top-level JSON value is ${label}`);
    });

    it('refuses malformed JSON', async () => {
      const result = await feed12315Adapter({ body: Buffer.from('{"gdbh": "x",'), contentType: 'application/json' });
      expectUnreadable(result, 'MALFORMED_JSON', /^JSON is not well-formed: /);
    });

    it('refuses bytes that are not UTF-8', async () => {
      const body = iconv.encode(JSON.stringify(valid()), 'gbk');
      expectUnreadable(await feed12315Adapter({ body, contentType: 'application/json' }), 'BAD_ENCODING', /^body is not valid UTF-8 at byte \d+$/);
    });

    it('refuses a content type other than JSON', async () => {
      const result = await feed12315Adapter({ ...jsonBody(valid()), contentType: 'text/xml' });
      expectUnreadable(result, 'UNSUPPORTED_CONTENT_TYPE', '"text/xml"');
    });

    it('accepts JSON with a charset parameter or without a content type', async () => {
      onlyRecord(await feed12315Adapter({ ...jsonBody(valid()), contentType: 'application/json; charset=utf-8' }));
      onlyRecord(await feed12315Adapter({ ...jsonBody(valid()), contentType: null }));
    });
  });
});
