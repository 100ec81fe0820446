import { readFileSync } from 'fs';
import { join } from 'path';
import iconv from 'iconv-lite';
import { FeedItem, FeedParseResult, FeedRecord, FieldError, UnreadableCode } from '../feed-record';

/** Shared by the adapter specs: fixtures, the manifest, and assertions on parse results. */
export const FIXTURE_DIR = join(__dirname, '..', '..', '..', 'test', 'fixtures');

export function fixture(file: string): Buffer {
  return readFileSync(join(FIXTURE_DIR, file));
}

export interface ManifestExpect {
  externalId: string;
  receivedAt: string;
  kind?: string;
  kindAtIntake?: string;
  reporter: { anonymous: boolean; name?: string; phoneE164?: string };
  subject?: { name: string | null; uscc: string | null };
  descriptionContains: string;
}

interface ManifestSample {
  file: string;
  feed: string;
  contentType: string;
  expect?: ManifestExpect;
  rows?: Array<{ index: number; expect: ManifestExpect }>;
}

export function manifestSamples(feed: string): ManifestSample[] {
  const manifest = JSON.parse(fixture('manifest.json').toString('utf8')) as { samples: ManifestSample[] };
  return manifest.samples.filter((sample) => sample.feed === feed);
}

/** The fields every adapter can check against the manifest (region and E.164 are the normaliser's). */
export function expectManifestFields(record: FeedRecord, expected: ManifestExpect): void {
  expect(record.externalId).toBe(expected.externalId);
  expect(record.receivedAt.toISOString()).toBe(expected.receivedAt);
  expect(record.kind).toBe(expected.kind ?? expected.kindAtIntake);
  expect(record.reporter.anonymous).toBe(expected.reporter.anonymous);
  if (expected.reporter.name !== undefined) expect(record.reporter.name).toBe(expected.reporter.name);
  if (expected.subject) {
    expect(record.subject.name).toBe(expected.subject.name);
    expect(record.subject.uscc).toBe(expected.subject.uscc);
  }
  expect(record.description).toContain(expected.descriptionContains);
}

/** The phone is kept as given; its digits are those of the E.164 form with the trunk 0 or +86. */
export function expectSameNumber(given: string | null, e164: string | undefined): void {
  if (e164 === undefined) return;
  const national = (given ?? '').replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '').replace(/^0/, '');
  expect(`+86${national}`).toBe(e164);
}

export function readableItems(result: FeedParseResult): FeedItem[] {
  if (!result.readable) throw new Error(`expected a readable request, got ${result.code}: ${result.message}`);
  return result.items;
}

export function recordOf(item: FeedItem | undefined): FeedRecord {
  if (!item?.record) throw new Error(`expected an accepted record, got ${JSON.stringify(item?.errors)}`);
  return item.record;
}

export function onlyRecord(result: FeedParseResult): FeedRecord {
  const items = readableItems(result);
  expect(items).toHaveLength(1);
  expect(items[0].index).toBe(0);
  return recordOf(items[0]);
}

export function errorsOf(item: FeedItem | undefined): FieldError[] {
  if (!item?.errors) throw new Error(`expected a rejected record, got ${JSON.stringify(item?.record)}`);
  return item.errors;
}

export function onlyErrors(result: FeedParseResult): FieldError[] {
  const items = readableItems(result);
  expect(items).toHaveLength(1);
  return errorsOf(items[0]);
}

export function fieldsOf(errors: FieldError[]): string[] {
  return errors.map((error) => error.field);
}

export function expectUnreadable(result: FeedParseResult, code: UnreadableCode, message?: RegExp | string): void {
  if (result.readable) throw new Error(`expected an unreadable request, got ${JSON.stringify(result.items)}`);
  expect(result.code).toBe(code);
  if (message !== undefined) expect(result.message).toMatch(message);
}

export function jsonBody(value: unknown): { body: Buffer; contentType: string } {
  return { body: Buffer.from(JSON.stringify(value), 'utf8'), contentType: 'application/json' };
}

export function gbk(text: string): Buffer {
  return iconv.encode(text, 'gbk');
}

/** Bytes of the given sizes that start with the signature of a file type. */
export const SAMPLE_FILES = {
  pdf: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1'),
  png: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(16, 1)]),
  jpeg: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(16, 2)]),
  text: Buffer.from('just some text, not an image', 'utf8'),
};

/** Text of `bytes` UTF-8 bytes (CJK characters are three bytes each). */
export function textOfBytes(bytes: number): string {
  return '举'.repeat(Math.floor(bytes / 3)) + 'a'.repeat(bytes % 3);
}
