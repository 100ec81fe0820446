import iconv from 'iconv-lite';
import { feed12312Adapter } from './feed-12312.adapter';
import { RECORD_TEXT_MAX_BYTES } from './feed-record';
import {
  expectManifestFields,
  expectSameNumber,
  expectUnreadable,
  fieldsOf,
  fixture,
  manifestSamples,
  onlyErrors,
  onlyRecord,
} from './test/spec-helpers';

const CONTENT_TYPE = 'application/x-www-form-urlencoded; charset=GBK';

/** Percent-encodes like the old form system: every byte of the charset outside [A-Za-z0-9*-._], space as '+'. */
function formEncode(value: string, charset = 'gbk'): string {
  return [...iconv.encode(value, charset)]
    .map((b) => {
      const c = String.fromCharCode(b);
      if (/[A-Za-z0-9*\-._]/.test(c)) return c;
      return b === 0x20 ? '+' : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

const FIELDS = {
  bh: 'SW2026031500009',
  sj: '2026-3-15 9:05:07',
  lb: '举报',
  xm: '张三',
  lxdh: '13800000000',
  dw: '长春某商贸公司',
  dz: '长春市南关区人民大街 1 号',
  nr: '该公司以次充好，销售假冒商品。',
  dqdm: '2201',
};

function form(overrides: Record<string, string | undefined> = {}, charset = 'gbk'): Buffer {
  const fields = { ...FIELDS, ...overrides };
  const pairs = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}=${formEncode(value as string, charset)}`);
  return Buffer.from(pairs.join('&'), 'latin1');
}

const parse = (overrides?: Record<string, string | undefined>, contentType: string | null = CONTENT_TYPE) =>
  feed12312Adapter({ body: form(overrides), contentType });

describe('12312 adapter', () => {
  describe.each(manifestSamples('12312'))('sample $file', ({ file, contentType, expect: expected }) => {
    it('reads back as the manifest expects', async () => {
      const record = onlyRecord(await feed12312Adapter({ body: fixture(file), contentType }));
      expectManifestFields(record, expected!);
      expectSameNumber(record.reporter.phone, expected!.reporter.phoneE164);
      expect(record.channel).toBe('WEB');
    });
  });

  it('reads the sample with dqdm=2203 as region 220300', async () => {
    const record = onlyRecord(await feed12312Adapter({ body: fixture('12312-P030.form'), contentType: CONTENT_TYPE }));
    expect(record.declaredRegionCode).toBe('220300');
  });

  it('reads the example form of feeds.md', async () => {
    const record = onlyRecord(await parse());
    expect(record).toEqual({
      externalId: 'SW2026031500009',
      receivedAt: new Date('2026-03-15T01:05:07.000Z'),
      kind: 'REPORT',
      kindSource: 'FEED',
      channel: 'WEB',
      reporter: { anonymous: false, name: '张三', phone: '13800000000', idNumber: null, email: null },
      subject: { name: '长春某商贸公司', uscc: null, address: '长春市南关区人民大街 1 号' },
      declaredRegionCode: '220100',
      placeName: null,
      productName: null,
      description: '该公司以次充好，销售假冒商品。',
      attachments: [],
      replyTo: [],
      extras: {},
    });
  });

  it('decodes the raw example line of feeds.md', async () => {
    const body = Buffer.from('bh=SW2026031500009&sj=2026-3-15+9%3A05%3A07&lb=%BE%D9%B1%A8&xm=%D5%C5%C8%FD&lxdh=13800000000&dw=&dz=&nr=x&dqdm=2201');
    const record = onlyRecord(await feed12312Adapter({ body, contentType: CONTENT_TYPE }));
    expect(record).toMatchObject({ kind: 'REPORT', reporter: { name: '张三' }, receivedAt: new Date('2026-03-15T01:05:07.000Z') });
  });

  it.each([
    ['2026-3-5 9:05:07', '2026-03-05T01:05:07.000Z'],
    ['2026-03-05 09:05:07', '2026-03-05T01:05:07.000Z'],
    ['2026-12-31 23:59:59', '2026-12-31T15:59:59.000Z'],
    ['2026-1-1 0:00:00', '2025-12-31T16:00:00.000Z'],
  ])('reads sj %s as Beijing time', async (sj, iso) => {
    expect(onlyRecord(await parse({ sj })).receivedAt.toISOString()).toBe(iso);
  });

  it.each([
    ['2026-2-30 9:05:07', 'is not a real date and time'],
    ['2026-3-15 25:00:00', 'is not a real date and time'],
    ['2026/3/15 9:05:07', 'does not match YYYY-M-D H:mm:ss'],
    ['2026-3-15', 'does not match YYYY-M-D H:mm:ss'],
  ])('rejects sj %s', async (sj, message) => {
    expect(onlyErrors(await parse({ sj }))).toEqual([{ field: 'sj', message: expect.stringContaining(message) }]);
  });

  it.each([
    ['投诉', 'COMPLAINT'],
    ['举报', 'REPORT'],
    ['咨询', 'CONSULTATION'],
    ['建议', 'SUGGESTION'],
  ])('takes lb %s as %s', async (lb, kind) => {
    expect(onlyRecord(await parse({ lb })).kind).toBe(kind);
  });

  it('rejects lb outside the list', async () => {
    expect(onlyErrors(await parse({ lb: '表扬' }))).toEqual([{ field: 'lb', message: '"表扬" is not one of 投诉 | 举报 | 咨询 | 建议' }]);
  });

  it.each(['bh', 'sj', 'lb', 'nr'])('rejects a form without %s', async (field) => {
    for (const missing of [undefined, '', '   ']) {
      expect(onlyErrors(await parse({ [field]: missing }))).toEqual([{ field, message: 'is required (missing or empty)' }]);
    }
  });

  it('reads an empty xm as anonymous and empty fields as absent', async () => {
    const record = onlyRecord(await parse({ xm: '', lxdh: '', dw: '', dz: ' ', dqdm: '' }));
    expect(record.reporter).toEqual({ anonymous: true, name: null, phone: null, idNumber: null, email: null });
    expect(record.subject).toEqual({ name: null, uscc: null, address: null });
    expect(record.declaredRegionCode).toBeNull();
  });

  it.each(['220100', '22', '22A1'])('rejects dqdm %s that is not four digits', async (dqdm) => {
    expect(onlyErrors(await parse({ dqdm }))).toEqual([{ field: 'dqdm', message: `"${dqdm}" is not a 4-digit region code` }]);
  });

  it('reads "+" as a space and "%2B" as a plus', async () => {
    const body = Buffer.from(`${form({ nr: undefined }).toString('latin1')}&nr=a+b%2Bc`);
    expect(onlyRecord(await feed12312Adapter({ body, contentType: CONTENT_TYPE })).description).toBe('a b+c');
  });

  it('reads unescaped GBK bytes as well as escaped ones', async () => {
    const body = Buffer.concat([form({ nr: undefined }), Buffer.from('&nr='), iconv.encode('未转义的内容', 'gbk')]);
    expect(onlyRecord(await feed12312Adapter({ body, contentType: CONTENT_TYPE })).description).toBe('未转义的内容');
  });

  it('defaults to GBK and respects a declared UTF-8 charset', async () => {
    expect(onlyRecord(await parse({}, 'application/x-www-form-urlencoded')).reporter.name).toBe('张三');
    expect(onlyRecord(await parse({}, null)).reporter.name).toBe('张三');
    const utf8 = await feed12312Adapter({ body: form({}, 'utf8'), contentType: 'application/x-www-form-urlencoded; charset=UTF-8' });
    expect(onlyRecord(utf8).reporter.name).toBe('张三');
  });

  it('rejects a field given twice with different values', async () => {
    const body = Buffer.from(`${form().toString('latin1')}&bh=SW2`);
    expect(onlyErrors(await feed12312Adapter({ body, contentType: CONTENT_TYPE }))).toEqual([
      { field: 'bh', message: 'is given 2 times with different values' },
    ]);
    const same = Buffer.from(`${form().toString('latin1')}&bh=SW2026031500009&&`);
    expect(onlyRecord(await feed12312Adapter({ body: same, contentType: CONTENT_TYPE })).externalId).toBe('SW2026031500009');
  });

  it('rejects a record whose text exceeds the limit', async () => {
    const errors = onlyErrors(await parse({ nr: '内'.repeat(RECORD_TEXT_MAX_BYTES / 3 + 1) }));
    expect(errors).toEqual([{ field: 'nr', message: expect.stringMatching(/at most 1048576 bytes/) }]);
  });

  describe('unreadable requests', () => {
    it('refuses percent-escapes that decode to invalid GBK, naming the byte', async () => {
      const body = Buffer.from('bh=SW1&nr=%81%20abc');
      expectUnreadable(await feed12312Adapter({ body, contentType: CONTENT_TYPE }), 'BAD_ENCODING', 'body is not valid GBK at byte 10 (form field "nr", after percent-decoding)');
    });

    it('refuses UTF-8 bytes declared as GBK where they are invalid', async () => {
      // "中" is E4 B8 AD in UTF-8: E4 B8 pair up as GBK, AD then ends the value without its trail byte
      const body = Buffer.from(`bh=SW1&nr=${formEncode('中', 'utf8')}&dqdm=`);
      expectUnreadable(await feed12312Adapter({ body, contentType: CONTENT_TYPE }), 'BAD_ENCODING', 'body is not valid GBK at byte 16');
    });

    it('refuses GBK bytes declared as UTF-8', async () => {
      const result = await feed12312Adapter({ body: form(), contentType: 'application/x-www-form-urlencoded; charset=utf-8' });
      expectUnreadable(result, 'BAD_ENCODING', /is not valid UTF-8/);
    });

    it('refuses a malformed percent-escape', async () => {
      expectUnreadable(await feed12312Adapter({ body: Buffer.from('bh=SW1&nr=100%'), contentType: CONTENT_TYPE }), 'MALFORMED_FORM', 'bad percent-escape "%" at byte 13');
      expectUnreadable(await feed12312Adapter({ body: Buffer.from('bh=%G1'), contentType: CONTENT_TYPE }), 'MALFORMED_FORM', 'bad percent-escape "%G1" at byte 3');
    });

    it('refuses an empty body', async () => {
      expectUnreadable(await feed12312Adapter({ body: Buffer.from('  \r\n'), contentType: CONTENT_TYPE }), 'MALFORMED_FORM', 'form body is empty');
    });

    it('refuses an unknown charset and another content type', async () => {
      const result = await feed12312Adapter({ body: form(), contentType: 'application/x-www-form-urlencoded; charset=x-unknown' });
      expectUnreadable(result, 'UNSUPPORTED_CONTENT_TYPE', 'form charset "x-unknown"');
      expectUnreadable(await parse({}, 'multipart/form-data; boundary=x'), 'UNSUPPORTED_CONTENT_TYPE');
    });
  });
});
