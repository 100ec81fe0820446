import iconv from 'iconv-lite';
import { feed12390Adapter } from './feed-12390.adapter';
import { ATTACHMENT_MAX_BYTES, RECORD_TEXT_MAX_BYTES } from './feed-record';
import {
  expectManifestFields,
  expectSameNumber,
  expectUnreadable,
  fieldsOf,
  fixture,
  manifestSamples,
  onlyErrors,
  onlyRecord,
  SAMPLE_FILES,
  textOfBytes,
} from './test/spec-helpers';

const CONTENT_TYPE = 'message/rfc822';
const FOOTER = '（本邮件由12390版权举报热线邮箱自动转发）';
const BODY = ['被举报单位：长春某书店', '地址：长春市朝阳区', '举报人：周七', '联系电话：13912345678', '是否匿名：否', '', '该书店销售盗版教辅。', '', FOOTER].join(
  '\r\n',
);

interface Attachment {
  name: string;
  type: string;
  content: Buffer;
}

interface MailSpec {
  headers?: Record<string, string | null>;
  body?: string;
  charset?: string;
  transfer?: 'base64' | 'quoted-printable' | '8bit';
  attachments?: Attachment[];
}

function encodedWord(text: string, charset = 'UTF-8'): string {
  return `=?${charset}?B?${iconv.encode(text, charset).toString('base64')}?=`;
}

function quotedPrintable(bytes: Buffer): string {
  const escaped = [...bytes].map((b) => (b >= 33 && b <= 126 && b !== 61 ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`));
  const lines: string[] = [];
  let line = '';
  for (const token of escaped) {
    if (line.length + token.length > 72) {
      lines.push(`${line}=`);
      line = '';
    }
    line += token;
  }
  return [...lines, line].join('\r\n');
}

function encodeBody(text: string, charset: string, transfer: MailSpec['transfer']): string {
  const bytes = iconv.encode(text, charset);
  if (transfer === 'quoted-printable') return quotedPrintable(bytes);
  if (transfer === 'base64') return bytes.toString('base64').replace(/.{76}/g, '$&\r\n');
  return bytes.toString('latin1');
}

function mail(spec: MailSpec = {}): Buffer {
  const { body = BODY, charset = 'utf-8', transfer = 'base64', attachments = [] } = spec;
  const headers: Record<string, string | null> = {
    From: `${encodedWord('周七')} <zhou7@mail.example.cn>`,
    To: '12390@copyright.jl.example',
    Subject: encodedWord('【12390举报】长春某书店销售盗版教辅'),
    Date: 'Sun, 15 Mar 2026 02:05:00 +0000',
    'Message-ID': '<20260315.1@mail.12390.example>',
    'MIME-Version': '1.0',
    ...spec.headers,
  };
  const head = Object.entries(headers)
    .filter(([, value]) => value !== null)
    .map(([name, value]) => `${name}: ${value}`);
  const textPart = [`Content-Type: text/plain; charset=${charset}`, `Content-Transfer-Encoding: ${transfer}`, '', encodeBody(body, charset, transfer)];
  if (attachments.length === 0) return Buffer.from([...head, ...textPart].join('\r\n'), 'latin1');
  const boundary = '=_part_boundary';
  const parts = attachments.map((a) =>
    [
      `--${boundary}`,
      `Content-Type: ${a.type}; name="${encodedWord(a.name)}"`,
      `Content-Disposition: attachment; filename="${encodedWord(a.name)}"`,
      'Content-Transfer-Encoding: base64',
      '',
      a.content.toString('base64').replace(/.{76}/g, '$&\r\n'),
    ].join('\r\n'),
  );
  const multipart = [`Content-Type: multipart/mixed; boundary="${boundary}"`, '', `--${boundary}`, ...textPart, ...parts, `--${boundary}--`, ''];
  return Buffer.from([...head, ...multipart].join('\r\n'), 'latin1');
}

const parse = (spec?: MailSpec) => feed12390Adapter({ body: mail(spec), contentType: CONTENT_TYPE });
const withSubject = (subject: string) => parse({ headers: { Subject: encodedWord(subject) } });

describe('12390 adapter', () => {
  describe.each(manifestSamples('12390'))('sample $file', ({ file, contentType, expect: expected }) => {
    it('reads back as the manifest expects', async () => {
      const record = onlyRecord(await feed12390Adapter({ body: fixture(file), contentType }));
      expectManifestFields(record, expected!);
      expectSameNumber(record.reporter.phone, expected!.reporter.phoneE164);
      expect(record.channel).toBe('EMAIL');
      expect(record.description).not.toContain('本邮件由');
      expect(record.description).not.toMatch(/被举报单位|是否匿名/);
    });
  });

  it('reads a UTF-8 mail with labelled lines', async () => {
    const record = onlyRecord(await parse());
    expect(record).toEqual({
      externalId: '20260315.1@mail.12390.example',
      receivedAt: new Date('2026-03-15T02:05:00.000Z'),
      kind: 'REPORT',
      kindSource: 'FEED',
      channel: 'EMAIL',
      reporter: { anonymous: false, name: '周七', phone: '13912345678', idNumber: null, email: 'zhou7@mail.example.cn' },
      subject: { name: '长春某书店', uscc: null, address: '长春市朝阳区' },
      declaredRegionCode: null,
      placeName: null,
      productName: null,
      description: '该书店销售盗版教辅。',
      attachments: [],
      replyTo: [],
      extras: { mailSubject: '【12390举报】长春某书店销售盗版教辅' },
    });
  });

  it.each([
    ['GB2312 quoted-printable', 'gb2312', 'quoted-printable'],
    ['GBK base64', 'gbk', 'base64'],
    ['UTF-8 8bit', 'utf-8', '8bit'],
    ['UTF-8 quoted-printable', 'utf-8', 'quoted-printable'],
  ] as const)('decodes a %s body', async (_label, charset, transfer) => {
    const record = onlyRecord(await parse({ charset, transfer }));
    expect(record.subject.name).toBe('长春某书店');
    expect(record.description).toBe('该书店销售盗版教辅。');
  });

  it('decodes a GB2312 encoded-word subject', async () => {
    const record = onlyRecord(await parse({ headers: { Subject: encodedWord('【12390投诉】盗版软件', 'GB2312') } }));
    expect(record.kind).toBe('COMPLAINT');
    expect(record.extras.mailSubject).toBe('【12390投诉】盗版软件');
  });

  it.each([
    ['【12390举报】长春某书店', 'REPORT'],
    ['【12390投诉】某店', 'COMPLAINT'],
    ['【12390咨询】如何维权', 'CONSULTATION'],
    ['【12390建议】', 'SUGGESTION'],
    ['转发：【12390投诉】某店', 'COMPLAINT'],
    ['[12390咨询] 如何维权', 'CONSULTATION'],
    ['长春某书店卖盗版', 'REPORT'],
  ])('takes the subject %s as %s', async (subject, kind) => {
    expect(onlyRecord(await withSubject(subject)).kind).toBe(kind);
  });

  it('reads a mail without a subject as a report', async () => {
    expect(onlyRecord(await parse({ headers: { Subject: null } })).kind).toBe('REPORT');
  });

  it('rejects a subject tag outside the list', async () => {
    expect(onlyErrors(await withSubject('【12390表扬】某店'))).toEqual([
      { field: 'Subject', message: '"表扬" is not one of 举报 | 投诉 | 咨询 | 建议' },
    ]);
  });

  it('reads labels with an ASCII colon and takes the first of each', async () => {
    const body = '被举报单位: 某网店\n地址:  延吉市 \n联系电话:0433-1234567\n是否匿名:是\n\n正文。\n地址：正文里的第二个地址';
    const record = onlyRecord(await parse({ body }));
    expect(record.subject).toEqual({ name: '某网店', uscc: null, address: '延吉市' });
    expect(record.reporter).toMatchObject({ anonymous: true, phone: '0433-1234567', name: '周七' });
    expect(record.description).toBe('正文。\n地址：正文里的第二个地址');
  });

  it('takes the reporter from From when the body does not name one', async () => {
    const record = onlyRecord(await parse({ body: '正文。' }));
    expect(record.reporter).toEqual({ anonymous: false, name: '周七', phone: null, idNumber: null, email: 'zhou7@mail.example.cn' });
    const bare = onlyRecord(await parse({ body: '正文。', headers: { From: 'someone@mail.example.cn' } }));
    expect(bare.reporter).toMatchObject({ name: null, email: 'someone@mail.example.cn' });
  });

  it('lets the labelled reporter name override the From display name', async () => {
    const record = onlyRecord(await parse({ body: '举报人：王八\n正文。', headers: { From: '"Zhou Qi" <zhou7@mail.example.cn>' } }));
    expect(record.reporter.name).toBe('王八');
  });

  it('reads empty labels as absent and rejects an anonymity answer outside 是/否', async () => {
    const record = onlyRecord(await parse({ body: '被举报单位：\n地址：  \n是否匿名：\n正文。' }));
    expect(record.subject).toEqual({ name: null, uscc: null, address: null });
    expect(record.reporter.anonymous).toBe(false);
    expect(onlyErrors(await parse({ body: '是否匿名：不清楚\n正文。' }))).toEqual([{ field: '是否匿名', message: '"不清楚" is not one of 是 | 否' }]);
  });

  it('removes the forwarding footer only at the end', async () => {
    const inside = onlyRecord(await parse({ body: `第一段。\n${FOOTER}\n第二段。\n\n${FOOTER}\n\n` }));
    expect(inside.description).toBe(`第一段。\n${FOOTER}\n第二段。`);
  });

  it('rejects a mail whose body holds no description', async () => {
    expect(onlyErrors(await parse({ body: `被举报单位：某店\n\n${FOOTER}` }))).toEqual([
      { field: 'body', message: 'is required (missing or empty)' },
    ]);
  });

  it('links a follow-up to the mails it answers', async () => {
    const record = onlyRecord(
      await parse({
        headers: {
          Subject: encodedWord('Re: 【12390举报】长春某书店销售盗版教辅'),
          'In-Reply-To': '<20260301.9@mail.12390.example>',
          References: '<20260228.1@mail.12390.example>\r\n <20260301.9@mail.12390.example>',
        },
      }),
    );
    expect(record.replyTo).toEqual(['20260301.9@mail.12390.example', '20260228.1@mail.12390.example']);
    expect(record.kind).toBe('REPORT');
  });

  describe('headers', () => {
    it('rejects a mail without Message-ID, naming it', async () => {
      expect(onlyErrors(await parse({ headers: { 'Message-ID': null } }))).toEqual([
        { field: 'Message-ID', message: 'is required (missing or empty)' },
      ]);
    });

    it('takes a Message-ID without angle brackets as it is', async () => {
      expect(onlyRecord(await parse({ headers: { 'Message-ID': 'bare-id@mail.example' } })).externalId).toBe('bare-id@mail.example');
    });

    it('rejects a mail without a Date or with one that cannot be read', async () => {
      expect(onlyErrors(await parse({ headers: { Date: null } }))).toEqual([{ field: 'Date', message: 'is required (missing or empty)' }]);
      for (const date of ['sometime in March', 'Mon, 30 Feb 2026 10:00:00 +0800', 'Mon, 16 Mar 2026 25:00:00 +0800', 'Mon, 16 Foo 2026 10:00:00 +0800']) {
        expect(fieldsOf(onlyErrors(await parse({ headers: { Date: date } })))).toEqual(['Date']);
      }
    });

    it.each([
      ['Sun, 15 Mar 2026 10:05:00 +0800', '2026-03-15T02:05:00.000Z'],
      ['15 Mar 2026 10:05:00 +0800 (CST)', '2026-03-15T02:05:00.000Z'],
      ['Sun, 15 Mar 2026 02:05:00 GMT', '2026-03-15T02:05:00.000Z'],
      ['Sun, 15 Mar 2026 10:05:00 CST', '2026-03-15T02:05:00.000Z'],
      ['Sat, 14 Mar 2026 21:05 -0500', '2026-03-15T02:05:00.000Z'],
      ['Sun, 15 Mar 2026 10:05:00', '2026-03-15T02:05:00.000Z'],
    ])('reads Date %s', async (date, iso) => {
      expect(onlyRecord(await parse({ headers: { Date: date } })).receivedAt.toISOString()).toBe(iso);
    });
  });

  describe('attachments', () => {
    const pdf = { name: '证据.pdf', type: 'application/pdf', content: SAMPLE_FILES.pdf };

    it('keeps MIME attachments with their bytes', async () => {
      const png = { name: 'photo.png', type: 'image/png', content: SAMPLE_FILES.png };
      const record = onlyRecord(await parse({ attachments: [pdf, png] }));
      expect(record.description).toBe('该书店销售盗版教辅。');
      expect(record.attachments).toEqual([
        { fileName: '证据.pdf', mimeType: 'application/pdf', content: SAMPLE_FILES.pdf, url: null },
        { fileName: 'photo.png', mimeType: 'image/png', content: SAMPLE_FILES.png, url: null },
      ]);
    });

    it('rejects an attachment whose bytes are not what its type says', async () => {
      const fake = { name: 'fake.jpg', type: 'image/jpeg', content: SAMPLE_FILES.text };
      expect(onlyErrors(await parse({ attachments: [pdf, fake] }))).toEqual([
        { field: 'attachments[1]', message: 'fake.jpg declared image/jpeg but the content does not start with the JPEG signature' },
      ]);
    });

    it('accepts five attachments and rejects six', async () => {
      const five = Array.from({ length: 5 }, (_, i) => ({ ...pdf, name: `${i}.pdf` }));
      expect(onlyRecord(await parse({ attachments: five })).attachments).toHaveLength(5);
      expect(onlyErrors(await parse({ attachments: [...five, pdf] }))).toEqual([
        { field: 'attachments', message: 'has 6 files; at most 5 per record are allowed' },
      ]);
    });

    it('rejects an attachment over 10 MiB', async () => {
      const big = { ...pdf, name: 'big.pdf', content: Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(ATTACHMENT_MAX_BYTES)]) };
      expect(onlyErrors(await parse({ attachments: [big] }))).toEqual([
        { field: 'attachments[0]', message: expect.stringMatching(/^big\.pdf is \d+ bytes after decoding; at most 10485760/) },
      ]);
    });
  });

  it('rejects a mail whose text exceeds the limit', async () => {
    expect(onlyErrors(await parse({ body: textOfBytes(RECORD_TEXT_MAX_BYTES + 1) }))).toEqual([
      { field: 'body', message: expect.stringMatching(/at most 1048576 bytes/) },
    ]);
  });

  it('reads the text of an HTML-only mail', async () => {
    const html = Buffer.from(
      [
        'From: a@mail.example.cn',
        'Date: Sun, 15 Mar 2026 10:05:00 +0800',
        'Message-ID: <html@mail.example>',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<p>被举报单位：某店</p><p>销售盗版光盘。</p>',
      ].join('\r\n'),
    );
    const record = onlyRecord(await feed12390Adapter({ body: html, contentType: CONTENT_TYPE }));
    expect(record.subject.name).toBe('某店');
    expect(record.description).toBe('销售盗版光盘。');
  });

  describe('unreadable requests', () => {
    it('refuses a body that is not an e-mail at all', async () => {
      for (const body of ['', 'just some words\nwithout any header\n', '\u0000\u0001\u00ff']) {
        expectUnreadable(
          await feed12390Adapter({ body: Buffer.from(body, 'latin1'), contentType: CONTENT_TYPE }),
          'MALFORMED_MIME',
          'body is not an e-mail: it has no header lines',
        );
      }
    });

    it('refuses a content type other than a message', async () => {
      expectUnreadable(await feed12390Adapter({ body: mail(), contentType: 'application/json' }), 'UNSUPPORTED_CONTENT_TYPE');
      onlyRecord(await feed12390Adapter({ body: mail(), contentType: null }));
    });
  });
});
