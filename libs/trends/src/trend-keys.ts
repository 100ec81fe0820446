import type { TrendKeyKind } from '@hub/contracts';
import { normaliseSubjectName } from '@hub/intake/normalise/normalise-record';
import { subjectKey } from '@hub/records/credit-rules';
import { REGIONS } from '@hub/taxonomy';
import type { TicketArrival } from '@hub/tickets/ticket-arrivals';

export interface TrendKey {
  kind: TrendKeyKind;
  key: string;
  label: string;
}

/**
 * The keys one ticket counts under: its subject as credit records key it (USCC, else
 * normalised name + region), its product (name folded like a subject's), its region.
 */
export function trendKeysOf(t: TicketArrival): TrendKey[] {
  const keys: TrendKey[] = [{ kind: 'REGION', key: t.regionCode, label: regionLabel(t.regionCode) }];
  const subject = subjectKey({ uscc: t.subjectUscc, usccValid: t.subjectUsccValid, nameNorm: t.subjectNameNorm, regionCode: t.regionCode });
  if (subject) keys.push({ kind: 'SUBJECT', key: subject, label: t.subjectName?.trim() || t.subjectUscc || t.subjectNameNorm || subject });
  const product = normaliseSubjectName(t.productName);
  if (product) keys.push({ kind: 'PRODUCT', key: product, label: (t.productName ?? product).trim() });
  return keys;
}

function regionLabel(code: string): string {
  return (REGIONS as Record<string, { name: string } | undefined>)[code]?.name ?? code;
}

/** The hour a ticket counts in: when the hotline received it, or when it was stored if the hotline's clock ran ahead. */
export function hourOf(t: Pick<TicketArrival, 'receivedAt' | 'createdAt'>): Date {
  const at = Math.min(t.receivedAt.getTime(), t.createdAt.getTime());
  return new Date(at - (at % 3_600_000));
}
