import type { TicketEntity } from './ticket.entity';

export interface TicketView {
  id: string;
  trackingCode: string;
  feed: string;
  externalId: string;
  rawId: string | null;
  kind: string;
  channel: string;
  receivedAt: string;
  reporter: { anonymous: boolean; name: string | null; phone: string | null; idNumber: string | null; email: string | null };
  subject: { name: string | null; uscc: string | null; usccValid: boolean | null; address: string | null };
  regionCode: string;
  countyCode: string | null;
  regionSource: string;
  productName: string | null;
  description: string;
  classification: TicketEntity['classification'];
  routing: TicketEntity['routing'];
  duplicateCandidates: string[];
  flags: string[];
  status: string;
  duplicateOf: string | null;
  deadlines: { dispatchBy: string | null; acceptBy: string | null; resolveBy: string | null; provisional: boolean };
  revision: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The canonical ticket of contracts.md; reporter data only as masks. */
export function toTicketView(t: TicketEntity): TicketView {
  const masked = t.reporterMasked ?? {};
  return {
    id: t.id,
    trackingCode: t.trackingCode,
    feed: t.feed,
    externalId: t.externalId,
    rawId: t.rawId,
    kind: t.kind,
    channel: t.channel,
    receivedAt: t.receivedAt.toISOString(),
    reporter: { anonymous: t.reporterAnonymous, name: masked.name ?? null, phone: masked.phone ?? null, idNumber: masked.idNumber ?? null, email: masked.email ?? null },
    subject: { name: t.subjectName, uscc: t.subjectUscc, usccValid: t.subjectUsccValid, address: t.subjectAddress },
    regionCode: t.regionCode,
    countyCode: t.countyCode,
    regionSource: t.regionSource,
    productName: t.productName,
    description: t.description,
    classification: t.classification,
    routing: t.routing,
    duplicateCandidates: t.duplicateCandidates,
    flags: t.flags,
    status: t.status,
    duplicateOf: t.duplicateOf,
    deadlines: { dispatchBy: iso(t.dispatchBy), acceptBy: iso(t.acceptBy), resolveBy: iso(t.resolveBy), provisional: t.deadlinesProvisional },
    revision: t.revision,
    version: t.version,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}
