import iconv from 'iconv-lite';
import { findInvalidText, invalidTextProblem } from '@hub/core/validation/invalid-text';
import { jsonNestsDeeperThan, MAX_JSON_DEPTH } from '@hub/core/validation/json-depth';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENTS_MAX_PER_RECORD,
  Channel,
  FeedAttachment,
  FeedItem,
  FeedParseResult,
  FeedRecord,
  FeedReporter,
  FeedSubject,
  FieldError,
  Kind,
  RECORD_TEXT_MAX_BYTES,
  UnreadableCode,
} from './feed-record';

/* ------------------------------------------------------------------ results */

export type UnreadableResult = Extract<FeedParseResult, { readable: false }>;

/** Results made by unreadable(); a payload that merely looks like one ({"readable": false}) is not one. */
const UNREADABLE_RESULTS = new WeakSet<object>();

export function unreadable(code: UnreadableCode, message: string): UnreadableResult {
  const result: UnreadableResult = { readable: false, code, message };
  UNREADABLE_RESULTS.add(result);
  return result;
}

export function isUnreadable(value: unknown): value is UnreadableResult {
  return typeof value === 'object' && value !== null && UNREADABLE_RESULTS.has(value);
}

/** The field named for problems with a record as a whole (not an object, wrong column count). */
export const RECORD_FIELD = '(record)';

export function rejectedItem(index: number, externalId: string | null, errors: FieldError[]): FeedItem {
  return { index, externalId, errors };
}

/* ------------------------------------------------------------- media types */

export interface MediaType {
  /** lower-cased `type/subtype` without parameters */
  type: string;
  params: Record<string, string>;
}

export function parseMediaType(header: string | null): MediaType | null {
  if (header === null || header.trim() === '') return null;
  const [type, ...rest] = header.split(';');
  const params: Record<string, string> = {};
  for (const part of rest) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim().toLowerCase();
    params[name] = part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
  }
  return { type: type.trim().toLowerCase(), params };
}

/**
 * Accepts the feed's own media types; entries starting with '+' match a structured
 * suffix (`+json`, `+xml`). A request without Content-Type is read as the feed's format,
 * since the feed has only one.
 */
export function checkMediaType(header: string | null, accepted: readonly string[]): UnreadableResult | null {
  const media = parseMediaType(header);
  if (media === null) return null;
  const ok = accepted.some((a) => (a.startsWith('+') ? media.type.endsWith(a) : media.type === a));
  if (ok) return null;
  return unreadable(
    'UNSUPPORTED_CONTENT_TYPE',
    `content type "${media.type}" is not accepted here; expected ${accepted.filter((a) => !a.startsWith('+')).join(' or ')}`,
  );
}

/* ---------------------------------------------------------------- decoding */

export type DecodeResult = { ok: true; text: string } | { ok: false; offset: number | null; message: string };

export function knownEncoding(label: string): boolean {
  return iconv.encodingExists(label);
}

/** Display name of an encoding label for messages ("gb18030" → "GB18030"). */
export function encodingName(label: string): string {
  const upper = label.toUpperCase();
  return upper === 'UTF8' ? 'UTF-8' : upper;
}

/**
 * Decodes bytes and refuses any byte sequence invalid in `encoding`: iconv-lite (and Node's
 * UTF-8 decoder) silently substitute U+FFFD, so every U+FFFD in the output is checked
 * against the bytes that were really there.
 */
export function decodeStrict(bytes: Buffer, encoding: string, what = 'body'): DecodeResult {
  if (!knownEncoding(encoding)) return { ok: false, offset: null, message: `unknown character encoding "${encoding}"` };
  const text = iconv.decode(bytes, encoding, { stripBOM: false });
  const badByte = firstInvalidByte(bytes, text, encoding);
  if (badByte !== null) {
    return { ok: false, offset: badByte, message: `${what} is not valid ${encodingName(encoding)} at byte ${badByte}` };
  }
  return { ok: true, text: text.replace(/^\uFEFF/, '') };
}

function firstInvalidByte(bytes: Buffer, text: string, encoding: string): number | null {
  const genuine = iconv.encode('\uFFFD', encoding);
  const canBeGenuine = iconv.decode(genuine, encoding) === '\uFFFD';
  let offset = 0;
  let consumed = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) {
    offset += iconv.encode(text.slice(consumed, i), encoding).length;
    const isGenuine = canBeGenuine && bytes.subarray(offset, offset + genuine.length).equals(genuine);
    if (!isGenuine) return offset;
    offset += genuine.length;
    consumed = i + 1;
  }
  return null;
}

/** JSON feeds are UTF-8 (RFC 8259): the charset parameter is not consulted. */
export function parseJsonBody(input: { body: Buffer; contentType: string | null }): { value: unknown } | UnreadableResult {
  const typeProblem = checkMediaType(input.contentType, ['application/json', 'text/json', '+json']);
  if (typeProblem) return typeProblem;
  const decoded = decodeStrict(input.body, 'utf-8');
  if (!decoded.ok) return unreadable('BAD_ENCODING', decoded.message);
  if (decoded.text.trim() === '') return unreadable('MALFORMED_JSON', 'JSON is not well-formed: body is empty');
  if (jsonNestsDeeperThan(input.body)) return unreadable('UNEXPECTED_STRUCTURE', `JSON nests deeper than ${MAX_JSON_DEPTH} levels`);
  try {
    return { value: JSON.parse(decoded.text) };
  } catch (error) {
    return unreadable('MALFORMED_JSON', `JSON is not well-formed: ${(error as Error).message}`);
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}

export function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A single-record JSON feed: the top level must be one object. */
export function singleJsonObject(parsed: { value: unknown } | UnreadableResult): Record<string, unknown> | UnreadableResult {
  if (isUnreadable(parsed)) return parsed;
  if (isPlainObject(parsed.value)) return parsed.value;
  return unreadable('UNEXPECTED_STRUCTURE', `top-level JSON value is ${describeJsonType(parsed.value)}; expected one record object`);
}

/* ------------------------------------------------------------------- times */

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond?: number;
}

export const BEIJING_OFFSET_MINUTES = 8 * 60;
/** Years a hotline record can plausibly carry; anything outside is a broken clock or a unit mix-up. */
const EARLIEST_YEAR = 1970;
const LATEST_YEAR = 2099;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The UTC instant of a wall-clock time at the given offset, or null if no such time exists. */
export function instantOf(clock: WallClock, offsetMinutes = BEIJING_OFFSET_MINUTES): Date | null {
  const { year, month, day, hour, minute, second, millisecond = 0 } = clock;
  if (year < EARLIEST_YEAR || year > LATEST_YEAR || month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - offsetMinutes * 60_000);
}

export function isPlausibleInstant(date: Date): boolean {
  const year = date.getUTCFullYear();
  return !Number.isNaN(date.getTime()) && year >= EARLIEST_YEAR && year <= LATEST_YEAR;
}

/** A local time format: the pattern's named groups y, mo, d, h, mi and optionally s. */
export interface TimeFormat {
  pattern: RegExp;
  label: string;
}

export function wallClockOf(value: string, format: TimeFormat): WallClock | null {
  const groups = format.pattern.exec(value)?.groups;
  return groups ? clockOf(groups) : null;
}

function clockOf(g: Record<string, string | undefined>): WallClock {
  const n = (s: string | undefined) => (s === undefined ? 0 : Number(s));
  return { year: n(g.y), month: n(g.mo), day: n(g.d), hour: n(g.h), minute: n(g.mi), second: n(g.s) };
}

/** ISO 8601 date-time; without an offset it is Beijing time. */
const ISO_PATTERN =
  /^(?<y>\d{4})-(?<mo>\d{2})-(?<d>\d{2})[T ](?<h>\d{2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:\.(?<ms>\d{1,9}))?)?\s*(?<tz>Z|[+-]\d{2}(?::?\d{2})?)?$/i;

export type TimeParse = { ok: true; date: Date } | { ok: false; message: string };

export function parseIsoTime(value: string): TimeParse {
  const g = ISO_PATTERN.exec(value)?.groups;
  if (!g) return { ok: false, message: `"${value}" is not an ISO 8601 date-time (YYYY-MM-DDTHH:mm:ss±HH:mm)` };
  const offset = parseOffset(g.tz);
  if (offset === null) return { ok: false, message: `"${value}" has an impossible UTC offset` };
  const millisecond = g.ms ? Math.floor(Number(`0.${g.ms}`) * 1000) : 0;
  const date = instantOf({ ...clockOf(g), millisecond }, offset);
  return date ? { ok: true, date } : { ok: false, message: `"${value}" is not a real date and time` };
}

function parseOffset(tz: string | undefined): number | null {
  if (tz === undefined) return BEIJING_OFFSET_MINUTES;
  if (tz.toUpperCase() === 'Z') return 0;
  const digits = tz.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 14 || minutes > 59) return null;
  return (tz.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}

/* ------------------------------------------------------------------ records */

export type Present<T> = { [K in keyof T]: NonNullable<T[K]> };

/** Collects the field errors found while reading one record. */
export class RecordReader {
  readonly errors: FieldError[] = [];

  fail(field: string, message: string): null {
    this.errors.push({ field, message });
    return null;
  }

  /** A text value, trimmed; missing, empty or blank reads as null. Numbers are taken as their digits. */
  text(value: unknown, field: string): string | null {
    if (value === undefined || value === null) return null;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value !== 'string') return this.fail(field, `must be text, got ${describeJsonType(value)}`);
    const problem = invalidTextProblem(value);
    if (problem) return this.fail(field, problem);
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  }

  requiredText(value: unknown, field: string): string | null {
    return this.required(this.text(value, field), field);
  }

  /** Reports a missing value, unless reading it already reported a problem with the field. */
  required<T>(value: T | null, field: string): T | null {
    if (value === null && !this.hasError(field)) this.fail(field, 'is required (missing or empty)');
    return value;
  }

  hasError(field: string): boolean {
    return this.errors.some((e) => e.field === field);
  }

  /** A value from the feed's list, mapped to ours; a value outside the list is an error. */
  choice<T>(value: string | null, field: string, options: Readonly<Record<string, T>>): T | null {
    if (value === null) return null;
    if (Object.prototype.hasOwnProperty.call(options, value)) return options[value];
    return this.fail(field, `"${value}" is not one of ${Object.keys(options).join(' | ')}`);
  }

  requiredChoice<T>(value: unknown, field: string, options: Readonly<Record<string, T>>): T | null {
    return this.choice(this.requiredText(value, field), field, options);
  }

  /** A declared region code of exactly `digits` digits. */
  regionCode(value: string | null, field: string, digits = 6): string | null {
    if (value === null) return null;
    if (new RegExp(`^\\d{${digits}}$`).test(value)) return value;
    return this.fail(field, `"${value}" is not a ${digits}-digit region code`);
  }

  /** true/false, also as the strings "true"/"false"; missing reads as null. */
  flag(value: unknown, field: string): boolean | null {
    if (value === undefined || value === null || value === '') return null;
    if (typeof value === 'boolean') return value;
    if (value === 'true' || value === 'false') return value === 'true';
    return this.fail(field, `must be true or false, got ${JSON.stringify(value)}`);
  }

  object(value: unknown, field: string): Record<string, unknown> | null {
    if (value === undefined || value === null) return null;
    if (isPlainObject(value)) return value;
    return this.fail(field, `must be an object, got ${describeJsonType(value)}`);
  }

  array(value: unknown, field: string): unknown[] | null {
    if (value === undefined || value === null) return null;
    if (Array.isArray(value)) return value;
    return this.fail(field, `must be an array, got ${describeJsonType(value)}`);
  }

  /** A Beijing-time value in the feed's own format. */
  localTime(value: string | null, field: string, format: TimeFormat): Date | null {
    if (value === null) return null;
    const clock = wallClockOf(value, format);
    if (clock === null) return this.fail(field, `"${value}" does not match ${format.label} (Beijing time)`);
    return instantOf(clock) ?? this.fail(field, `"${value}" is not a real date and time`);
  }

  isoTime(value: string | null, field: string): Date | null {
    if (value === null) return null;
    const parsed = parseIsoTime(value);
    return parsed.ok ? parsed.date : this.fail(field, parsed.message);
  }

  allPresent<T extends object>(values: T): values is T & Present<T> {
    return Object.values(values).every((v) => v !== null && v !== undefined);
  }
}

export interface RecordDraft {
  externalId: string;
  receivedAt: Date;
  kind: Kind;
  channel: Channel;
  description: string;
  kindSource?: FeedRecord['kindSource'];
  reporter?: Partial<FeedReporter>;
  subject?: Partial<FeedSubject>;
  declaredRegionCode?: string | null;
  placeName?: string | null;
  productName?: string | null;
  attachments?: FeedAttachment[];
  replyTo?: string[];
  extras?: Record<string, unknown>;
}

export function buildRecord(draft: RecordDraft): FeedRecord {
  return {
    externalId: draft.externalId,
    receivedAt: draft.receivedAt,
    kind: draft.kind,
    kindSource: draft.kindSource ?? 'FEED',
    channel: draft.channel,
    reporter: { anonymous: false, name: null, phone: null, idNumber: null, email: null, ...draft.reporter },
    subject: { name: null, uscc: null, address: null, ...draft.subject },
    declaredRegionCode: draft.declaredRegionCode ?? null,
    placeName: draft.placeName ?? null,
    productName: draft.productName ?? null,
    description: draft.description,
    attachments: draft.attachments ?? [],
    replyTo: draft.replyTo ?? [],
    extras: draft.extras ?? {},
  };
}

/** UTF-8 bytes of every text value in the record (attachment contents are not text). */
export function recordTextBytes(value: unknown): number {
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8');
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value) || value instanceof Date) return 0;
  return Object.values(value).reduce<number>((sum, v) => sum + recordTextBytes(v), 0);
}

/**
 * Turns what a reader collected into the record's item. `required` holds the values the
 * record cannot exist without; each was already reported by the reader when missing.
 */
export function settleItem<T extends { externalId: string | null }>(
  index: number,
  reader: RecordReader,
  required: T,
  build: (core: Present<T>) => RecordDraft,
  textField: string,
): FeedItem {
  if (reader.errors.length > 0 || !reader.allPresent(required)) {
    return rejectedItem(index, required.externalId, reader.errors);
  }
  const record = buildRecord(build(required));
  // text a reader did not check (a mail body, a transcript) is refused here, by its place in the record
  const invalid = findInvalidText(record);
  if (invalid) return rejectedItem(index, record.externalId, [invalid]);
  const bytes = recordTextBytes(record);
  if (bytes > RECORD_TEXT_MAX_BYTES) {
    return rejectedItem(index, record.externalId, [
      { field: textField, message: `the record's text is ${bytes} bytes together; at most ${RECORD_TEXT_MAX_BYTES} bytes are allowed` },
    ]);
  }
  return { index, externalId: record.externalId, record };
}

/* ------------------------------------------------------------- attachments */

const SIGNATURES: Readonly<Record<string, { label: string; bytes: Buffer }>> = {
  'application/pdf': { label: 'PDF', bytes: Buffer.from('%PDF-', 'latin1') },
  'image/jpeg': { label: 'JPEG', bytes: Buffer.from([0xff, 0xd8, 0xff]) },
  'image/png': { label: 'PNG', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
};
const MIME_ALIASES: Readonly<Record<string, string>> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg' };

/** Lower-cased media type without parameters, or null. */
export function normaliseMimeType(value: string | null): string | null {
  const media = parseMediaType(value);
  return media && media.type !== '' ? media.type : null;
}

/** Why the bytes are not what the declared type says (PDF, JPEG and PNG are checked), or null. */
export function magicMismatch(content: Buffer, mimeType: string | null): string | null {
  if (mimeType === null) return null;
  const signature = SIGNATURES[MIME_ALIASES[mimeType] ?? mimeType];
  if (!signature) return null;
  if (content.subarray(0, signature.bytes.length).equals(signature.bytes)) return null;
  return `declared ${mimeType} but the content does not start with the ${signature.label} signature`;
}

export function tooLargeMessage(bytes: number): string {
  return `is ${bytes} bytes after decoding; at most ${ATTACHMENT_MAX_BYTES} bytes are allowed`;
}

/** Why an attached file cannot be kept, or null. */
export function attachmentProblem(content: Buffer, mimeType: string | null): string | null {
  if (content.length === 0) return 'is empty';
  if (content.length > ATTACHMENT_MAX_BYTES) return tooLargeMessage(content.length);
  return magicMismatch(content, mimeType);
}

export function checkAttachmentCount(reader: RecordReader, count: number, field: string): boolean {
  if (count <= ATTACHMENTS_MAX_PER_RECORD) return true;
  reader.fail(field, `has ${count} files; at most ${ATTACHMENTS_MAX_PER_RECORD} per record are allowed`);
  return false;
}

export type Base64Decode = { ok: true; content: Buffer } | { ok: false; tooLarge: boolean; message: string };

/**
 * Strict base64 (standard alphabet, padded; line breaks allowed as in MIME). Buffer.from
 * would skip invalid characters silently, so the text is checked first, and the size is
 * computed before anything is decoded.
 */
export function decodeBase64Strict(value: string): Base64Decode {
  const compact = value.replace(/\r?\n/g, '');
  const bad = /[^A-Za-z0-9+/=]/.exec(compact);
  if (bad) return { ok: false, tooLarge: false, message: `is not valid base64: unexpected character "${bad[0]}" at ${bad.index}` };
  const firstPad = compact.indexOf('=');
  if (compact.length % 4 !== 0 || (firstPad >= 0 && firstPad < compact.length - 2) || /=[^=]/.test(compact)) {
    return { ok: false, tooLarge: false, message: 'is not valid base64: wrong length or padding' };
  }
  const padding = firstPad < 0 ? 0 : compact.length - firstPad;
  const size = (compact.length / 4) * 3 - padding;
  if (size > ATTACHMENT_MAX_BYTES) return { ok: false, tooLarge: true, message: tooLargeMessage(size) };
  return { ok: true, content: Buffer.from(compact, 'base64') };
}
