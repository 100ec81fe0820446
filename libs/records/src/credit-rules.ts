/**
 * The blacklist rules of workflows.md, as plain functions: a subject is listed with 2 or
 * more PENALIZED cases within 3 years, or one case with fines of ¥100,000 or more, a
 * licence revocation or a transfer to the police; it comes off after 3 years without a
 * new case (counted from its last case, or from an ADMIN's listing if that is later).
 */
export const LISTING_YEARS = 3;
export const LARGE_FINE_FEN = 10_000_000;
export const PENALIZED_CASES_TO_LIST = 2;

export interface RecordedCase {
  outcome: 'PENALIZED' | 'TRANSFERRED';
  fineFen: number;
  penalties: string[];
  decidedAt: Date;
}

export type ListingReason = 'TRANSFERRED_TO_POLICE' | 'LICENCE_REVOKED' | 'LARGE_FINE' | 'REPEATED_PENALTIES';

export const LISTING_REASON_TEXT: Record<ListingReason, string> = {
  TRANSFERRED_TO_POLICE: '涉嫌犯罪移送公安机关',
  LICENCE_REVOKED: '被吊销许可证照',
  LARGE_FINE: '单案罚款10万元以上',
  REPEATED_PENALTIES: '3年内受到2次以上行政处罚',
};

/** The moment `years` calendar years before `at`. */
export function yearsBefore(at: Date, years = LISTING_YEARS): Date {
  const d = new Date(at);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d;
}

/** Why the subject belongs on the blacklist at `now`, given its recorded cases; null when it does not. */
export function listingReason(cases: readonly RecordedCase[], now: Date): ListingReason | null {
  const since = yearsBefore(now);
  const recent = cases.filter((c) => c.decidedAt > since && c.decidedAt <= now);
  if (recent.some((c) => c.outcome === 'TRANSFERRED')) return 'TRANSFERRED_TO_POLICE';
  if (recent.some((c) => c.penalties.includes('LICENCE_REVOKED'))) return 'LICENCE_REVOKED';
  if (recent.some((c) => c.fineFen >= LARGE_FINE_FEN)) return 'LARGE_FINE';
  if (recent.filter((c) => c.outcome === 'PENALIZED').length >= PENALIZED_CASES_TO_LIST) return 'REPEATED_PENALTIES';
  return null;
}

/** A listed subject comes off once 3 years have passed since its last case (or its listing, if later). */
export function delistingDue(lastCaseAt: Date, listedAt: Date | null, now: Date): boolean {
  const since = listedAt && listedAt > lastCaseAt ? listedAt : lastCaseAt;
  return since <= yearsBefore(now);
}

/** Priority a new ticket gets for naming a subject with a record: higher still when it is blacklisted. */
export function repeatOffenderPriority(blacklisted: boolean): number {
  return blacklisted ? 2 : 1;
}

/** The identity a record is kept under: the USCC when there is a valid one, else normalised name + region. */
export function subjectKey(subject: { uscc: string | null; usccValid: boolean | null; nameNorm: string | null; regionCode: string }): string | null {
  if (subject.uscc && subject.usccValid !== false) return `uscc:${subject.uscc}`;
  if (subject.nameNorm) return `name:${subject.regionCode}:${subject.nameNorm}`;
  return null;
}
