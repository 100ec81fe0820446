import {
  describeJsonType,
  isPlainObject,
  isUnreadable,
  parseJsonBody,
  RECORD_FIELD,
  RecordReader,
  rejectedItem,
  settleItem,
  TimeFormat,
  unreadable,
  UnreadableResult,
} from './adapter-support';
import { Channel, FeedAdapter, FeedAttachment, FeedItem, FeedReporter, FeedSubject, Kind } from './feed-record';

/** 工商 12315: JSON, one record or an array of them, pinyin-initial field names. */
export const FEED_12315_MAX_RECORDS = 500;

const KINDS: Readonly<Record<string, Kind>> = { 投诉: 'COMPLAINT', 举报: 'REPORT', 咨询: 'CONSULTATION', 建议: 'SUGGESTION' };
const CHANNELS: Readonly<Record<string, Channel>> = { 电话: 'PHONE', 网站: 'WEB', 微信: 'WECHAT', APP: 'APP' };
const LDSJ: TimeFormat = {
  pattern: /^(?<y>\d{4})-(?<mo>\d{2})-(?<d>\d{2}) (?<h>\d{2}):(?<mi>\d{2}):(?<s>\d{2})$/,
  label: 'YYYY-MM-DD HH:mm:ss',
};

export const feed12315Adapter: FeedAdapter = async (input) => {
  const parsed = parseJsonBody(input);
  if (isUnreadable(parsed)) return parsed;
  const records = topLevelRecords(parsed.value);
  if (isUnreadable(records)) return records;
  return { readable: true, items: records.map((raw, index) => readRecord(raw, index)) };
};

function topLevelRecords(value: unknown): unknown[] | UnreadableResult {
  if (isPlainObject(value)) return [value];
  if (!Array.isArray(value)) {
    return unreadable(
      'UNEXPECTED_STRUCTURE',
      `top-level JSON value is ${describeJsonType(value)}; expected a record object or an array of records`,
    );
  }
  if (value.length > FEED_12315_MAX_RECORDS) {
    return unreadable(
      'UNEXPECTED_STRUCTURE',
      `batch has ${value.length} records; at most ${FEED_12315_MAX_RECORDS} are allowed in one request`,
    );
  }
  return value;
}

function readRecord(raw: unknown, index: number): FeedItem {
  if (!isPlainObject(raw)) {
    return rejectedItem(index, null, [{ field: RECORD_FIELD, message: `must be a record object, got ${describeJsonType(raw)}` }]);
  }
  const r = new RecordReader();
  const externalId = r.requiredText(raw.gdbh, 'gdbh');
  const receivedAt = r.localTime(r.requiredText(raw.ldsj, 'ldsj'), 'ldsj', LDSJ);
  const kind = r.requiredChoice(raw.sjlx, 'sjlx', KINDS);
  const channel = r.choice(r.text(raw.qdly, 'qdly'), 'qdly', CHANNELS) ?? 'PHONE';
  const description = r.requiredText(raw.sqnr, 'sqnr');
  const reporter = readReporter(r, raw.sqr);
  const subject = readSubject(r, raw.bsdx);
  const declaredRegionCode = r.regionCode(r.text(raw.xzqh, 'xzqh'), 'xzqh');
  const productName = r.text(raw.spmc, 'spmc');
  const attachments = readLinks(r, raw.fj);
  return settleItem(
    index,
    r,
    { externalId, receivedAt, kind, description },
    (core) => ({ ...core, channel, reporter, subject, declaredRegionCode, productName, attachments }),
    'sqnr',
  );
}

function readReporter(r: RecordReader, value: unknown): FeedReporter {
  const sqr = r.object(value, 'sqr') ?? {};
  return {
    anonymous: r.flag(sqr.nm, 'sqr.nm') ?? false,
    name: r.text(sqr.xm, 'sqr.xm'),
    phone: r.text(sqr.dh, 'sqr.dh'),
    idNumber: r.text(sqr.sfzh, 'sqr.sfzh'),
    email: null,
  };
}

function readSubject(r: RecordReader, value: unknown): FeedSubject {
  const bsdx = r.object(value, 'bsdx') ?? {};
  return {
    name: r.text(bsdx.mc, 'bsdx.mc'),
    uscc: r.text(bsdx.tyshxydm, 'bsdx.tyshxydm'),
    address: r.text(bsdx.dz, 'bsdx.dz'),
  };
}

/** `fj` attachments are links; fetching them is not intake's job. */
function readLinks(r: RecordReader, value: unknown): FeedAttachment[] {
  const list = r.array(value, 'fj') ?? [];
  return list.flatMap((item, i) => {
    const link = readLink(r, item, `fj[${i}]`);
    return link ? [link] : [];
  });
}

function readLink(r: RecordReader, item: unknown, field: string): FeedAttachment | null {
  const obj = r.object(item, field);
  if (obj === null) return null;
  const name = r.text(obj.mc, `${field}.mc`);
  const url = r.text(obj.url, `${field}.url`);
  if (url === null) return name === null ? null : r.fail(`${field}.url`, 'is required (missing or empty)');
  if (!isHttpUrl(url)) return r.fail(`${field}.url`, `"${url}" is not an http(s) URL`);
  return { fileName: name ?? fileNameOf(url), mimeType: null, content: null, url };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function fileNameOf(url: string): string {
  return new URL(url).pathname.split('/').pop() || 'attachment';
}
