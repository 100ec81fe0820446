import { FEED_12358_MAX_ROWS, feed12358Adapter } from './feed-12358.adapter';
import { FeedInput, RECORD_TEXT_MAX_BYTES } from './feed-record';
import {
  errorsOf,
  expectManifestFields,
  expectSameNumber,
  expectUnreadable,
  fieldsOf,
  fixture,
  gbk,
  manifestSamples,
  readableItems,
  recordOf,
  textOfBytes,
} from './test/spec-helpers';

const HEADER = '受理编号,受理日期,受理时间,举报人,联系电话,被举报单位,所在地区,举报内容,类别';
const EXAMPLE_ROW = 'JG20260315001,20260315,0930,王五,0432-62345678,吉林市船营区某某药店,吉林市船营区,"标价 38 元结账收 45 元，""会员价""实际没有",价格举报';
const BOUNDARY = '----hotline-hub-test';

function csv(...rows: string[]): Buffer {
  return gbk([HEADER, ...rows].join('\r\n') + '\r\n');
}

function row(cells: Partial<Record<string, string>> = {}): string {
  const values = {
    受理编号: 'JG1',
    受理日期: '20260315',
    受理时间: '0930',
    举报人: '王五',
    联系电话: '13800000000',
    被举报单位: '某药店',
    所在地区: '吉林市船营区',
    举报内容: '标价与结算价不符',
    类别: '价格举报',
    ...cells,
  };
  return Object.values(values).join(',');
}

function part(name: string, content: Buffer, filename: string | null = 'batch.csv'): Buffer {
  const disposition = `form-data; name="${name}"${filename ? `; filename="${filename}"` : ''}`;
  const type = filename ? 'Content-Type: text/csv\r\n' : '';
  return Buffer.concat([Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`), content, Buffer.from('\r\n')]);
}

function multipart(...parts: Buffer[]): FeedInput {
  return {
    body: Buffer.concat([...parts, Buffer.from(`--${BOUNDARY}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
  };
}

const upload = (file: Buffer) => feed12358Adapter(multipart(part('file', file)));

describe('12358 adapter', () => {
  const [sample] = manifestSamples('12358');

  it.each([
    ['uploaded as multipart/form-data', (file: Buffer) => multipart(part('file', file))],
    ['sent as the body itself', (file: Buffer) => ({ body: file, contentType: 'text/csv; charset=GBK' })],
    ['sent without a content type', (file: Buffer) => ({ body: file, contentType: null })],
  ])('reads the sample batch %s as the manifest expects', async (_label, wrap) => {
    const items = readableItems(await feed12358Adapter(wrap(fixture(sample.file))));
    expect(items.map((item) => item.index)).toEqual(sample.rows!.map((r) => r.index));
    for (const { index, expect: expected } of sample.rows!) {
      const record = recordOf(items.find((item) => item.index === index));
      expectManifestFields(record, expected);
      expectSameNumber(record.reporter.phone, expected.reporter.phoneE164);
      expect(record.channel).toBe('BATCH');
    }
  });

  it('reads the example row of feeds.md, quoted commas and doubled quotes included', async () => {
    const [item] = readableItems(await upload(csv(EXAMPLE_ROW)));
    expect(item).toEqual({
      index: 1,
      externalId: 'JG20260315001',
      record: expect.objectContaining({
        receivedAt: new Date('2026-03-15T01:30:00.000Z'),
        kind: 'REPORT',
        kindSource: 'FEED',
        channel: 'BATCH',
        reporter: { anonymous: false, name: '王五', phone: '0432-62345678', idNumber: null, email: null },
        subject: { name: '吉林市船营区某某药店', uscc: null, address: null },
        declaredRegionCode: null,
        placeName: '吉林市船营区',
        description: '标价 38 元结账收 45 元，"会员价"实际没有',
      }),
    });
  });

  it('keeps line breaks and commas inside quoted fields', async () => {
    const quoted = row({ 举报内容: '"第一行,有逗号\r\n第二行 ""引号""\n第三行"' });
    const items = readableItems(await upload(csv(quoted, row({ 受理编号: 'JG2' }))));
    expect(recordOf(items[0]).description).toBe('第一行,有逗号\r\n第二行 "引号"\n第三行');
    expect(items[1]).toMatchObject({ index: 2, externalId: 'JG2' });
  });

  it('finds columns by name, in any order', async () => {
    const header = '类别,举报内容,受理编号,所在地区,被举报单位,联系电话,举报人,受理时间,受理日期';
    const file = gbk(`${header}\r\n价格咨询,问价格,JG9,长春市,某店,0431-1,张三,1405,20260101\r\n`);
    const record = recordOf(readableItems(await upload(file))[0]);
    expect(record).toMatchObject({ externalId: 'JG9', kind: 'CONSULTATION', receivedAt: new Date('2026-01-01T06:05:00.000Z') });
  });

  it.each([
    ['价格投诉', 'COMPLAINT'],
    ['价格举报', 'REPORT'],
    ['价格咨询', 'CONSULTATION'],
    ['价格建议', 'SUGGESTION'],
  ])('takes 类别 %s as %s', async (category, kind) => {
    expect(recordOf(readableItems(await upload(csv(row({ 类别: category }))))[0]).kind).toBe(kind);
  });

  it.each(['匿名', '', '  '])('reads 举报人 %j as anonymous', async (name) => {
    const record = recordOf(readableItems(await upload(csv(row({ 举报人: name }))))[0]);
    expect(record.reporter).toMatchObject({ anonymous: true, name: null, phone: '13800000000' });
  });

  it('reads empty cells as absent', async () => {
    const record = recordOf(readableItems(await upload(csv(row({ 联系电话: '', 被举报单位: ' ', 所在地区: '' }))))[0]);
    expect(record.reporter.phone).toBeNull();
    expect(record.subject.name).toBeNull();
    expect(record.placeName).toBeNull();
  });

  it('reads a time that lost its leading zero', async () => {
    const record = recordOf(readableItems(await upload(csv(row({ 受理时间: '930' }))))[0]);
    expect(record.receivedAt.toISOString()).toBe('2026-03-15T01:30:00.000Z');
  });

  it('answers every row on its own, naming the row number and the field', async () => {
    const file = csv(
      row({ 受理编号: 'OK1' }),
      row({ 受理编号: '' }),
      row({ 受理编号: 'NOTEXT', 举报内容: '' }),
      row({ 受理编号: 'BADDATE', 受理日期: '20260230' }),
      row({ 受理编号: 'BADTIME', 受理时间: '2500' }),
      row({ 受理编号: 'BADFORMAT', 受理日期: '2026-03-15', 受理时间: '9:30' }),
      row({ 受理编号: 'BADKIND', 类别: '价格表扬' }),
      row({ 受理编号: 'NOKIND', 类别: '' }),
      row({ 受理编号: 'OK2' }),
    );
    const items = readableItems(await upload(file));
    expect(items.map((item) => [item.index, item.externalId, item.errors ? fieldsOf(item.errors) : 'ok'])).toEqual([
      [1, 'OK1', 'ok'],
      [2, null, ['受理编号']],
      [3, 'NOTEXT', ['举报内容']],
      [4, 'BADDATE', ['受理日期']],
      [5, 'BADTIME', ['受理时间']],
      [6, 'BADFORMAT', ['受理日期', '受理时间']],
      [7, 'BADKIND', ['类别']],
      [8, 'NOKIND', ['类别']],
      [9, 'OK2', 'ok'],
    ]);
    expect(errorsOf(items[3])[0].message).toBe('"20260230" is not a real date and time');
    expect(errorsOf(items[4])[0].message).toBe('"2500" is not a real time of day');
    expect(errorsOf(items[6])[0].message).toBe('"价格表扬" is not one of 价格投诉 | 价格举报 | 价格咨询 | 价格建议');
  });

  it('rejects a row whose column count differs from the header', async () => {
    const items = readableItems(await upload(csv(`${row()},多出来的`, 'JG2,20260315,0930')));
    expect(errorsOf(items[0])).toEqual([{ field: '(record)', message: 'row has 10 columns; the header has 9' }]);
    expect(fieldsOf(errorsOf(items[1]))).toEqual(['(record)', '类别', '举报内容']);
  });

  it('skips rows of bare commas but keeps counting rows', async () => {
    const items = readableItems(await upload(csv(',,,,,,,,', row({ 受理编号: 'JG2' }), '', ',,,,,,,,')));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ index: 2, externalId: 'JG2' });
  });

  it('reads a file with only the header as no rows', async () => {
    expect(readableItems(await upload(csv()))).toEqual([]);
  });

  it('rejects a row whose text exceeds the limit', async () => {
    const items = readableItems(await upload(csv(row({ 举报内容: textOfBytes(RECORD_TEXT_MAX_BYTES + 1) }), row({ 受理编号: 'JG2' }))));
    expect(errorsOf(items[0])).toEqual([{ field: '举报内容', message: expect.stringMatching(/at most 1048576 bytes/) }]);
    expect(recordOf(items[1]).externalId).toBe('JG2');
  });

  it(`takes up to ${FEED_12358_MAX_ROWS} rows and refuses more`, async () => {
    const rows = Array.from({ length: FEED_12358_MAX_ROWS }, (_, i) => row({ 受理编号: `JG${i}` }));
    expect(readableItems(await upload(csv(...rows)))).toHaveLength(FEED_12358_MAX_ROWS);
    expectUnreadable(await upload(csv(...rows, row())), 'UNEXPECTED_STRUCTURE', 'CSV has 10001 data rows; at most 10000');
  });

  it('reads a file sent as a plain form field, byte for byte', async () => {
    const items = readableItems(await feed12358Adapter(multipart(part('note', Buffer.from('x'), null), part('file', csv(EXAMPLE_ROW), null))));
    expect(recordOf(items[0]).reporter.name).toBe('王五');
  });

  it('reads a UTF-8 file that says so with a byte order mark', async () => {
    const file = Buffer.from(`\uFEFF${HEADER}\r\n${EXAMPLE_ROW}\r\n`, 'utf8');
    expect(recordOf(readableItems(await upload(file))[0]).placeName).toBe('吉林市船营区');
  });

  describe('unreadable requests', () => {
    it('refuses a file that is not valid GBK, naming the byte', async () => {
      const head = csv();
      const file = Buffer.concat([head, Buffer.from('JG1,20260315,0930,'), Buffer.from([0x81, 0x7f]), Buffer.from(',1,2,3,4,价格举报\r\n')]);
      expectUnreadable(await upload(file), 'BAD_ENCODING', `file is not valid GBK at byte ${head.length + 18}`);
    });

    it('refuses a UTF-8 file without a byte order mark where its bytes are not GBK', async () => {
      const file = Buffer.from(`${HEADER}\r\n${EXAMPLE_ROW}\r\n`, 'utf8');
      expectUnreadable(await upload(file), 'BAD_ENCODING', /^file is not valid GBK at byte \d+$/);
    });

    it('refuses malformed CSV', async () => {
      const result = await upload(csv(row({ 举报内容: '"引号没有结束' })));
      expectUnreadable(result, 'MALFORMED_CSV', /^CSV is not well-formed: .*Quote Not Closed/);
    });

    it('refuses a header that is not the feed’s', async () => {
      const english = gbk('id,date,time,name,phone,company,place,content,category\r\nJG1,20260315,0930,a,b,c,d,e,f\r\n');
      expectUnreadable(await upload(english), 'UNEXPECTED_STRUCTURE', /^CSV header lacks column 受理编号, 受理日期/);
      const short = gbk('受理编号,受理日期,受理时间,举报内容,类别\r\n');
      expectUnreadable(await upload(short), 'UNEXPECTED_STRUCTURE', 'CSV header lacks column 举报人, 联系电话, 被举报单位, 所在地区');
      expectUnreadable(await upload(gbk(`${HEADER},类别\r\n`)), 'UNEXPECTED_STRUCTURE', 'CSV header repeats column 类别');
      expectUnreadable(await upload(Buffer.alloc(0)), 'UNEXPECTED_STRUCTURE', 'CSV file is empty');
    });

    it('refuses a form without exactly one file part', async () => {
      expectUnreadable(await feed12358Adapter(multipart(part('upload', csv()))), 'UNEXPECTED_STRUCTURE', 'has 0 parts named "file"');
      expectUnreadable(await feed12358Adapter(multipart(part('file', csv()), part('file', csv()))), 'UNEXPECTED_STRUCTURE', 'has 2 parts');
    });

    it('refuses a broken multipart body', async () => {
      const noBoundary = await feed12358Adapter({ body: csv(), contentType: 'multipart/form-data' });
      expectUnreadable(noBoundary, 'MALFORMED_MIME', /^multipart body cannot be read: .*[Bb]oundary/);
      const { body, contentType } = multipart(part('file', csv(EXAMPLE_ROW)));
      const truncated = await feed12358Adapter({ body: body.subarray(0, body.length - 40), contentType });
      expectUnreadable(truncated, 'MALFORMED_MIME', /^multipart body cannot be read: /);
    });

    it('refuses a content type that is neither multipart nor CSV', async () => {
      expectUnreadable(await feed12358Adapter({ body: csv(), contentType: 'application/json' }), 'UNSUPPORTED_CONTENT_TYPE', '"application/json"');
    });
  });
});
