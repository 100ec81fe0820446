import { feed12330Adapter } from './feed-12330.adapter';
import { ATTACHMENT_MAX_BYTES, RECORD_TEXT_MAX_BYTES } from './feed-record';
import {
  expectManifestFields,
  expectUnreadable,
  fieldsOf,
  fixture,
  jsonBody,
  manifestSamples,
  onlyErrors,
  onlyRecord,
  SAMPLE_FILES,
  textOfBytes,
} from './test/spec-helpers';

const evidence = (file: Buffer, mimeType: string | null, fileName = 'file') => ({ fileName, mimeType, contentBase64: file.toString('base64') });

const valid = (overrides: Record<string, unknown> = {}) => ({
  caseNo: 'IP-2026-00042',
  receivedAt: '2026-03-15T10:20:00+08:00',
  reportType: 'report',
  ipType: 'PATENT',
  reporter: { name: '赵六', mobile: '+86 138-0431-1234', email: 'zl@example.cn', anonymous: false },
  respondent: { name: '某公司', uscc: '91220101MA0Y3K2X1A', address: '长春市' },
  region: '220100',
  description: '该公司未经许可实施专利。',
  evidence: [evidence(SAMPLE_FILES.pdf, 'application/pdf', '专利证书.pdf')],
  ...overrides,
});

const parse = (value: unknown) => feed12330Adapter(jsonBody(value));

describe('12330 adapter', () => {
  describe.each(manifestSamples('12330'))('sample $file', ({ file, contentType, expect: expected }) => {
    it('reads back as the manifest expects, the mobile as the payload gives it', async () => {
      const body = fixture(file);
      const record = onlyRecord(await feed12330Adapter({ body, contentType }));
      expectManifestFields(record, expected!);
      // the manifest's phoneE164 for these samples does not match the payload: the payload is what counts
      expect(record.reporter.phone).toBe(JSON.parse(body.toString('utf8')).reporter.mobile);
    });
  });

  it('reads the example record of feeds.md', async () => {
    const record = onlyRecord(await parse(valid()));
    expect(record).toEqual({
      externalId: 'IP-2026-00042',
      receivedAt: new Date('2026-03-15T02:20:00.000Z'),
      kind: 'REPORT',
      kindSource: 'FEED',
      channel: 'WEB',
      reporter: { anonymous: false, name: '赵六', phone: '+86 138-0431-1234', idNumber: null, email: 'zl@example.cn' },
      subject: { name: '某公司', uscc: '91220101MA0Y3K2X1A', address: '长春市' },
      declaredRegionCode: '220100',
      placeName: null,
      productName: null,
      description: '该公司未经许可实施专利。',
      attachments: [{ fileName: '专利证书.pdf', mimeType: 'application/pdf', content: SAMPLE_FILES.pdf, url: null }],
      replyTo: [],
      extras: { ipTypeHint: 'PATENT' },
    });
  });

  it.each([
    ['complaint', 'COMPLAINT'],
    ['report', 'REPORT'],
    ['consult', 'CONSULTATION'],
    ['suggest', 'SUGGESTION'],
    ['Report', 'REPORT'],
  ])('takes reportType %s as %s', async (reportType, kind) => {
    expect(onlyRecord(await parse(valid({ reportType }))).kind).toBe(kind);
  });

  it('rejects a reportType outside the list', async () => {
    expect(onlyErrors(await parse(valid({ reportType: 'praise' })))).toEqual([
      { field: 'reportType', message: '"praise" is not one of complaint | report | consult | suggest' },
    ]);
  });

  it.each(['caseNo', 'receivedAt', 'reportType', 'description'])('rejects a record without %s', async (field) => {
    for (const missing of [undefined, '', ' ']) {
      expect(onlyErrors(await parse(valid({ [field]: missing })))).toEqual([{ field, message: 'is required (missing or empty)' }]);
    }
  });

  it.each([
    ['2026-03-15T10:20:00Z', '2026-03-15T10:20:00.000Z'],
    ['2026-03-15T10:20:00-04:00', '2026-03-15T14:20:00.000Z'],
    ['2026-03-15T10:20:00', '2026-03-15T02:20:00.000Z'],
  ])('reads receivedAt %s by its offset, Beijing time without one', async (receivedAt, iso) => {
    expect(onlyRecord(await parse(valid({ receivedAt }))).receivedAt.toISOString()).toBe(iso);
  });

  it.each(['2026-02-30T10:00:00+08:00', '2026-03-15T25:00:00+08:00', '2026-03-15', '15.03.2026 10:20', '2026-03-15T10:20:00+25:00'])(
    'rejects receivedAt %s',
    async (receivedAt) => {
      expect(fieldsOf(onlyErrors(await parse(valid({ receivedAt }))))).toEqual(['receivedAt']);
    },
  );

  it('keeps ipType only as a hint and never rejects for it', async () => {
    expect(onlyRecord(await parse(valid({ ipType: 'trademark' }))).extras).toEqual({ ipTypeHint: 'TRADEMARK' });
    expect(onlyRecord(await parse(valid({ ipType: '' }))).extras).toEqual({ ipTypeHint: null });
    expect(onlyRecord(await parse(valid({ ipType: 'COPYRIGHT' }))).extras).toEqual({ ipTypeHint: null, ipTypeRaw: 'COPYRIGHT' });
  });

  it('reads an anonymous reporter and empty fields as absent', async () => {
    const record = onlyRecord(
      await parse(valid({ reporter: { name: '', mobile: '', email: ' ', anonymous: true }, respondent: { name: '', uscc: '', address: '' }, region: '' })),
    );
    expect(record.reporter).toEqual({ anonymous: true, name: null, phone: null, idNumber: null, email: null });
    expect(record.subject).toEqual({ name: null, uscc: null, address: null });
    expect(record.declaredRegionCode).toBeNull();
  });

  it('rejects a region that is not six digits and a reporter of the wrong shape', async () => {
    expect(onlyErrors(await parse(valid({ region: '2201' })))).toEqual([{ field: 'region', message: '"2201" is not a 6-digit region code' }]);
    expect(fieldsOf(onlyErrors(await parse(valid({ reporter: ['赵六'] }))))).toEqual(['reporter']);
    expect(fieldsOf(onlyErrors(await parse(valid({ reporter: { anonymous: 'no' } }))))).toEqual(['reporter.anonymous']);
  });

  it('reads a record with a "readable": false member as a record, not as a result', async () => {
    expect(onlyRecord(await parse(valid({ readable: false, code: 'X' }))).externalId).toBe('IP-2026-00042');
  });

  describe('evidence', () => {
    it('decodes PDF, JPEG and PNG whose bytes match their type', async () => {
      const files = [evidence(SAMPLE_FILES.pdf, 'application/pdf'), evidence(SAMPLE_FILES.jpeg, 'image/jpeg'), evidence(SAMPLE_FILES.png, 'IMAGE/PNG')];
      const record = onlyRecord(await parse(valid({ evidence: files })));
      expect(record.attachments.map((a) => [a.mimeType, a.content])).toEqual([
        ['application/pdf', SAMPLE_FILES.pdf],
        ['image/jpeg', SAMPLE_FILES.jpeg],
        ['image/png', SAMPLE_FILES.png],
      ]);
    });

    it('keeps other types without a signature check and names files that have no name', async () => {
      const record = onlyRecord(await parse(valid({ evidence: [{ mimeType: 'text/plain', contentBase64: SAMPLE_FILES.text.toString('base64') }] })));
      expect(record.attachments).toEqual([{ fileName: 'evidence-1', mimeType: 'text/plain', content: SAMPLE_FILES.text, url: null }]);
    });

    it('rejects a file whose bytes are not what mimeType says', async () => {
      const files = [evidence(SAMPLE_FILES.pdf, 'application/pdf'), evidence(SAMPLE_FILES.png, 'image/jpeg', '照片.jpg')];
      expect(onlyErrors(await parse(valid({ evidence: files })))).toEqual([
        { field: 'evidence[1]', message: '照片.jpg declared image/jpeg but the content does not start with the JPEG signature' },
      ]);
      expect(fieldsOf(onlyErrors(await parse(valid({ evidence: [evidence(SAMPLE_FILES.text, 'application/pdf')] }))))).toEqual(['evidence[0]']);
    });

    it('rejects base64 that is not strict', async () => {
      const broken = [
        { fileName: 'a.pdf', mimeType: 'application/pdf', contentBase64: 'JVBERi0x*LjQK' },
        { fileName: 'b.pdf', mimeType: 'application/pdf', contentBase64: 'JVBERi0xLjQ' },
        { fileName: 'c.pdf', mimeType: 'application/pdf', contentBase64: '' },
      ];
      const errors = onlyErrors(await parse(valid({ evidence: broken })));
      expect(errors).toEqual([
        { field: 'evidence[0].contentBase64', message: expect.stringContaining('not valid base64') },
        { field: 'evidence[1].contentBase64', message: expect.stringContaining('not valid base64') },
        { field: 'evidence[2].contentBase64', message: 'is required (missing or empty)' },
      ]);
    });

    it('accepts five files and rejects a sixth', async () => {
      const five = Array.from({ length: 5 }, (_, i) => evidence(SAMPLE_FILES.png, 'image/png', `${i}.png`));
      expect(onlyRecord(await parse(valid({ evidence: five }))).attachments).toHaveLength(5);
      expect(onlyErrors(await parse(valid({ evidence: [...five, five[0]] })))).toEqual([
        { field: 'evidence', message: 'has 6 files; at most 5 per record are allowed' },
      ]);
    });

    it('accepts a file of exactly 10 MiB and rejects a larger one', async () => {
      const limit = Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(ATTACHMENT_MAX_BYTES - SAMPLE_FILES.pdf.length)]);
      expect(onlyRecord(await parse(valid({ evidence: [evidence(limit, 'application/pdf')] }))).attachments[0].content).toHaveLength(
        ATTACHMENT_MAX_BYTES,
      );
      const larger = Buffer.concat([limit, Buffer.alloc(1)]);
      expect(onlyErrors(await parse(valid({ evidence: [evidence(larger, 'application/pdf', 'big.pdf')] })))).toEqual([
        { field: 'evidence[0]', message: `big.pdf is ${ATTACHMENT_MAX_BYTES + 1} bytes after decoding; at most ${ATTACHMENT_MAX_BYTES} bytes are allowed` },
      ]);
    });

    it('reads no evidence, an empty list and null entries as none', async () => {
      for (const value of [undefined, null, [], [null]]) {
        expect(onlyRecord(await parse(valid({ evidence: value }))).attachments).toEqual([]);
      }
      expect(fieldsOf(onlyErrors(await parse(valid({ evidence: 'JVBERi0x' }))))).toEqual(['evidence']);
      expect(fieldsOf(onlyErrors(await parse(valid({ evidence: ['JVBERi0x'] }))))).toEqual(['evidence[0]']);
    });
  });

  it('rejects a record whose text exceeds the limit, not counting evidence bytes', async () => {
    expect(onlyErrors(await parse(valid({ description: textOfBytes(RECORD_TEXT_MAX_BYTES + 1) })))).toEqual([
      { field: 'description', message: expect.stringMatching(/at most 1048576 bytes/) },
    ]);
    const bigFile = Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(2 * 1024 * 1024)]);
    onlyRecord(await parse(valid({ evidence: [evidence(bigFile, 'application/pdf')] })));
  });

  describe('unreadable requests', () => {
    it('refuses an array, a number and malformed JSON', async () => {
      expectUnreadable(await parse([valid()]), 'UNEXPECTED_STRUCTURE', 'top-level JSON value is an array; expected one record object');
      expectUnreadable(await parse(12330), 'UNEXPECTED_STRUCTURE', 'is a number');
      expectUnreadable(await feed12330Adapter({ body: Buffer.from('{caseNo: 1}'), contentType: 'application/json' }), 'MALFORMED_JSON');
    });

    it('refuses bytes that are not UTF-8 and a content type other than JSON', async () => {
      const body = Buffer.concat([Buffer.from('{"caseNo":"'), Buffer.from([0xd5, 0xc5]), Buffer.from('"}')]);
      expectUnreadable(await feed12330Adapter({ body, contentType: 'application/json' }), 'BAD_ENCODING', 'body is not valid UTF-8 at byte 11');
      expectUnreadable(await feed12330Adapter({ ...jsonBody(valid()), contentType: 'multipart/form-data' }), 'UNSUPPORTED_CONTENT_TYPE');
    });
  });
});
