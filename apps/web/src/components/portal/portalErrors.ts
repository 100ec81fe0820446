import dayjs from 'dayjs';
import { ApiError } from '../../api/client';
import type { Translate } from '../../i18n';
import { durationWords } from '../../lib/time';

/**
 * What a tipster reads when a lookup or claim fails. A wrong code and a wrong PIN read the same,
 * as the server answers them the same.
 */
export function lookupErrorText(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('error.network');
  if (error.status === 404) return t('portal.notFound');
  if (error.status === 429) {
    if (error.retryAfter === null) return t('portal.tooManyNoTime');
    return t('portal.tooMany', { wait: retryWords(error.retryAfter, t), time: dayjs().add(error.retryAfter, 'second').tz('Asia/Shanghai').format('HH:mm') });
  }
  if (error.status === 503 || error.status >= 500) return t('portal.unavailable');
  return error.message;
}

function retryWords(seconds: number, t: Translate): string {
  // Whole minutes read better than "14分 32秒" on a phone; round up so the visitor never comes back too early.
  return durationWords(Math.max(60, Math.ceil(seconds / 60) * 60) * 1000, t);
}

/** When a rate-limited visitor may try again (epoch ms), or null. */
export function retryAt(error: unknown): number | null {
  return error instanceof ApiError && error.status === 429 && error.retryAfter !== null ? Date.now() + error.retryAfter * 1000 : null;
}
