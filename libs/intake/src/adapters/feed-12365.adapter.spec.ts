import iconv from 'iconv-lite';
import { feed12365Adapter } from './feed-12365.adapter';
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
  textOfBytes,
} from './test/spec-helpers';

const CONTENT_TYPE = 'application/xml; charset=GB18030';

interface Parts {
  SerialNo?: string;
  AcceptTime?: string;
  Type?: string;
  Caller?: string;
  Enterprise?: string;
  AreaCode?: string;
  Product?: string;
  Content?: string;
}

const EXAMPLE: Required<Parts> = {
  SerialNo: '<SerialNo>QS2026031500017</SerialNo>',
  AcceptTime: '<AcceptTime>2026/03/15 10:05</AcceptTime>',
  Type: '<Type>2</Type>',
  Caller: '<Caller Anonymous="N"><Name>李四</Name><Tel>0431-88886666</Tel></Caller>',
  Enterprise: '<Enterprise><Name>吉林省某某汽车配件厂</Name><CreditCode></CreditCode><Address>公主岭市范家屯镇</Address></Enterprise>',
  AreaCode: '<AreaCode>220100</AreaCode>',
  Product: '<Product>汽车刹车片</Product>',
  Content: '<Content>该厂生产的刹车片冒用某品牌商标。</Content>',
};

function xml(parts: Parts = {}, prolog = '<?xml version="1.0" encoding="GB18030"?>'): string {
  const body = Object.values({ ...EXAMPLE, ...parts }).join('\n  ');
  return `${prolog}\n<Complaint>\n  ${body}\n</Complaint>\n`;
}

const parseText = (text: string, encoding = 'gb18030', contentType: string | null = CONTENT_TYPE) =>
  feed12365Adapter({ body: iconv.encode(text, encoding), contentType });

describe('12365 adapter', () => {
  describe.each(manifestSamples('12365'))('sample $file', ({ file, contentType, expect: expected }) => {
    it('reads back as the manifest expects', async () => {
      const record = onlyRecord(await feed12365Adapter({ body: fixture(file), contentType }));
      expectManifestFields(record, expected!);
      expectSameNumber(record.reporter.phone, expected!.reporter.phoneE164);
      expect(record.channel).toBe('PHONE');
    });
  });

  it('reads the example record of feeds.md', async () => {
    const record = onlyRecord(await parseText(xml()));
    expect(record).toMatchObject({
      externalId: 'QS2026031500017',
      receivedAt: new Date('2026-03-15T02:05:00.000Z'),
      kind: 'REPORT',
      channel: 'PHONE',
      reporter: { anonymous: false, name: '李四', phone: '0431-88886666', idNumber: null, email: null },
      subject: { name: '吉林省某某汽车配件厂', uscc: null, address: '公主岭市范家屯镇' },
      declaredRegionCode: '220100',
      productName: '汽车刹车片',
      description: '该厂生产的刹车片冒用某品牌商标。',
    });
  });

  it('reads characters beyond GBK that only GB18030 encodes', async () => {
    const record = onlyRecord(await parseText(xml({ Content: '<Content>𠀀字与€符号</Content>' })));
    expect(record.description).toBe('𠀀字与€符号');
  });

  it.each([
    ['1', 'COMPLAINT'],
    ['2', 'REPORT'],
    ['3', 'CONSULTATION'],
    ['4', 'SUGGESTION'],
  ])('takes Type %s as %s', async (type, kind) => {
    expect(onlyRecord(await parseText(xml({ Type: `<Type> ${type} </Type>` }))).kind).toBe(kind);
  });

  it.each(['0', '5', '投诉', '2.0'])('rejects Type %s outside the list', async (type) => {
    expect(onlyErrors(await parseText(xml({ Type: `<Type>${type}</Type>` })))).toEqual([
      { field: 'Type', message: `"${type}" is not one of 1 | 2 | 3 | 4` },
    ]);
  });

  it('reads Anonymous="Y" as anonymous and rejects a value outside Y|N', async () => {
    const anonymous = onlyRecord(await parseText(xml({ Caller: '<Caller Anonymous="Y"><Name></Name><Tel>15852564574</Tel></Caller>' })));
    expect(anonymous.reporter).toMatchObject({ anonymous: true, name: null, phone: '15852564574' });
    const missing = onlyRecord(await parseText(xml({ Caller: '<Caller><Name>王</Name></Caller>' })));
    expect(missing.reporter.anonymous).toBe(false);
    expect(onlyErrors(await parseText(xml({ Caller: '<Caller Anonymous="yes"/>' })))).toEqual([
      { field: 'Caller/@Anonymous', message: '"yes" is not one of Y | N' },
    ]);
  });

  it.each(['SerialNo', 'AcceptTime', 'Type', 'Content'] as const)('rejects a record without %s', async (field) => {
    for (const variant of ['', `<${field}></${field}>`, `<${field}/>`, `<${field}>   </${field}>`]) {
      expect(onlyErrors(await parseText(xml({ [field]: variant })))).toEqual([{ field, message: 'is required (missing or empty)' }]);
    }
  });

  it('reads empty elements and absent ones as null', async () => {
    const record = onlyRecord(
      await parseText(xml({ Caller: '<Caller Anonymous="N"/>', Enterprise: '<Enterprise></Enterprise>', AreaCode: '<AreaCode/>', Product: '' })),
    );
    expect(record.reporter).toEqual({ anonymous: false, name: null, phone: null, idNumber: null, email: null });
    expect(record.subject).toEqual({ name: null, uscc: null, address: null });
    expect(record.declaredRegionCode).toBeNull();
    expect(record.productName).toBeNull();
  });

  it.each([
    ['2026/02/30 10:00', 'is not a real date and time'],
    ['2026/03/15 25:00', 'is not a real date and time'],
    ['2026-03-15 10:05', 'does not match YYYY/MM/DD HH:mm'],
    ['2026/03/15 10:05:00', 'does not match YYYY/MM/DD HH:mm'],
  ])('rejects AcceptTime %s', async (time, message) => {
    expect(onlyErrors(await parseText(xml({ AcceptTime: `<AcceptTime>${time}</AcceptTime>` })))).toEqual([
      { field: 'AcceptTime', message: expect.stringContaining(message) },
    ]);
  });

  it('rejects an AreaCode that is not six digits', async () => {
    expect(fieldsOf(onlyErrors(await parseText(xml({ AreaCode: '<AreaCode>2201</AreaCode>' }))))).toEqual(['AreaCode']);
  });

  it('decodes the predefined entities, character references and CDATA', async () => {
    const content = '<Content>A &amp; B &lt;牌&gt; &quot;x&quot; &apos;y&apos; &#x4E2D;&#25991;<![CDATA[ <原样> &amp;]]></Content>';
    expect(onlyRecord(await parseText(xml({ Content: content }))).description).toBe('A & B <牌> "x" \'y\' 中文 <原样> &amp;');
  });

  it('names an element that appears twice or holds elements instead of text', async () => {
    const twice = onlyErrors(await parseText(xml({ SerialNo: '<SerialNo>A</SerialNo><SerialNo>B</SerialNo>' })));
    expect(twice).toEqual([{ field: 'SerialNo', message: 'appears 2 times; expected once' }]);
    const nested = onlyErrors(await parseText(xml({ Content: '<Content><p>x</p></Content>' })));
    expect(nested).toEqual([{ field: 'Content', message: 'must be text, but has child elements' }]);
    const textCaller = onlyErrors(await parseText(xml({ Caller: '<Caller>李四</Caller>' })));
    expect(textCaller).toEqual([{ field: 'Caller', message: 'must contain elements, not text' }]);
    const twoCallers = onlyErrors(await parseText(xml({ Caller: '<Caller><Name>甲</Name></Caller><Caller><Name>乙</Name></Caller>' })));
    expect(twoCallers).toEqual([{ field: 'Caller', message: 'appears 2 times; expected once' }]);
  });

  it('rejects a record whose text exceeds the limit', async () => {
    const content = `<Content>${textOfBytes(RECORD_TEXT_MAX_BYTES + 3)}</Content>`;
    expect(onlyErrors(await parseText(xml({ Content: content })))).toEqual([
      { field: 'Content', message: expect.stringMatching(/at most 1048576 bytes/) },
    ]);
  });

  describe('encoding', () => {
    it('follows the prolog over the HTTP header', async () => {
      const utf8Doc = xml({}, '<?xml version="1.0" encoding="UTF-8"?>');
      const record = onlyRecord(await parseText(utf8Doc, 'utf8', 'application/xml; charset=GB18030'));
      expect(record.reporter.name).toBe('李四');
    });

    it('uses the header, then GB18030, when the prolog names no encoding', async () => {
      const bare = xml({}, '<?xml version="1.0"?>');
      expect(onlyRecord(await parseText(bare, 'utf8', 'application/xml; charset=utf-8')).reporter.name).toBe('李四');
      expect(onlyRecord(await parseText(bare, 'gb18030', 'application/xml')).reporter.name).toBe('李四');
      expect(onlyRecord(await parseText(xml({}, ''), 'gb18030', null)).reporter.name).toBe('李四');
    });

    it('refuses UTF-8 bytes sent as GB18030 where they are invalid, naming the byte', async () => {
      const asciiElsewhere = { Caller: '<Caller Anonymous="N"/>', Enterprise: '', Product: '' };
      const text = xml({ ...asciiElsewhere, Content: '<Content>中</Content>' });
      const result = await parseText(text, 'utf8');
      // E4 B8 pair up as one GB18030 character; AD then meets "<", which no sequence allows
      const offset = text.indexOf('中') + 2;
      expectUnreadable(result, 'BAD_ENCODING', `body is not valid GB18030 at byte ${offset}`);
    });

    it('refuses an invalid byte sequence', async () => {
      const body = Buffer.concat([iconv.encode(xml().replace('</Complaint>\n', ''), 'gb18030'), Buffer.from([0x81, 0x20]), Buffer.from('</Complaint>')]);
      expectUnreadable(await feed12365Adapter({ body, contentType: CONTENT_TYPE }), 'BAD_ENCODING', /^body is not valid GB18030 at byte \d+$/);
    });

    it('refuses an encoding it does not know', async () => {
      const result = await parseText(xml({}, '<?xml version="1.0" encoding="X-MARTIAN"?>'), 'utf8');
      expectUnreadable(result, 'BAD_ENCODING', 'XML declares unknown encoding "X-MARTIAN"');
    });
  });

  describe('unreadable requests', () => {
    it('refuses any DOCTYPE', async () => {
      const withEntity = xml({ Content: '<Content>&xxe;</Content>' }).replace(
        '?>',
        '?>\n<!DOCTYPE Complaint [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
      );
      expectUnreadable(await parseText(withEntity), 'DOCTYPE_FORBIDDEN', /DOCTYPE/);
      expectUnreadable(await parseText(xml().replace('?>', '?><!doctype Complaint>')), 'DOCTYPE_FORBIDDEN');
    });

    it('refuses malformed XML, saying where', async () => {
      const unclosed = xml({ Content: '<Content>没有结束' });
      expectUnreadable(await parseText(unclosed), 'MALFORMED_XML', /^XML is not well-formed at line 11, column 1: Expected closing tag 'Content' \(opened in line 10, col \d+\)/);
      expectUnreadable(await parseText('not xml at all'), 'MALFORMED_XML', /^XML is not well-formed at line 1/);
      expectUnreadable(await parseText(''), 'MALFORMED_XML');
      expectUnreadable(await parseText(xml({ Caller: '<Caller Anonymous=N/>' })), 'MALFORMED_XML', /Anonymous/);
    });

    it('refuses a document with more than one root element', async () => {
      const result = await parseText(`${xml()}<Complaint/>`);
      expectUnreadable(result, 'MALFORMED_XML', 'expected one root element, found <Complaint>, <Complaint>');
    });

    it('refuses an unknown root element', async () => {
      const result = await parseText('<?xml version="1.0" encoding="GB18030"?><Complaints><Complaint/></Complaints>');
      expectUnreadable(result, 'UNEXPECTED_STRUCTURE', 'root element is <Complaints>; expected <Complaint>');
    });

    it('refuses a content type other than XML', async () => {
      expectUnreadable(await parseText(xml(), 'gb18030', 'application/json'), 'UNSUPPORTED_CONTENT_TYPE');
      onlyRecord(await parseText(xml(), 'gb18030', 'text/xml; charset=GB18030'));
    });
  });
});
