import { maskEmail, maskIdNumber, maskPhone, toE164 } from '@hub/taxonomy';
import { sealReporter } from '@hub/tickets/reporter-seal';
import type { FeedItem, FeedRecord } from '../adapters/feed-record';

/**
 * Previews of stored requests are rendered from what the feed adapter parsed, never from the
 * bytes: a record's reporter fields are masked as fields, whatever their encoding on the wire
 * (encoded-word mail headers, base64 bodies, JSON \u escapes, GBK), and a batch shows only the
 * records asked for.
 */
export interface MaskedRecordView {
  index: number;
  externalId: string;
  receivedAt: string;
  kind: string;
  channel: string;
  reporter: { anonymous: boolean; name: string | null; phone: string | null; idNumber: string | null; email: string | null };
  subject: FeedRecord['subject'];
  declaredRegionCode: string | null;
  placeName: string | null;
  productName: string | null;
  description: string;
  attachments: Array<{ fileName: string; mimeType: string | null; sizeBytes: number | null; url: string | null }>;
  replyTo: string[];
  extras: Record<string, unknown>;
}

export interface RejectedRecordView {
  index: number;
  externalId: string | null;
  errors: Array<{ field: string; message: string }>;
}

export function maskedRecordView(index: number, record: FeedRecord): MaskedRecordView {
  const r = record.reporter;
  const masked = sealReporter({ ...r, phoneE164: r.phone ? toE164(r.phone) : null, idNumberValid: null }).masked;
  return {
    index,
    externalId: record.externalId,
    receivedAt: record.receivedAt.toISOString(),
    kind: record.kind,
    channel: record.channel,
    reporter: { anonymous: r.anonymous, name: masked.name ?? null, phone: masked.phone ?? null, idNumber: masked.idNumber ?? null, email: masked.email ?? null },
    subject: record.subject,
    declaredRegionCode: record.declaredRegionCode,
    placeName: record.placeName,
    productName: record.productName,
    description: record.description,
    attachments: record.attachments.map((a) => ({ fileName: a.fileName, mimeType: a.mimeType, sizeBytes: a.content?.length ?? null, url: a.url })),
    replyTo: record.replyTo,
    extras: record.extras,
  };
}

/** Every record of a readable request: parsed ones masked, rejected ones by their errors only. */
export function maskedItemsView(items: FeedItem[]): Array<MaskedRecordView | RejectedRecordView> {
  return items.map((item) => (item.record ? maskedRecordView(item.index, item.record) : { index: item.index, externalId: item.externalId, errors: item.errors }));
}

export function renderPreview(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** Chinese mobiles (1[3-9] and nine digits) and landlines (0 + area code + 7-8 digits), with +86 and separators. */
const PHONE_SHAPED = /(?<![\dA-Za-z])(?:\+?86[\s-]?)?(?:1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}|0\d{2,3}[\s-]?\d{7,8})(?![\dA-Za-z])/g;

/**
 * Text that no adapter could read has no fields to mask: whatever looks like a phone number,
 * a resident ID number or an e-mail address is masked instead.
 */
export function maskContactPatterns(text: string): string {
  return text
    .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, (email) => maskEmail(email) ?? '')
    .replace(/(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g, (id) => maskIdNumber(id) ?? '')
    .replace(PHONE_SHAPED, (phone) => maskPhone(toE164(phone) ?? phone) ?? '');
}
