import {
  checkMediaType,
  decodeStrict,
  encodingName,
  isUnreadable,
  knownEncoding,
  parseMediaType,
  RecordReader,
  settleItem,
  TimeFormat,
  unreadable,
  UnreadableResult,
} from './adapter-support';
import { FeedAdapter, FeedInput, FeedItem, Kind } from './feed-record';

/** 商务 12312: an old web form, application/x-www-form-urlencoded percent-encoded in GBK. */
type Form = ReadonlyMap<string, string[]>;

const FORM_TYPE = 'application/x-www-form-urlencoded';
const DEFAULT_CHARSET = 'gbk';
const KINDS: Readonly<Record<string, Kind>> = { 投诉: 'COMPLAINT', 举报: 'REPORT', 咨询: 'CONSULTATION', 建议: 'SUGGESTION' };
const SJ: TimeFormat = {
  pattern: /^(?<y>\d{4})-(?<mo>\d{1,2})-(?<d>\d{1,2}) (?<h>\d{1,2}):(?<mi>\d{1,2}):(?<s>\d{1,2})$/,
  label: 'YYYY-M-D H:mm:ss',
};
const AMPERSAND = 0x26;
const EQUALS = 0x3d;
const PLUS = 0x2b;
const PERCENT = 0x25;
const SPACE = 0x20;

export const feed12312Adapter: FeedAdapter = async (input) => {
  const typeProblem = checkMediaType(input.contentType, [FORM_TYPE]);
  if (typeProblem) return typeProblem;
  const charset = charsetOf(input);
  if (isUnreadable(charset)) return charset;
  const form = parseForm(input.body, charset);
  if (isUnreadable(form)) return form;
  return { readable: true, items: [readRecord(form)] };
};

function charsetOf(input: FeedInput): string | UnreadableResult {
  const charset = parseMediaType(input.contentType)?.params.charset ?? DEFAULT_CHARSET;
  if (knownEncoding(charset)) return charset;
  return unreadable('UNSUPPORTED_CONTENT_TYPE', `form charset "${charset}" is not a known character encoding`);
}

/**
 * Splits on raw bytes and decodes each name and value only after its percent-escapes are
 * turned back into bytes: decodeURIComponent and URLSearchParams assume UTF-8. Splitting
 * bytes is safe for GBK, whose trail bytes never fall on '&', '=', '%' or '+'.
 */
function parseForm(body: Buffer, charset: string): Form | UnreadableResult {
  if (body.toString('latin1').trim() === '') return unreadable('MALFORMED_FORM', 'form body is empty');
  const form = new Map<string, string[]>();
  for (const [start, pair] of splitBytes(body, AMPERSAND)) {
    if (pair.length === 0) continue;
    const eq = pair.indexOf(EQUALS);
    const name = decodeComponent(eq < 0 ? pair : pair.subarray(0, eq), start, charset, 'a form field name');
    if (isUnreadable(name)) return name;
    const value = eq < 0 ? '' : decodeComponent(pair.subarray(eq + 1), start + eq + 1, charset, `form field "${name}"`);
    if (isUnreadable(value)) return value;
    form.set(name, [...(form.get(name) ?? []), value]);
  }
  return form;
}

function splitBytes(bytes: Buffer, separator: number): Array<[number, Buffer]> {
  const parts: Array<[number, Buffer]> = [];
  let start = 0;
  for (let end = bytes.indexOf(separator); end >= 0; end = bytes.indexOf(separator, start)) {
    parts.push([start, bytes.subarray(start, end)]);
    start = end + 1;
  }
  parts.push([start, bytes.subarray(start)]);
  return parts;
}

function decodeComponent(raw: Buffer, offset: number, charset: string, what: string): string | UnreadableResult {
  const unescaped = unescapeBytes(raw, offset);
  if (isUnreadable(unescaped)) return unescaped;
  const decoded = decodeStrict(unescaped.bytes, charset);
  if (decoded.ok) return decoded.text;
  const at = decoded.offset === null ? offset : unescaped.origins[decoded.offset];
  return unreadable('BAD_ENCODING', `body is not valid ${encodingName(charset)} at byte ${at} (${what}, after percent-decoding)`);
}

/** The bytes a component stands for, and where in the body each of them came from. */
function unescapeBytes(raw: Buffer, offset: number): { bytes: Buffer; origins: number[] } | UnreadableResult {
  const bytes = Buffer.alloc(raw.length);
  const origins: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    origins.push(offset + i);
    if (raw[i] !== PERCENT) {
      bytes[origins.length - 1] = raw[i] === PLUS ? SPACE : raw[i];
      continue;
    }
    const hex = raw.subarray(i + 1, i + 3).toString('latin1');
    if (!/^[0-9A-Fa-f]{2}$/.test(hex)) {
      return unreadable('MALFORMED_FORM', `bad percent-escape "%${hex}" at byte ${offset + i}`);
    }
    bytes[origins.length - 1] = parseInt(hex, 16);
    i += 2;
  }
  return { bytes: bytes.subarray(0, origins.length), origins };
}

function readRecord(form: Form): FeedItem {
  const r = new RecordReader();
  const field = (name: string) => single(r, form, name);
  const externalId = r.requiredText(field('bh'), 'bh');
  const receivedAt = r.localTime(r.requiredText(field('sj'), 'sj'), 'sj', SJ);
  const kind = r.requiredChoice(field('lb'), 'lb', KINDS);
  const description = r.requiredText(field('nr'), 'nr');
  const name = r.text(field('xm'), 'xm');
  const reporter = { anonymous: name === null, name, phone: r.text(field('lxdh'), 'lxdh') };
  const subject = { name: r.text(field('dw'), 'dw'), address: r.text(field('dz'), 'dz') };
  const prefecture = r.regionCode(r.text(field('dqdm'), 'dqdm'), 'dqdm', 4);
  const declaredRegionCode = prefecture === null ? null : `${prefecture}00`;
  return settleItem(
    0,
    r,
    { externalId, receivedAt, kind, description },
    (core) => ({ ...core, channel: 'WEB', reporter, subject, declaredRegionCode }),
    'nr',
  );
}

/** A form field given once; repeated with different values it is ambiguous. */
function single(r: RecordReader, form: Form, name: string): string | undefined {
  const values = [...new Set((form.get(name) ?? []).map((v) => v.trim()).filter((v) => v !== ''))];
  if (values.length > 1) {
    r.fail(name, `is given ${values.length} times with different values`);
    return undefined;
  }
  return values[0];
}
