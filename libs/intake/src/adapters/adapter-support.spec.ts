import iconv from 'iconv-lite';
import {
  attachmentProblem,
  buildRecord,
  checkMediaType,
  decodeBase64Strict,
  decodeStrict,
  instantOf,
  magicMismatch,
  parseIsoTime,
  parseJsonBody,
  parseMediaType,
  RecordReader,
  recordTextBytes,
  settleItem,
} from './adapter-support';
import { ATTACHMENT_MAX_BYTES, RECORD_TEXT_MAX_BYTES } from './feed-record';
import { SAMPLE_FILES, textOfBytes } from './test/spec-helpers';

describe('decodeStrict', () => {
  it('decodes valid GBK and GB18030', () => {
    expect(decodeStrict(iconv.encode('被举报单位：某书店', 'gbk'), 'gbk')).toEqual({ ok: true, text: '被举报单位：某书店' });
    expect(decodeStrict(iconv.encode('𠀀 four-byte', 'gb18030'), 'gb18030')).toEqual({ ok: true, text: '𠀀 four-byte' });
  });

  it('names the byte where an invalid GBK sequence starts', () => {
    const bytes = Buffer.concat([Buffer.from('abc'), iconv.encode('中', 'gbk'), Buffer.from([0xff, 0x41])]);
    expect(decodeStrict(bytes, 'gbk')).toEqual({ ok: false, offset: 5, message: 'body is not valid GBK at byte 5' });
  });

  it('names what was being decoded', () => {
    expect(decodeStrict(Buffer.from([0x81]), 'gbk', 'file')).toEqual({ ok: false, offset: 0, message: 'file is not valid GBK at byte 0' });
  });

  it('refuses UTF-8 bytes that are not valid GB18030', () => {
    // "中" in UTF-8 is E4 B8 AD: E4 B8 pairs up, AD then meets "<", which no GB18030 sequence allows
    const result = decodeStrict(Buffer.from('<C>中</C>', 'utf8'), 'gb18030');
    expect(result).toEqual({ ok: false, offset: 5, message: 'body is not valid GB18030 at byte 5' });
  });

  it('keeps a U+FFFD that the GB18030 bytes really encode', () => {
    const bytes = Buffer.concat([Buffer.from('a'), iconv.encode('\uFFFD', 'gb18030'), Buffer.from('b')]);
    expect(decodeStrict(bytes, 'gb18030')).toEqual({ ok: true, text: 'a\uFFFDb' });
  });

  it('checks UTF-8 and keeps a genuine U+FFFD', () => {
    expect(decodeStrict(Buffer.from('x\uFFFDy', 'utf8'), 'utf-8')).toEqual({ ok: true, text: 'x\uFFFDy' });
    expect(decodeStrict(Buffer.from([0x61, 0x62, 0xc3, 0x28]), 'utf-8')).toEqual({ ok: false, offset: 2, message: 'body is not valid UTF-8 at byte 2' });
  });

  it('counts bytes after a genuine U+FFFD correctly', () => {
    const bytes = Buffer.concat([iconv.encode('\uFFFD中', 'gb18030'), Buffer.from([0x81, 0x20])]);
    expect(decodeStrict(bytes, 'gb18030')).toEqual({ ok: false, offset: 6, message: 'body is not valid GB18030 at byte 6' });
  });

  it('strips a byte order mark and refuses unknown encodings', () => {
    expect(decodeStrict(Buffer.from('\uFEFF{}', 'utf8'), 'utf-8')).toEqual({ ok: true, text: '{}' });
    expect(decodeStrict(Buffer.from('x'), 'klingon')).toEqual({ ok: false, offset: null, message: 'unknown character encoding "klingon"' });
  });
});

describe('times', () => {
  it('reads wall-clock time as Beijing time', () => {
    const clock = { year: 2026, month: 3, day: 15, hour: 9, minute: 12, second: 33 };
    expect(instantOf(clock)?.toISOString()).toBe('2026-03-15T01:12:33.000Z');
    expect(instantOf(clock, 0)?.toISOString()).toBe('2026-03-15T09:12:33.000Z');
  });

  it.each([
    ['30 February', { year: 2026, month: 2, day: 30, hour: 0, minute: 0, second: 0 }],
    ['29 February of a common year', { year: 2026, month: 2, day: 29, hour: 0, minute: 0, second: 0 }],
    ['month 13', { year: 2026, month: 13, day: 1, hour: 0, minute: 0, second: 0 }],
    ['day 0', { year: 2026, month: 1, day: 0, hour: 0, minute: 0, second: 0 }],
    ['25:00', { year: 2026, month: 1, day: 1, hour: 25, minute: 0, second: 0 }],
    ['24:00', { year: 2026, month: 1, day: 1, hour: 24, minute: 0, second: 0 }],
    ['minute 60', { year: 2026, month: 1, day: 1, hour: 1, minute: 60, second: 0 }],
    ['second 60', { year: 2026, month: 1, day: 1, hour: 1, minute: 0, second: 60 }],
    ['year 0026', { year: 26, month: 1, day: 1, hour: 1, minute: 0, second: 0 }],
  ])('refuses %s', (_label, clock) => {
    expect(instantOf(clock)).toBeNull();
  });

  it('accepts 29 February of a leap year', () => {
    expect(instantOf({ year: 2028, month: 2, day: 29, hour: 7, minute: 0, second: 0 })?.toISOString()).toBe(
      '2028-02-28T23:00:00.000Z',
    );
  });

  it.each([
    ['2026-03-15T10:20:00+08:00', '2026-03-15T02:20:00.000Z'],
    ['2026-03-15T10:20:00+0800', '2026-03-15T02:20:00.000Z'],
    ['2026-03-15T02:20:00Z', '2026-03-15T02:20:00.000Z'],
    ['2026-03-15T02:20:00.250Z', '2026-03-15T02:20:00.250Z'],
    ['2026-03-14T21:20:00-05:00', '2026-03-15T02:20:00.000Z'],
    ['2026-03-15T10:20:00', '2026-03-15T02:20:00.000Z'],
    ['2026-03-15 10:20', '2026-03-15T02:20:00.000Z'],
  ])('reads ISO time %s', (value, iso) => {
    const parsed = parseIsoTime(value);
    expect(parsed.ok && parsed.date.toISOString()).toBe(iso);
  });

  it.each([
    ['2026-02-30T10:00:00+08:00', 'is not a real date and time'],
    ['2026-03-15T25:00:00+08:00', 'is not a real date and time'],
    ['2026-03-15T10:00:00+15:00', 'impossible UTC offset'],
    ['15/03/2026 10:00', 'is not an ISO 8601 date-time'],
    ['yesterday', 'is not an ISO 8601 date-time'],
  ])('refuses ISO time %s', (value, message) => {
    const parsed = parseIsoTime(value);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toContain(message);
  });
});

describe('RecordReader', () => {
  it('reads empty, blank and missing text as null and trims the rest', () => {
    const r = new RecordReader();
    expect([r.text('', 'a'), r.text('   ', 'b'), r.text(undefined, 'c'), r.text(null, 'd'), r.text('  x ', 'e')]).toEqual([
      null,
      null,
      null,
      null,
      'x',
    ]);
    expect(r.text(42, 'f')).toBe('42');
    expect(r.errors).toEqual([]);
  });

  it('names fields that are missing, of the wrong type or outside the list, once each', () => {
    const r = new RecordReader();
    r.requiredText(' ', 'gdbh');
    r.requiredText({ nested: true }, 'sqnr');
    r.requiredChoice('表扬', 'sjlx', { 投诉: 'COMPLAINT' });
    r.regionCode('2201', 'xzqh');
    r.flag('yes', 'sqr.nm');
    expect(r.errors).toEqual([
      { field: 'gdbh', message: 'is required (missing or empty)' },
      { field: 'sqnr', message: 'must be text, got an object' },
      { field: 'sjlx', message: '"表扬" is not one of 投诉' },
      { field: 'xzqh', message: '"2201" is not a 6-digit region code' },
      { field: 'sqr.nm', message: 'must be true or false, got "yes"' },
    ]);
  });

  it('explains a local time that does not match its format or does not exist', () => {
    const r = new RecordReader();
    const format = { pattern: /^(?<y>\d{4})-(?<mo>\d{2})-(?<d>\d{2}) (?<h>\d{2}):(?<mi>\d{2})$/, label: 'YYYY-MM-DD HH:mm' };
    expect(r.localTime('2026-02-30 10:00', 't1', format)).toBeNull();
    expect(r.localTime('2026-2-3 10:00', 't2', format)).toBeNull();
    expect(r.errors).toEqual([
      { field: 't1', message: '"2026-02-30 10:00" is not a real date and time' },
      { field: 't2', message: '"2026-2-3 10:00" does not match YYYY-MM-DD HH:mm (Beijing time)' },
    ]);
  });
});

describe('settleItem', () => {
  const core = { externalId: 'X-1', receivedAt: new Date(0), kind: 'REPORT' as const, description: 'text' };
  const build = (c: typeof core) => ({ ...c, channel: 'WEB' as const });

  it('builds a record with defaults', () => {
    const item = settleItem(3, new RecordReader(), core, build, 'nr');
    expect(item).toEqual({ index: 3, externalId: 'X-1', record: buildRecord({ ...core, channel: 'WEB' }) });
    expect(item.record?.reporter).toEqual({ anonymous: false, name: null, phone: null, idNumber: null, email: null });
  });

  it('rejects with the errors collected', () => {
    const r = new RecordReader();
    r.fail('nr', 'is required (missing or empty)');
    expect(settleItem(0, r, { ...core, description: null }, build, 'nr')).toEqual({
      index: 0,
      externalId: 'X-1',
      errors: [{ field: 'nr', message: 'is required (missing or empty)' }],
    });
  });

  it('rejects a record whose text together exceeds the limit', () => {
    const half = textOfBytes(RECORD_TEXT_MAX_BYTES / 2);
    const item = settleItem(0, new RecordReader(), { ...core, description: half }, (c) => ({ ...build(c), subject: { address: half } }), 'nr');
    expect(item.errors).toEqual([{ field: 'nr', message: expect.stringContaining(`at most ${RECORD_TEXT_MAX_BYTES} bytes`) }]);
  });

  it('accepts text of exactly the limit', () => {
    const description = textOfBytes(RECORD_TEXT_MAX_BYTES - Buffer.byteLength('X-1WEBREPORTFEED'));
    const item = settleItem(0, new RecordReader(), { ...core, description }, build, 'nr');
    expect(recordTextBytes(item.record)).toBe(RECORD_TEXT_MAX_BYTES);
    expect(item.record).toBeDefined();
  });

  it('does not count attachment bytes as text', () => {
    expect(recordTextBytes({ a: 'ab', b: [{ c: '中' }], content: Buffer.alloc(100), at: new Date() })).toBe(5);
  });
});

describe('media types', () => {
  it('parses type and parameters', () => {
    expect(parseMediaType('Application/X-WWW-Form-Urlencoded; Charset="GBK"')).toEqual({
      type: 'application/x-www-form-urlencoded',
      params: { charset: 'GBK' },
    });
    expect(parseMediaType(null)).toBeNull();
    expect(parseMediaType('  ')).toBeNull();
  });

  it('accepts listed types and structured suffixes, refuses others', () => {
    expect(checkMediaType('application/json; charset=utf-8', ['application/json'])).toBeNull();
    expect(checkMediaType('application/vnd.feed+json', ['application/json', '+json'])).toBeNull();
    expect(checkMediaType(null, ['application/json'])).toBeNull();
    expect(checkMediaType('text/html', ['application/json', '+json'])).toEqual({
      readable: false,
      code: 'UNSUPPORTED_CONTENT_TYPE',
      message: 'content type "text/html" is not accepted here; expected application/json',
    });
  });
});

describe('parseJsonBody', () => {
  it('refuses bytes that are not UTF-8 and malformed JSON', () => {
    expect(parseJsonBody({ body: iconv.encode('{"a":"中文"}', 'gbk'), contentType: 'application/json' })).toMatchObject({
      code: 'BAD_ENCODING',
      message: expect.stringMatching(/^body is not valid UTF-8 at byte \d+$/),
    });
    expect(parseJsonBody({ body: Buffer.from('{"a":'), contentType: null })).toMatchObject({
      code: 'MALFORMED_JSON',
      message: expect.stringMatching(/^JSON is not well-formed: /),
    });
    expect(parseJsonBody({ body: Buffer.from(''), contentType: null })).toMatchObject({ code: 'MALFORMED_JSON' });
  });
});

describe('attachments', () => {
  it('checks PDF, JPEG and PNG signatures against the declared type', () => {
    expect(magicMismatch(SAMPLE_FILES.pdf, 'application/pdf')).toBeNull();
    expect(magicMismatch(SAMPLE_FILES.jpeg, 'image/jpeg')).toBeNull();
    expect(magicMismatch(SAMPLE_FILES.jpeg, 'image/jpg')).toBeNull();
    expect(magicMismatch(SAMPLE_FILES.png, 'image/png')).toBeNull();
    expect(magicMismatch(SAMPLE_FILES.png, 'application/pdf')).toBe(
      'declared application/pdf but the content does not start with the PDF signature',
    );
    expect(magicMismatch(SAMPLE_FILES.text, 'image/png')).toMatch(/PNG signature/);
    expect(magicMismatch(SAMPLE_FILES.text, 'text/plain')).toBeNull();
    expect(magicMismatch(SAMPLE_FILES.text, null)).toBeNull();
  });

  it('refuses empty and oversized files', () => {
    expect(attachmentProblem(Buffer.alloc(0), null)).toBe('is empty');
    expect(attachmentProblem(Buffer.alloc(ATTACHMENT_MAX_BYTES + 1), null)).toMatch(/at most 10485760 bytes/);
    expect(attachmentProblem(Buffer.alloc(ATTACHMENT_MAX_BYTES), null)).toBeNull();
  });

  it('decodes strict base64 only', () => {
    expect(decodeBase64Strict('aGVsbG8=')).toEqual({ ok: true, content: Buffer.from('hello') });
    expect(decodeBase64Strict('aGVs\r\nbG8=')).toEqual({ ok: true, content: Buffer.from('hello') });
    expect(decodeBase64Strict('aGVsbG8')).toMatchObject({ ok: false, tooLarge: false, message: expect.stringMatching(/length or padding/) });
    expect(decodeBase64Strict('aGV*bG8=')).toMatchObject({ ok: false, message: expect.stringMatching(/unexpected character "\*"/) });
    expect(decodeBase64Strict('aG=sbG8=')).toMatchObject({ ok: false, message: expect.stringMatching(/padding/) });
    expect(decodeBase64Strict('aGVsbG8_')).toMatchObject({ ok: false });
  });

  it('measures base64 before decoding it', () => {
    const big = 'A'.repeat(Math.ceil((ATTACHMENT_MAX_BYTES + 1) / 3) * 4);
    expect(decodeBase64Strict(big)).toMatchObject({ ok: false, tooLarge: true });
  });
});
