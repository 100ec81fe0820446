import * as iconv from 'iconv-lite';
import { csvUpload } from '@hub/intake/csv-upload';
import { sampleBytes } from './feed-samples';

/**
 * A generated corpus of bad requests over every feed and every endpoint of the OpenAPI document,
 * as a careless feed or an attacker would send them. Each must get a 4xx with a clear message
 * or be accepted with the bad part kept as text or flagged: never a 5xx.
 */
export interface BadInput {
  name: string;
  method: string;
  /** path with its query string */
  path: string;
  contentType?: string;
  body?: Buffer;
  /** feeds: send the feed's own key (a feed request with a valid key always has its raw stored) */
  feed?: string;
  /** REJECT: must be answered 4xx; ANY: 2xx or 4xx (text kept as text, or flagged) */
  expect: 'REJECT' | 'ANY';
  /** a 422 must name this field (its last segment) in its details */
  field?: string;
  /** the path names a resource nobody has: a 404 before the body is read is a fair answer too */
  absentResource?: boolean;
}

const NUL = '\u0000';
const LONE_SURROGATE = '\uD800';
const HTML = '<script>alert(1)</script><img src=x onerror=alert(2)>';
const SQL = "'; DROP TABLE tickets; -- %_\\";
/** markup and SQL/LIKE metacharacters together: both must stay plain text */
const MARKUP_AND_SQL = `${HTML}${SQL}`;
const FORMULA = '=HYPERLINK("http://evil.example","点我")';
const HUGE = 'A'.repeat(1024 * 1024 + 16);
const deepJson = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

let serial = 0;
/** A fresh external id per case, so one case's ticket is never another's duplicate. */
const nextId = (prefix: string) => `${prefix}-BAD-${Date.now().toString(36)}-${++serial}`;

/* ---------------------------------------------------------------- JSON feeds */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function leafPaths(value: Json, path: string[] = []): string[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => leafPaths(v, [...path, String(i)]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...path, k]));
  return [];
}

function withLeaf(value: Json, path: string[], replace: (old: string) => Json): Json {
  if (path.length === 0) return replace(value as string);
  const copy = JSON.parse(JSON.stringify(value)) as Json;
  let node = copy as Record<string, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, Json>;
  const last = path[path.length - 1];
  node[last] = replace(node[last] as string);
  return copy;
}

function jsonFeedCases(feed: string, sampleFile: string, idField: string): BadInput[] {
  const base = JSON.parse(sampleBytes(sampleFile).toString('utf8')) as Record<string, Json>;
  const fresh = () => ({ ...base, [idField]: nextId(feed) }) as Json;
  const json = (name: string, body: string | Buffer, expect: BadInput['expect'], field?: string, contentType = 'application/json'): BadInput => ({
    name: `${feed} ${name}`,
    method: 'POST',
    path: `/api/v1/intake/${feed}`,
    contentType,
    body: Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'),
    feed,
    expect,
    field,
  });
  const cases: BadInput[] = [];
  leafPaths(fresh()).forEach((path, i) => {
    const field = path.filter((p) => !/^\d+$/.test(p)).pop() as string;
    const label = path.join('.');
    cases.push(json(`NUL in ${label}`, JSON.stringify(withLeaf(fresh(), path, (v) => `${v}${NUL}x`)), 'REJECT', field));
    cases.push(json(`unpaired surrogate in ${label}`, JSON.stringify(withLeaf(fresh(), path, (v) => `${v}${LONE_SURROGATE}x`)), 'REJECT', field));
    if (i % 3 === 0) cases.push(json(`HTML, SQL and LIKE metacharacters in ${label}`, JSON.stringify(withLeaf(fresh(), path, (v) => `${v}${MARKUP_AND_SQL}`)), 'ANY'));
  });
  const [firstLeaf] = leafPaths(fresh());
  cases.push(json(`an object where text belongs in ${firstLeaf.join('.')}`, JSON.stringify(withLeaf(fresh(), firstLeaf, () => ({ nested: [1, 2] }))), 'REJECT'));
  const text = JSON.stringify(fresh());
  cases.push(
    json('truncated JSON', text.slice(0, Math.floor(text.length / 2)), 'REJECT'),
    json('empty body', '', 'REJECT'),
    json('a raw NUL byte inside a string', text.replace('"', `"${NUL}`), 'REJECT'),
    json('10,000-level nesting', `{"${idField}":"${nextId(feed)}","x":${deepJson(10_000)}}`, 'REJECT'),
    json('deep nesting in a text field', JSON.stringify(fresh()).replace(/}$/, `,"transcript":${deepJson(200)}}`), 'REJECT'),
    json('UTF-8 BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(fresh()))]), 'ANY'),
    json('UTF-16 instead of UTF-8', iconv.encode(JSON.stringify(fresh()), 'utf-16le'), 'REJECT'),
    json('GBK instead of UTF-8', iconv.encode(JSON.stringify(fresh()), 'gbk'), 'REJECT'),
    json('mixed UTF-8 and GBK', Buffer.concat([Buffer.from(text.slice(0, 40)), iconv.encode(text.slice(40), 'gbk')]), 'REJECT'),
    json('duplicate keys', JSON.stringify(fresh()).replace(/^{/, `{"${idField}":"${nextId(feed)}",`), 'ANY'),
    json('a top-level string', '"just text"', 'REJECT'),
    json('a top-level null', 'null', 'REJECT'),
    json('an array of junk', '[1, "x", null, [], {}]', 'REJECT'),
    json('XML instead of JSON', '<Complaint/>', 'REJECT', undefined, 'application/xml'),
    json('wrong content type', JSON.stringify(fresh()), 'REJECT', undefined, 'text/html'),
    json('huge text field', JSON.stringify({ ...(fresh() as object), hugeField: HUGE }), 'ANY'),
    json('prototype pollution keys', JSON.stringify(fresh()).replace(/^{/, '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}},'), 'ANY'),
  );
  return cases;
}

function mutateJson(feed: string, sampleFile: string, idField: string, mutations: Array<[string, Record<string, Json>]>): BadInput[] {
  const base = JSON.parse(sampleBytes(sampleFile).toString('utf8')) as Record<string, Json>;
  return mutations.map(([name, patch]) => ({
    name: `${feed} ${name}`,
    method: 'POST',
    path: `/api/v1/intake/${feed}`,
    contentType: 'application/json',
    body: Buffer.from(JSON.stringify({ ...base, [idField]: nextId(feed), ...patch })),
    feed,
    expect: 'ANY',
  }));
}

/* ----------------------------------------------------------------------- XML */

function xmlCases(): BadInput[] {
  const feed = '12365';
  const decoded = iconv.decode(sampleBytes('12365-P003.xml'), 'gb18030');
  const fresh = () => decoded.replace(/<SerialNo>[^<]*<\/SerialNo>/, `<SerialNo>${nextId('QS')}</SerialNo>`);
  const xml = (name: string, body: string | Buffer, expect: BadInput['expect'], field?: string, contentType = 'application/xml; charset=GB18030'): BadInput => ({
    name: `${feed} ${name}`,
    method: 'POST',
    path: `/api/v1/intake/${feed}`,
    contentType,
    body: Buffer.isBuffer(body) ? body : iconv.encode(body, 'gb18030'),
    feed,
    expect,
    field,
  });
  const cases: BadInput[] = [];
  for (const element of ['SerialNo', 'AcceptTime', 'Type', 'Name', 'Tel', 'Address', 'Content']) {
    const inject = (text: string) => fresh().replace(new RegExp(`<${element}>([^<]*)</${element}>`), `<${element}>$1${text}</${element}>`);
    cases.push(xml(`&#0; in ${element}`, inject('&#0;'), 'REJECT', element), xml(`&#xD800; in ${element}`, inject('&#xD800;'), 'REJECT', element));
    if (['Name', 'Tel', 'Content'].includes(element)) {
      cases.push(
        xml(`raw NUL byte in ${element}`, inject(NUL), 'REJECT'),
        xml(`escaped HTML and SQL metacharacters in ${element}`, inject("&lt;script&gt;alert(1)&lt;/script&gt;'; DROP TABLE tickets; --"), 'ANY'),
        xml(`child elements in ${element}`, inject('<b>bold</b>'), 'REJECT'),
      );
    }
  }
  const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><Complaint><Content>&lol2;</Content></Complaint>`;
  const xxe = `<?xml version="1.0"?><!DOCTYPE c [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Complaint><SerialNo>${nextId('QS')}</SerialNo><Content>&xxe;</Content></Complaint>`;
  cases.push(
    xml('truncated document', fresh().slice(0, 200), 'REJECT'),
    xml('empty body', '', 'REJECT'),
    xml('billion laughs', laughs, 'REJECT'),
    xml('external entity', xxe, 'REJECT'),
    xml('undeclared entity', fresh().replace('</Content>', '&nbsp;</Content>'), 'ANY'),
    xml('10,000-level nesting', `<?xml version="1.0" encoding="GB18030"?><Complaint>${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}</Complaint>`, 'REJECT'),
    xml('unknown root element', fresh().replace(/Complaint>/g, 'Letter>'), 'REJECT'),
    xml('two root elements', fresh() + '<Complaint/>', 'REJECT'),
    xml('unknown Type', fresh().replace(/<Type>\d<\/Type>/, '<Type>9</Type>'), 'REJECT', 'Type'),
    xml('time out of range', fresh().replace(/<AcceptTime>[^<]*</, '<AcceptTime>1969/12/31 23:59<'), 'REJECT', 'AcceptTime'),
    xml('month 13', fresh().replace(/<AcceptTime>[^<]*</, '<AcceptTime>2026/13/01 10:00<'), 'REJECT', 'AcceptTime'),
    xml('Anonymous neither Y nor N', fresh().replace('Anonymous="N"', 'Anonymous="maybe"'), 'REJECT', '@Anonymous'),
    xml('invalid USCC kept and flagged', fresh().replace('<CreditCode></CreditCode>', '<CreditCode>91220101MA0Y3K2X1Z</CreditCode>'), 'ANY'),
    xml('UTF-8 bytes under a GB18030 prolog', Buffer.from(fresh(), 'utf8'), 'ANY'),
    xml('invalid GB18030 bytes', Buffer.concat([iconv.encode(fresh().slice(0, 120), 'gb18030'), Buffer.from([0x81, 0x20, 0xff]), iconv.encode(fresh().slice(120), 'gb18030')]), 'REJECT'),
    xml('UTF-8 BOM before a GB18030 document', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(fresh(), 'gb18030')]), 'REJECT'),
    xml('UTF-16 document', iconv.encode(fresh().replace('GB18030', 'UTF-16'), 'utf-16le'), 'REJECT'),
    xml('unknown encoding in the prolog', fresh().replace('GB18030', 'KLINGON-8'), 'REJECT'),
    xml('JSON instead of XML', '{"SerialNo":"x"}', 'REJECT', undefined, 'application/json'),
    xml('huge Content', fresh().replace('</Content>', `${'长'.repeat(400_000)}</Content>`), 'REJECT'),
  );
  return cases;
}

/* ----------------------------------------------------------------------- CSV */

const CSV_HEADER = '受理编号,受理日期,受理时间,举报人,联系电话,被举报单位,所在地区,举报内容,类别';
const CSV_COLUMNS = CSV_HEADER.split(',');

function csvRow(cells: Partial<Record<string, string>>): string {
  const row: Record<string, string> = { 受理编号: nextId('JG'), 受理日期: '20260315', 受理时间: '0930', 举报人: '王五', 联系电话: '0432-62345678', 被举报单位: '某某药店', 所在地区: '吉林市船营区', 举报内容: '标价38元结账收45元', 类别: '价格举报', ...cells };
  return CSV_COLUMNS.map((c) => `"${(row[c] ?? '').replace(/"/g, '""')}"`).join(',');
}

function csvCases(): BadInput[] {
  const feed = '12358';
  const upload = (name: string, csv: string | Buffer, expect: BadInput['expect'], field?: string): BadInput => {
    const { body, contentType } = csvUpload(Buffer.isBuffer(csv) ? csv : iconv.encode(csv, 'gbk'));
    return { name: `${feed} ${name}`, method: 'POST', path: `/api/v1/intake/${feed}`, contentType, body, feed, expect, field };
  };
  const file = (...rows: string[]) => [CSV_HEADER, ...rows].join('\r\n');
  const cases: BadInput[] = [];
  CSV_COLUMNS.forEach((column, i) => {
    cases.push(upload(`NUL in ${column}`, file(csvRow({ [column]: `x${NUL}y` })), 'REJECT', column));
    if (i % 3 === 0) {
      cases.push(
        upload(`formula injection in ${column}`, file(csvRow({ [column]: FORMULA })), 'ANY'),
        upload(`HTML and SQL metacharacters in ${column}`, file(csvRow({ [column]: MARKUP_AND_SQL })), 'ANY'),
      );
    }
  });
  cases.push(
    upload('unclosed quote', file(`${nextId('JG')},20260315,0930,王五,,,,"未闭合的引号,价格举报`), 'REJECT'),
    upload('header only', CSV_HEADER, 'REJECT'),
    upload('empty file', '', 'REJECT'),
    upload('missing column', CSV_HEADER.replace(',类别', '') + '\r\n' + csvRow({}), 'REJECT'),
    upload('repeated column', CSV_HEADER + ',类别\r\n' + csvRow({}), 'REJECT'),
    upload('wrong column count', file(csvRow({}) + ',extra,cells'), 'REJECT'),
    upload('unknown 类别', file(csvRow({ 类别: '价格表扬' })), 'REJECT', '类别'),
    upload('date out of range', file(csvRow({ 受理日期: '19691231' })), 'REJECT', '受理日期'),
    upload('month 13', file(csvRow({ 受理日期: '20261332' })), 'REJECT', '受理日期'),
    upload('time 2560', file(csvRow({ 受理时间: '2560' })), 'REJECT', '受理时间'),
    upload('UTF-8 without BOM', Buffer.from(file(csvRow({})), 'utf8'), 'ANY'),
    upload('UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(file(csvRow({})), 'utf8')]), 'ANY'),
    upload('invalid GBK bytes', Buffer.concat([iconv.encode(file(csvRow({})), 'gbk'), Buffer.from([0x81, 0x0a])]), 'REJECT'),
    upload('invalid phone and ID kept', file(csvRow({ 联系电话: '12', 举报人: '220102198001011235' })), 'ANY'),
    upload('10,001 rows', file(...Array.from({ length: 10_001 }, () => csvRow({}))), 'REJECT'),
  );
  const multipart = (name: string, body: string, contentType: string): BadInput => ({ name: `${feed} ${name}`, method: 'POST', path: `/api/v1/intake/${feed}`, contentType, body: Buffer.from(body), feed, expect: 'REJECT' });
  cases.push(
    multipart('multipart without a boundary', '--x\r\n\r\nabc', 'multipart/form-data'),
    multipart('multipart cut short', '--b\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n受理编号', 'multipart/form-data; boundary=b'),
    multipart('multipart without a file field', '--b\r\nContent-Disposition: form-data; name="other"\r\n\r\nx\r\n--b--\r\n', 'multipart/form-data; boundary=b'),
    multipart('two files', `--b\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nx\r\n--b\r\nContent-Disposition: form-data; name="file"; filename="b.csv"\r\n\r\ny\r\n--b--\r\n`, 'multipart/form-data; boundary=b'),
    multipart('JSON instead of a file', '{"rows":[]}', 'application/json'),
  );
  return cases;
}

/* ---------------------------------------------------------------------- MIME */

function mailCases(): BadInput[] {
  const feed = '12390';
  const headers = (id: string, extra: string[] = []) => [
    'From: =?UTF-8?B?5byg5LiJ?= <zhangsan@mail.example.cn>',
    'To: 12390@copyright.jl.example',
    'Subject: =?UTF-8?B?44CQMTIzOTDkuL7miqXjgJHplb/mmKXmn5DkuablupfplIDllK7nm5fniYjmlZnovoU=?=',
    'Date: Wed, 14 Oct 2026 00:43:27 +0000',
    `Message-ID: <${id}@mail.example.cn>`,
    'MIME-Version: 1.0',
    ...extra,
  ];
  const mail = (name: string, lines: string[], body: string | Buffer, expect: BadInput['expect'], field?: string, contentType = 'message/rfc822'): BadInput => ({
    name: `${feed} ${name}`,
    method: 'POST',
    path: `/api/v1/intake/${feed}`,
    contentType,
    body: Buffer.concat([Buffer.from(lines.join('\r\n') + '\r\n\r\n', 'utf8'), Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8')]),
    feed,
    expect,
    field,
  });
  const plain = ['Content-Type: text/plain; charset=utf-8'];
  const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
  const text = '被举报单位：长春某书店\r\n联系电话：13912345678\r\n举报人：张三\r\n该书店销售盗版教辅。';
  const boundary = 'bnd';
  const withAttachments = (count: number, content: string, type = 'application/pdf') =>
    [`--${boundary}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${text}`, ...Array.from({ length: count }, (_, i) => `--${boundary}\r\nContent-Type: ${type}; name="f${i}.pdf"\r\nContent-Disposition: attachment; filename="f${i}.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n${content}`), `--${boundary}--`].join('\r\n');
  const nested = (levels: number) => {
    let body = `Content-Type: text/plain\r\n\r\n${text}`;
    for (let i = 0; i < levels; i++) body = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${body}\r\n--b${i}--`;
    return body;
  };
  return [
    mail('NUL in the body', headers(nextId('m'), plain), `该书店${NUL}销售盗版教辅`, 'REJECT', 'body'),
    mail('NUL in a base64 body', headers(nextId('m'), [...plain.map((h) => h), 'Content-Transfer-Encoding: base64']), b64(`${text}${NUL}`), 'REJECT'),
    mail('NUL in an encoded-word From name', [...headers(nextId('m'), plain).filter((h) => !h.startsWith('From')), `From: =?UTF-8?B?${b64(`张${NUL}三`)}?= <zs@mail.example.cn>`], '该书店销售盗版教辅。', 'REJECT', 'From'),
    mail('NUL in the Subject', [...headers(nextId('m'), plain).filter((h) => !h.startsWith('Subject')), `Subject: =?UTF-8?B?${b64(`【12390举报】${NUL}`)}?=`], text, 'REJECT', 'Subject'),
    mail('invalid UTF-8 in the body', headers(nextId('m'), plain), Buffer.concat([Buffer.from(text), Buffer.from([0xed, 0xa0, 0x80, 0xff])]), 'ANY'),
    mail('GBK body declared UTF-8', headers(nextId('m'), plain), iconv.encode(text, 'gbk'), 'ANY'),
    mail('unknown charset', headers(nextId('m'), ['Content-Type: text/plain; charset=klingon-8']), text, 'ANY'),
    mail('HTML body', headers(nextId('m'), ['Content-Type: text/html; charset=utf-8']), `<html><body>${HTML}${text}</body></html>`, 'ANY'),
    mail('HTML in the encoded-word name', [...headers(nextId('m'), plain).filter((h) => !h.startsWith('From')), `From: =?UTF-8?B?${b64(HTML)}?= <zs@mail.example.cn>`], text, 'ANY'),
    mail('unknown kind tag', [...headers(nextId('m'), plain).filter((h) => !h.startsWith('Subject')), 'Subject: =?UTF-8?B?44CQMTIzOTDooajmiazjgJE=?='], text, 'REJECT', 'Subject'),
    mail('Date before 1970', [...headers(nextId('m'), plain).filter((h) => !h.startsWith('Date')), 'Date: Wed, 31 Dec 1969 23:59:59 +0000'], text, 'REJECT', 'Date'),
    mail('Date that is not a date', [...headers(nextId('m'), plain).filter((h) => !h.startsWith('Date')), 'Date: yesterday at noon'], text, 'REJECT', 'Date'),
    mail('no Message-ID', headers(nextId('m'), plain).filter((h) => !h.startsWith('Message-ID')), text, 'REJECT', 'Message-ID'),
    mail('empty body', headers(nextId('m'), plain), '', 'REJECT', 'body'),
    mail('not an e-mail at all', [], 'just some words without headers', 'REJECT'),
    mail('empty request', [], '', 'REJECT'),
    mail('broken multipart boundary', headers(nextId('m'), [`Content-Type: multipart/mixed; boundary="${boundary}"`]), `--wrong\r\n${text}`, 'ANY'),
    mail('attachment that is not the PDF it claims', headers(nextId('m'), [`Content-Type: multipart/mixed; boundary="${boundary}"`]), withAttachments(1, b64('MZ this is an exe')), 'REJECT'),
    mail('six attachments', headers(nextId('m'), [`Content-Type: multipart/mixed; boundary="${boundary}"`]), withAttachments(6, b64('%PDF-1.4 x')), 'REJECT'),
    mail('invalid base64 attachment', headers(nextId('m'), [`Content-Type: multipart/mixed; boundary="${boundary}"`]), withAttachments(1, '!!!not base64!!!'), 'ANY'),
    mail('30-level MIME nesting', headers(nextId('m')), nested(30), 'ANY'),
    mail('wrong content type', headers(nextId('m'), plain), text, 'REJECT', undefined, 'application/json'),
  ];
}

/* ---------------------------------------------------------------------- form */

function formCases(): BadInput[] {
  const feed = '12312';
  const base = sampleBytes('12312-P013.form').toString('latin1');
  const fresh = () => base.replace(/bh=[^&]*/, `bh=${nextId('SW')}`);
  const form = (name: string, body: string | Buffer, expect: BadInput['expect'], field?: string, contentType = 'application/x-www-form-urlencoded; charset=GBK'): BadInput => ({
    name: `${feed} ${name}`,
    method: 'POST',
    path: `/api/v1/intake/${feed}`,
    contentType,
    body: Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'),
    feed,
    expect,
    field,
  });
  const gbk = (text: string) => [...iconv.encode(text, 'gbk')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  const setField = (name: string, value: string) => fresh().replace(new RegExp(`(^|&)${name}=[^&]*`), `$1${name}=${value}`);
  const cases: BadInput[] = [];
  ['bh', 'sj', 'lb', 'xm', 'lxdh', 'dw', 'dz', 'nr', 'dqdm'].forEach((field, i) => {
    cases.push(form(`%00 in ${field}`, setField(field, `x%00y`), 'REJECT', field));
    if (i % 3 === 0) {
      cases.push(
        form(`HTML and SQL metacharacters in ${field}`, setField(field, gbk(MARKUP_AND_SQL)), 'ANY'),
        form(`invalid percent-escape in ${field}`, setField(field, '%ZZ%4'), 'REJECT'),
        form(`invalid GBK bytes in ${field}`, setField(field, '%81%20%FF'), 'REJECT'),
      );
    }
  });
  cases.push(
    form('duplicate bh', `${fresh()}&bh=${nextId('SW')}`, 'REJECT', 'bh'),
    form('unknown lb', setField('lb', gbk('表扬')), 'REJECT', 'lb'),
    form('time out of range', setField('sj', '1969-12-31+23%3A59%3A59'), 'REJECT', 'sj'),
    form('February 30', setField('sj', '2026-2-30+9%3A05%3A07'), 'REJECT', 'sj'),
    form('three-digit dqdm', setField('dqdm', '220'), 'REJECT', 'dqdm'),
    form('invalid phone kept', setField('lxdh', '1'), 'ANY'),
    form('UTF-8 percent-encoding under a GBK charset', setField('nr', encodeURIComponent('来电人反映某超市卖假货')), 'ANY'),
    form('unknown charset', fresh(), 'REJECT', undefined, 'application/x-www-form-urlencoded; charset=klingon-8'),
    form('empty body', '', 'REJECT'),
    form('only ampersands', '&&&&', 'REJECT'),
    form('JSON instead of a form', '{"bh":"x"}', 'REJECT', undefined, 'application/json'),
    form('body over 1 MiB', `${fresh()}&nr=${'A'.repeat(1024 * 1024)}`, 'REJECT'),
  );
  return cases;
}

/** Every feed's bad inputs. */
export function feedCorpus(): BadInput[] {
  return [
    ...jsonFeedCases('12315', '12315-P001.json', 'gdbh'),
    ...mutateJson('12315', '12315-P001.json', 'gdbh', [
      ['unknown sjlx', { sjlx: '表扬' }],
      ['ldsj out of range', { ldsj: '1969-12-31 23:59:59' }],
      ['ldsj February 30', { ldsj: '2026-02-30 09:00:00' }],
      ['invalid USCC kept and flagged', { bsdx: { mc: '某公司', tyshxydm: '91220101MA0Y3K2X1Z' } }],
      ['invalid resident ID kept and flagged', { sqr: { xm: '张三', dh: '139', sfzh: '220102198001011235', nm: false } }],
      ['nm that is not a flag', { sqr: { xm: '张三', nm: 'maybe' } }],
      ['fj that is not a list', { fj: 'http://x' }],
      ['fj with a javascript: URL', { fj: [{ mc: 'x', url: 'javascript:alert(1)' }] }],
    ]),
    {
      name: '12315 batch of 501 records',
      method: 'POST',
      path: '/api/v1/intake/12315',
      contentType: 'application/json',
      body: Buffer.from(JSON.stringify(Array.from({ length: 501 }, () => ({ gdbh: nextId('12315') })))),
      feed: '12315',
      expect: 'REJECT',
    },
    ...jsonFeedCases('12316', '12316-P002.json', 'call_id'),
    ...mutateJson('12316', '12316-P002.json', 'call_id', [
      ['start_time in milliseconds', { start_time: 1795671282000 }],
      ['end_time before start_time', { end_time: 1 }],
      ['start_time negative', { start_time: -5 }],
    ]),
    ...jsonFeedCases('12330', '12330-P009.json', 'caseNo'),
    ...mutateJson('12330', '12330-P009.json', 'caseNo', [
      ['unknown reportType', { reportType: 'praise' }],
      ['receivedAt without a real offset', { receivedAt: '2026-03-15T10:20:00+25:00' }],
      ['evidence that is not base64', { evidence: [{ fileName: 'a.pdf', mimeType: 'application/pdf', contentBase64: '!!!' }] }],
      ['evidence that is not the PDF it claims', { evidence: [{ fileName: 'a.pdf', mimeType: 'application/pdf', contentBase64: Buffer.from('MZ').toString('base64') }] }],
      ['six evidence files', { evidence: Array.from({ length: 6 }, () => ({ fileName: 'a.pdf', mimeType: 'application/pdf', contentBase64: Buffer.from('%PDF-1').toString('base64') })) }],
      ['mobile that is not a phone', { reporter: { name: '赵六', mobile: 'call me maybe', email: 'not-an-email', anonymous: false } }],
    ]),
    ...xmlCases(),
    ...csvCases(),
    ...mailCases(),
    ...formCases(),
  ];
}

/* ----------------------------------------------------------------- endpoints */

interface OpenApiParameter {
  name: string;
  in: string;
  schema?: { enum?: unknown[]; type?: string };
}
interface OpenApiSchema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  example?: unknown;
  properties?: Record<string, OpenApiSchema>;
  items?: OpenApiSchema;
  required?: string[];
}
interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: OpenApiSchema }> };
}
export interface OpenApiLike {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, OpenApiSchema> };
}

const SOME_UUID = '3f2b6c1e-8d4a-4e2b-9c7d-0a1b2c3d4e5f';

function resolve(doc: OpenApiLike, schema: OpenApiSchema | undefined): OpenApiSchema {
  if (!schema) return {};
  if (schema.$ref) return resolve(doc, doc.components?.schemas?.[schema.$ref.split('/').pop() as string]);
  return schema;
}

/** A body that satisfies the schema as far as it can be read from it. */
function plausibleValue(doc: OpenApiLike, schema: OpenApiSchema | undefined, depth = 0): Json {
  const s = resolve(doc, schema);
  if (s.example !== undefined) return s.example as Json;
  if (s.enum?.length) return s.enum[0] as Json;
  if (s.type === 'object' || s.properties) {
    if (depth > 4) return {};
    return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, plausibleValue(doc, v, depth + 1)]));
  }
  if (s.type === 'array') return [plausibleValue(doc, s.items, depth + 1)];
  if (s.type === 'number' || s.type === 'integer') return 1;
  if (s.type === 'boolean') return false;
  return '测试文本';
}

function stringLeaves(value: Json, path: string[] = []): string[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, [...path, String(i)]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...path, k]));
  return [];
}

function enumLeaves(doc: OpenApiLike, schema: OpenApiSchema | undefined, path: string[] = [], depth = 0): string[][] {
  const s = resolve(doc, schema);
  if (s.enum?.length) return [path];
  if (depth > 4) return [];
  return Object.entries(s.properties ?? {}).flatMap(([k, v]) => enumLeaves(doc, v, [...path, k], depth + 1));
}

const PATH_VALUES: Array<[string, string, BadInput['expect']]> = [
  ['NUL', '%00', 'REJECT'],
  ['an unpaired surrogate as invalid UTF-8', '%ED%A0%80', 'REJECT'],
  ['SQL and HTML', encodeURIComponent("1' OR '1'='1<script>"), 'REJECT'],
  ['a huge value', 'x'.repeat(5000), 'REJECT'],
  ['a uuid nobody has', SOME_UUID, 'ANY'],
];

const QUERY_VALUES: Array<[string, string]> = [
  ['NUL', '%00'],
  ['LIKE metacharacters', encodeURIComponent('%_\\')],
  ['SQL and HTML', encodeURIComponent("' OR 1=1 --<img src=x onerror=alert(1)>")],
  ['a huge value', 'q'.repeat(5000)],
  ['an unknown enum value', 'NOT_A_VALUE'],
];
/** once per route: they test the query parser, not each parameter */
const ROUTE_QUERY_VALUES: Array<[string, string]> = [
  ['an unpaired surrogate as invalid UTF-8', '%ED%A0%80'],
  ['a repeated parameter', 'a&{name}=b'],
];

const BAD_CURSORS: Array<[string, string]> = [
  ['not base64', '!!!***'],
  ['base64 of words', Buffer.from('hello world').toString('base64url')],
  ['JSON that is not a pair', Buffer.from('{"at":1}').toString('base64url')],
  ['a pair with SQL in it', Buffer.from(JSON.stringify(['2026-03-15T00:00:00.000Z', "x' OR '1'='1"])).toString('base64url')],
  ['a day that does not exist', Buffer.from(JSON.stringify(['2026-02-30T00:00:00.000Z', SOME_UUID])).toString('base64url')],
];

/** Bad inputs for every route of the OpenAPI document except the feeds' intake (covered above). */
export function endpointCorpus(doc: OpenApiLike): BadInput[] {
  const cases: BadInput[] = [];
  for (const [template, operations] of Object.entries(doc.paths)) {
    if (template.includes('/intake/')) continue;
    for (const [method, operation] of Object.entries(operations)) {
      cases.push(...operationCases(doc, template, method.toUpperCase(), operation));
    }
  }
  return cases;
}

function operationCases(doc: OpenApiLike, template: string, method: string, operation: OpenApiOperation): BadInput[] {
  const params = operation.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path').map((p) => p.name);
  const queryParams = params.filter((p) => p.in === 'query');
  const fill = (value: (name: string) => string) => template.replace(/\{(\w+)\}/g, (_, name: string) => value(name));
  const plainPath = fill(() => SOME_UUID);
  const label = `${method} ${template}`;
  // reads only: on a route that acts without a body (log out, retrain) it would do just that
  const cases: BadInput[] =
    method === 'GET' ? [{ name: `${label}: an undeclared query parameter with NUL and HTML`, method, path: `${plainPath}?zz=%00%3Cscript%3E`, expect: queryParams.length > 0 ? 'REJECT' : 'ANY' }] : [];
  pathParams.forEach((name, i) => {
    for (const [what, value, expect] of PATH_VALUES.filter(([w]) => i === 0 || w === 'NUL')) {
      cases.push({ name: `${label}: ${what} in path ${name}`, method, path: fill((n) => (n === name ? value : SOME_UUID)), expect, field: what === 'NUL' ? name : undefined });
    }
  });
  queryParams.forEach((param, i) => {
    const freeText = !param.schema?.enum && !['number', 'integer', 'boolean'].includes(param.schema?.type ?? '') && !['cursor', 'limit'].includes(param.name);
    const values = [...QUERY_VALUES, ...(i === 0 ? ROUTE_QUERY_VALUES : []), ...(param.name === 'cursor' ? BAD_CURSORS : [])].filter(
      ([what]) => (what !== 'an unknown enum value' || !!param.schema?.enum) && (freeText || !['LIKE metacharacters', 'SQL and HTML'].includes(what)),
    );
    for (const [what, value] of values) {
      const isCursor = param.name === 'cursor';
      // an unpaired surrogate cannot be sent in UTF-8: its invalid bytes decode to U+FFFD, which is text
      const mustReject = isCursor || what === 'NUL' || (what === 'an unknown enum value' && !!param.schema?.enum) || (what === 'a huge value' && freeText);
      cases.push({
        name: `${label}: ${what} in query ${param.name}`,
        method,
        path: `${plainPath}?${param.name}=${value.replace('{name}', param.name)}`,
        expect: mustReject ? 'REJECT' : 'ANY',
        field: what === 'NUL' || isCursor ? param.name : undefined,
      });
    }
  });
  if (method !== 'GET') cases.push(...bodyCases(doc, label, method, plainPath, operation).map((c) => ({ ...c, absentResource: pathParams.length > 0 })));
  return cases;
}

function bodyCases(doc: OpenApiLike, label: string, method: string, path: string, operation: OpenApiOperation): BadInput[] {
  const send = (name: string, body: string | Buffer, expect: BadInput['expect'], field?: string, contentType = 'application/json'): BadInput => ({
    name: `${label}: ${name}`,
    method,
    path,
    contentType,
    body: Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'),
    expect,
    field,
  });
  // bodies no parser accepts: they never reach the handler, so they are safe for every route
  const cases: BadInput[] = [
    send('10,000-level nested JSON', `{"a":${deepJson(10_000)}}`, 'REJECT'),
    send('truncated JSON', '{"username": "adm', 'REJECT'),
    send('JSON in UTF-16 or another charset', iconv.encode('{"a":"b"}', 'utf-16le'), 'REJECT', undefined, 'application/json; charset=utf-16'),
  ];
  if (operation.requestBody) {
    cases.push(
      send('a NUL byte outside strings', `{"a":1}${NUL}`, 'REJECT'),
      send('JSON in UTF-16 without a charset', iconv.encode('{"a":"b"}', 'utf-16le'), 'REJECT'),
      send('a body over 1 MiB', `{"a":"${'x'.repeat(1024 * 1024)}"}`, 'REJECT'),
    );
  }
  const schema = operation.requestBody?.content?.['application/json']?.schema;
  if (!schema) return cases;
  const base = plausibleValue(doc, schema);
  const leaves = stringLeaves(base);
  for (const leaf of leaves) {
    const field = leaf.filter((p) => !/^\d+$/.test(p)).join('.');
    cases.push(
      send(`NUL in ${field}`, JSON.stringify(withLeaf(base, leaf, (v) => `${v}${NUL}`)), 'REJECT', leaf[leaf.length - 1]),
      send(`unpaired surrogate in ${field}`, JSON.stringify(withLeaf(base, leaf, (v) => `${v}${LONE_SURROGATE}`)), 'REJECT', leaf[leaf.length - 1]),
      send(`HTML, SQL and LIKE metacharacters in ${field}`, JSON.stringify(withLeaf(base, leaf, (v) => `${v}${MARKUP_AND_SQL}`)), 'ANY'),
    );
  }
  if (leaves.length > 0) {
    const last = leaves[leaves.length - 1];
    cases.push(
      send(`a huge ${last.join('.')}`, JSON.stringify(withLeaf(base, last, () => 'x'.repeat(200_000))), 'ANY'),
      send(`an object where ${last.join('.')} is text`, JSON.stringify(withLeaf(base, last, () => ({ $gt: '' }))), 'REJECT'),
    );
  }
  for (const leaf of enumLeaves(doc, schema)) {
    cases.push(send(`an unknown value of ${leaf.join('.')}`, JSON.stringify(withLeaf(base, leaf, () => 'NOT_A_VALUE')), 'REJECT', leaf[leaf.length - 1]));
  }
  cases.push(
    send('duplicate keys', JSON.stringify(base).replace(/^{/, '{"__dup":1,"__dup":2,'), 'REJECT'),
    send('a top-level array', JSON.stringify([base]), 'REJECT'),
    send('a UTF-8 BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(base))]), 'ANY'),
    send('a form instead of JSON', 'a=1&b=2', 'REJECT', undefined, 'application/x-www-form-urlencoded'),
    send('unknown fields', JSON.stringify({ ...(base as object), isAdmin: true, roles: ['ADMIN'] }), 'REJECT'),
    send('prototype pollution', JSON.stringify(base).replace(/^{/, '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"isAdmin":true}},'), 'ANY'),
  );
  return cases;
}
