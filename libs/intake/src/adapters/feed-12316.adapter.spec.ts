import { feed12316Adapter, kindFromSummary } from './feed-12316.adapter';
import { RECORD_TEXT_MAX_BYTES } from './feed-record';
import {
  expectManifestFields,
  expectSameNumber,
  expectUnreadable,
  fieldsOf,
  fixture,
  jsonBody,
  manifestSamples,
  onlyErrors,
  onlyRecord,
  textOfBytes,
} from './test/spec-helpers';

const TRANSCRIPT = [
  { speaker: 'caller', text: '我买的种子不发芽。' },
  { speaker: 'agent', text: '请问在哪里买的？' },
];

const valid = (overrides: Record<string, unknown> = {}) => ({
  call_id: 'CTI-20260315-0000381',
  caller_number: '043188881234',
  start_time: 1773540000,
  end_time: 1773540312,
  agent_id: 'A017',
  ivr_path: '1-2',
  summary: '来电人称在九台区某农资店购买的玉米种子发芽率不到三成……',
  recording_url: 'https://12316.example/rec/0000381.wav',
  transcript: TRANSCRIPT,
  ...overrides,
});

const parse = (value: unknown) => feed12316Adapter(jsonBody(value));

describe('12316 adapter', () => {
  describe.each(manifestSamples('12316'))('sample $file', ({ file, contentType, expect: expected }) => {
    it('reads back as the manifest expects at intake', async () => {
      const record = onlyRecord(await feed12316Adapter({ body: fixture(file), contentType }));
      expectManifestFields(record, expected!);
      expectSameNumber(record.reporter.phone, expected!.reporter.phoneE164);
      expect(record.kindSource).toBe('TEXT');
    });
  });

  it('reads the example call record of feeds.md', async () => {
    const record = onlyRecord(await parse(valid()));
    expect(record).toEqual({
      externalId: 'CTI-20260315-0000381',
      receivedAt: new Date(1773540000 * 1000),
      kind: 'COMPLAINT',
      kindSource: 'TEXT',
      channel: 'PHONE',
      reporter: { anonymous: false, name: null, phone: '043188881234', idNumber: null, email: null },
      subject: { name: null, uscc: null, address: null },
      declaredRegionCode: null,
      placeName: null,
      productName: null,
      description: '来电人称在九台区某农资店购买的玉米种子发芽率不到三成……',
      attachments: [],
      replyTo: [],
      extras: {
        ivrPath: '1-2',
        agentId: 'A017',
        endTime: new Date(1773540312 * 1000).toISOString(),
        recordingUrl: 'https://12316.example/rec/0000381.wav',
        transcript: TRANSCRIPT,
      },
    });
  });

  it.each([
    ['来电人举报某店卖假种子', 'REPORT'],
    ['来电人咨询如何举报', 'REPORT'],
    ['来电人咨询种子质量标准', 'CONSULTATION'],
    ['来电人投诉化肥结块', 'COMPLAINT'],
    ['种子不发芽', 'COMPLAINT'],
  ])('reads the kind of "%s" as %s', async (summary, kind) => {
    expect(kindFromSummary(summary)).toBe(kind);
    expect(onlyRecord(await parse(valid({ summary }))).kind).toBe(kind);
  });

  it.each(['call_id', 'start_time', 'summary'])('rejects a call without %s', async (field) => {
    for (const missing of [undefined, '', '  ', null]) {
      expect(onlyErrors(await parse(valid({ [field]: missing })))).toEqual([{ field, message: 'is required (missing or empty)' }]);
    }
  });

  it('reads times given as strings of digits', async () => {
    const record = onlyRecord(await parse(valid({ start_time: '1773540000', end_time: '1773540312' })));
    expect(record.receivedAt.toISOString()).toBe('2026-03-15T02:00:00.000Z');
  });

  it.each([
    ['start_time', 1773540000000, /milliseconds instead of seconds/],
    ['start_time', -5, /is not a Unix time in seconds/],
    ['start_time', 'yesterday', /is not a Unix time in seconds/],
    ['start_time', '2026-03-15 10:00:00', /is not a Unix time in seconds/],
    ['end_time', 'soon', /is not a Unix time in seconds/],
    ['end_time', 1773539999, /is before start_time/],
  ])('rejects %s %s', async (field, value, message) => {
    expect(onlyErrors(await parse(valid({ [field]: value })))).toEqual([{ field, message: expect.stringMatching(message) }]);
  });

  it('reads optional fields as null when absent or empty', async () => {
    const record = onlyRecord(
      await parse({ call_id: 'CTI-1', start_time: 1773540000, summary: '咨询', caller_number: '', agent_id: ' ', ivr_path: '', transcript: null }),
    );
    expect(record.reporter).toEqual({ anonymous: false, name: null, phone: null, idNumber: null, email: null });
    expect(record.extras).toEqual({ ivrPath: null, agentId: null, endTime: null, recordingUrl: null, transcript: null });
  });

  it('keeps the caller number exactly as given', async () => {
    expect(onlyRecord(await parse(valid({ caller_number: '0431-8888 1234' }))).reporter.phone).toBe('0431-8888 1234');
  });

  it('rejects a transcript that is not an array', async () => {
    expect(fieldsOf(onlyErrors(await parse(valid({ transcript: 'caller: hello' }))))).toEqual(['transcript']);
  });

  it('counts the transcript with the text of the record', async () => {
    const long = [{ speaker: 'caller', text: textOfBytes(RECORD_TEXT_MAX_BYTES) }];
    expect(onlyErrors(await parse(valid({ transcript: long })))).toEqual([
      { field: 'summary', message: expect.stringMatching(/at most 1048576 bytes/) },
    ]);
  });

  describe('unreadable requests', () => {
    it('refuses an array, a number and malformed JSON', async () => {
      expectUnreadable(await parse([valid()]), 'UNEXPECTED_STRUCTURE', 'is an array');
      expectUnreadable(await parse(1773540000), 'UNEXPECTED_STRUCTURE', 'is a number');
      expectUnreadable(await feed12316Adapter({ body: Buffer.from('{"call_id":"x"'), contentType: 'application/json' }), 'MALFORMED_JSON');
    });

    it('refuses a content type other than JSON', async () => {
      expectUnreadable(await feed12316Adapter({ ...jsonBody(valid()), contentType: 'text/csv' }), 'UNSUPPORTED_CONTENT_TYPE');
    });
  });
});
