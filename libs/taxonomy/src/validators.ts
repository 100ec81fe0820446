import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** GB 32100-2015: 0-9 and A-Z without I, O, Z, S, V; a character's value is its index. */
const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const USCC_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** GB 11643-1999 */
const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_ID_CHECK = '10X98765432';
const RESIDENT_ID_PATTERN = /^\d{17}[\dX]$/;
const EARLIEST_BIRTH_YEAR = 1900;

/** The check character (18th) a unified social credit code's first 17 characters call for. */
export function usccCheckCharacter(first17: string): string | null {
  const code = first17.toUpperCase();
  if (code.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(code[i]);
    if (value < 0) return null;
    sum += value * USCC_WEIGHTS[i];
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

/** Whether a unified social credit code (统一社会信用代码) has a valid check character. Case-insensitive. */
export function isValidUscc(code: string | null | undefined): boolean {
  const value = (code ?? '').trim().toUpperCase();
  if (!USCC_PATTERN.test(value)) return false;
  return usccCheckCharacter(value.slice(0, 17)) === value[17];
}

export function residentIdCheckCharacter(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  const sum = RESIDENT_ID_WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(first17[i]), 0);
  return RESIDENT_ID_CHECK[sum % 11];
}

function isPlausibleBirthDate(yyyymmdd: string, now: Date): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  const isCalendarDate = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return isCalendarDate && year >= EARLIEST_BIRTH_YEAR && date.getTime() <= now.getTime();
}

/** An 18-character resident ID (居民身份证号码): its check character and a real birth date not in the future. */
export function isValidResidentId(id: string | null | undefined, now: Date = new Date()): boolean {
  const value = (id ?? '').trim().toUpperCase();
  if (!RESIDENT_ID_PATTERN.test(value)) return false;
  if (!isPlausibleBirthDate(value.slice(6, 14), now)) return false;
  return residentIdCheckCharacter(value.slice(0, 17)) === value[17];
}

const EXTENSION = /\s*(?:转|分机|ext\.?|x)\s*\d{1,6}\s*$/i;

/** A phone number in E.164 (+8613912345678), read as a Chinese number unless it says otherwise; null when it is not a valid number. */
/** a mobile (1 + 10 digits) or a landline with its area code (10–11 digits) */
const CN_NUMBER_SHAPE = /^(?:1[3-9]\d{9}|[2-9]\d{9,10})$/;

export function toE164(phone: string | null | undefined): string | null {
  const value = (phone ?? '').trim().replace(EXTENSION, '');
  if (value === '') return null;
  const parsed = parsePhoneNumberFromString(value, 'CN');
  if (!parsed) return null;
  if (parsed.isValid()) return parsed.number;
  // number plans change faster than any metadata: a CN number of the right shape is kept
  return parsed.countryCallingCode === '86' && CN_NUMBER_SHAPE.test(parsed.nationalNumber) ? parsed.number : null;
}
