import { isValidResidentId, isValidUscc, resolveRegion, toE164 } from '@hub/taxonomy';
import type { FeedRecord, TicketFeed } from '../adapters/feed-record';
import { sha256 } from '@hub/tickets/digest';
import { maskReporterIn } from '@hub/tickets/raw-preview';
import type { TicketDraft } from '@hub/tickets/ticket-draft';

/** Everything that is the same for all feeds: phones, region, check digits, content identity. */
export function normaliseRecord(feed: TicketFeed, record: FeedRecord): TicketDraft {
  const uscc = record.subject.uscc ? record.subject.uscc.toUpperCase() : null;
  const idNumber = record.reporter.idNumber ? record.reporter.idNumber.toUpperCase() : null;
  const region = resolveRegion({
    declaredCode: record.declaredRegionCode,
    placeName: record.placeName,
    address: record.subject.address,
    text: record.description,
    phone: record.reporter.phone,
  });
  const phoneE164 = record.reporter.phone ? toE164(record.reporter.phone) : null;
  // the reporter's identity is sealed; free text that repeats it keeps only its masks
  const redact = <T>(value: T): T => redactReporter(value, { ...record.reporter, idNumber, phoneE164 });
  return {
    feed,
    externalId: record.externalId,
    kind: record.kind,
    kindSource: record.kindSource,
    channel: record.channel,
    receivedAt: record.receivedAt,
    reporter: {
      anonymous: record.reporter.anonymous,
      name: record.reporter.name,
      phone: record.reporter.phone,
      phoneE164,
      idNumber,
      idNumberValid: idNumber ? isValidResidentId(idNumber) : null,
      email: record.reporter.email,
    },
    subject: { name: record.subject.name, nameNorm: normaliseSubjectName(record.subject.name), uscc, usccValid: uscc ? isValidUscc(uscc) : null, address: record.subject.address },
    regionCode: region.regionCode,
    countyCode: region.countyCode,
    regionSource: region.source,
    productName: record.productName,
    description: redact(record.description),
    extras: redact({ ...record.extras, ...(record.placeName ? { placeName: record.placeName } : {}) }),
    attachments: record.attachments,
    replyTo: record.replyTo,
    contentHash: contentHash(record),
  };
}

type ReporterValues = Parameters<typeof maskReporterIn>[1];

function redactReporter<T>(value: T, reporter: ReporterValues): T {
  if (typeof value === 'string') return maskReporterIn(value, reporter) as T;
  if (Array.isArray(value)) return value.map((v) => redactReporter(v, reporter)) as T;
  if (value && typeof value === 'object' && !(value instanceof Date) && !Buffer.isBuffer(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactReporter(v, reporter)])) as T;
  }
  return value;
}

/** Folds width, case, spaces and punctuation so the same business matches across hotlines. */
export function normaliseSubjectName(name: string | null): string | null {
  if (!name) return null;
  const folded = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
  return folded || null;
}

/** A stable digest of what the feed said, attachments by their own digest. */
export function contentHash(record: FeedRecord): string {
  const attachments = record.attachments.map((a) => ({ fileName: a.fileName, mimeType: a.mimeType, url: a.url, sha256: a.content ? sha256(a.content) : null }));
  const canonical = stableStringify({ ...record, receivedAt: record.receivedAt.toISOString(), attachments });
  return sha256(Buffer.from(canonical, 'utf8'));
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
