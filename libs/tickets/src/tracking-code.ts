import { randomInt } from 'node:crypto';

const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

/** `JL` + receipt date YYMMDD in Beijing + 7 random digits (contracts.md). */
export function newTrackingCode(receivedAt: Date): string {
  const beijing = new Date(receivedAt.getTime() + BEIJING_OFFSET_MS).toISOString();
  const yymmdd = beijing.slice(2, 4) + beijing.slice(5, 7) + beijing.slice(8, 10);
  return `JL${yymmdd}${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;
}
