import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import type { Translate } from '../i18n';

dayjs.extend(utc);
dayjs.extend(timezone);

const BEIJING = 'Asia/Shanghai';

export function beijing(iso: string | null | undefined): string {
  return iso ? dayjs(iso).tz(BEIJING).format('YYYY-MM-DD HH:mm') : '—';
}

export function durationWords(ms: number, t: Translate, withSeconds = false): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const parts: string[] = [];
  if (days) parts.push(t('duration.d', { n: days }));
  if (hours || days) parts.push(t('duration.h', { n: hours }));
  if (!days) parts.push(t('duration.m', { n: minutes }));
  if (withSeconds && !days) parts.push(t('duration.s', { n: seconds }));
  return parts.join(' ');
}

type DeadlineTone = 'green' | 'yellow' | 'red';

/** Tone per ui.md: yellow once 80% of the clock is used; the clock is taken from `startedAt` to the deadline. */
export function deadlineTone(deadline: string, startedAt: string, now: number): DeadlineTone {
  const end = Date.parse(deadline);
  const start = Date.parse(startedAt);
  if (now > end) return 'red';
  return end > start && (now - start) / (end - start) >= 0.8 ? 'yellow' : 'green';
}
