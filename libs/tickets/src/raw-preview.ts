import * as iconv from 'iconv-lite';
import { maskEmail, maskIdNumber, maskName, maskPhone } from '@hub/taxonomy/masking';
import type { ReporterSecret } from './ticket.entity';

const PREVIEW_BYTES = 256 * 1024;
const GBK_FEEDS = new Set(['12365', '12358', '12312']);

/** Readable text of a stored request, decoded as its hotline encodes it. */
export function decodeRawPreview(feed: string, body: Buffer, contentType: string | null): string {
  const head = body.subarray(0, PREVIEW_BYTES);
  if (feed === '12312' && /x-www-form-urlencoded/i.test(contentType ?? '')) return decodeForm(head, contentType);
  return GBK_FEEDS.has(feed) ? iconv.decode(head, 'gb18030') : head.toString('utf8');
}

/** A form body shown as decoded `name=value` lines. */
function decodeForm(body: Buffer, contentType: string | null): string {
  const charset = /charset=([\w-]+)/i.exec(contentType ?? '')?.[1] ?? 'gbk';
  return body
    .toString('latin1')
    .split('&')
    .map((pair) => {
      const [name, value = ''] = pair.split('=');
      const bytes = Buffer.from(value.replace(/\+/g, ' ').replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
      return `${name}=${iconv.encodingExists(charset) ? iconv.decode(bytes, charset) : bytes.toString('utf8')}`;
    })
    .join('\n');
}

/**
 * Replaces every clear reporter value in free text (a description that repeats the caller's
 * own phone, a rendered record) with its mask.
 */
export function maskReporterIn(text: string, secret: Pick<ReporterSecret, 'name' | 'phone' | 'phoneE164' | 'idNumber' | 'email'> | null): string {
  if (!secret) return text;
  const digits = secret.phone ? secret.phone.replace(/\D/g, '') : null;
  const national = secret.phoneE164?.startsWith('+86') ? secret.phoneE164.slice(3) : null;
  // a phone in any spelling becomes the mask of its E.164 form (+86139****5678): the mask of the
  // number as written would keep 10 of its 11 digits
  const phoneMask = maskPhone(secret.phoneE164 ?? secret.phone);
  const pairs: Array<[string | null, string | null]> = [
    [secret.idNumber, maskIdNumber(secret.idNumber)],
    [secret.phoneE164, phoneMask],
    [secret.phone, phoneMask],
    [national, phoneMask],
    [digits && digits.length >= 7 ? digits : null, phoneMask],
    [secret.email, maskEmail(secret.email)],
    [secret.name, maskName(secret.name)],
  ];
  let masked = text;
  for (const [clear, mask] of pairs) {
    if (clear && Array.from(clear).length > 1 && mask) masked = masked.split(clear).join(mask);
  }
  return masked;
}
