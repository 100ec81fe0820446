/**
 * Masks of reporter data (contracts.md). Characters are counted as code points, so a name with a
 * rare character outside the BMP is masked per character, not per UTF-16 unit.
 */
export const MASK_CHAR = '*';

/** What an e-mail's local part becomes after its first character: fixed, so its length is not revealed. */
const EMAIL_LOCAL_MASK = '***';

function chars(value: string): string[] {
  return Array.from(value);
}

function stars(count: number): string {
  return MASK_CHAR.repeat(Math.max(0, count));
}

function blank(value: string | null | undefined): value is null | undefined | '' {
  return value === null || value === undefined || value.trim() === '';
}

/**
 * Keeps `keepStart` and `keepEnd` characters and masks the rest. A value too short to hide
 * anything that way keeps fewer, so that at least half of it is always masked.
 */
export function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  const c = chars(value);
  let start = keepStart;
  let end = keepEnd;
  if (c.length <= keepStart + keepEnd) {
    const visible = Math.floor(c.length / 2);
    end = Math.min(keepEnd, Math.floor(visible / 2));
    start = Math.min(keepStart, visible - end);
  }
  return c.slice(0, start).join('') + stars(c.length - start - end) + c.slice(c.length - end).join('');
}

/** 张三 → 张*, 欧阳明 → 欧**; a one-character name is masked whole. */
export function maskName(name: string | null | undefined): string | null {
  if (blank(name)) return null;
  const c = chars(name.trim());
  if (c.length === 1) return MASK_CHAR;
  return c[0] + stars(c.length - 1);
}

/** +8613912345678 → +86139****5678: first 6 and last 4 characters. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (blank(phone)) return null;
  return maskMiddle(phone.trim(), 6, 4);
}

/** 220102198001011234 → 2201************34: first 4 and last 2 characters. */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (blank(id)) return null;
  return maskMiddle(id.trim(), 4, 2);
}

/** zl@example.cn → z***@example.cn: the first character and the domain; always three stars. */
export function maskEmail(email: string | null | undefined): string | null {
  if (blank(email)) return null;
  const value = email.trim();
  const at = value.lastIndexOf('@');
  if (at < 0) return maskMiddle(value, 1, 0);
  const local = chars(value.slice(0, at));
  const first = local.length > 1 ? local[0] : '';
  return `${first}${EMAIL_LOCAL_MASK}${value.slice(at)}`;
}
