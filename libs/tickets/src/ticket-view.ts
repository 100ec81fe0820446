import type { CaseView, Channel, Kind, RegionSource, TicketFeed, TicketView } from '@hub/contracts';
import type { TicketEntity } from './ticket.entity';

export type { TicketView } from '@hub/contracts';

const NO_CASE_YET: CaseView = { acceptedAt: null, caseNumber: null, filedAt: null, paused: null, pauses: [], transfer: null, closure: null };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The canonical ticket of contracts.md; reporter data only as masks. */
export function toTicketView(t: TicketEntity): TicketView {
  const masked = t.reporterMasked ?? {};
  return {
    id: t.id,
    trackingCode: t.trackingCode,
    feed: t.feed as TicketFeed,
    externalId: t.externalId,
    rawId: t.rawId,
    kind: t.kind as Kind,
    channel: t.channel as Channel,
    receivedAt: t.receivedAt.toISOString(),
    reporter: { anonymous: t.reporterAnonymous, name: masked.name ?? null, phone: masked.phone ?? null, idNumber: masked.idNumber ?? null, email: masked.email ?? null },
    subject: { name: t.subjectName, uscc: t.subjectUscc, usccValid: t.subjectUsccValid, address: t.subjectAddress },
    regionCode: t.regionCode,
    countyCode: t.countyCode,
    regionSource: t.regionSource as RegionSource,
    productName: t.productName,
    description: t.description,
    classification: t.classification,
    routing: t.routing,
    duplicateCandidates: t.duplicateCandidates,
    flags: t.flags,
    status: t.status,
    duplicateOf: t.duplicateOf,
    deadlines: {
      dispatchBy: iso(t.dispatchBy),
      acceptBy: iso(t.acceptBy),
      resolveBy: iso(t.resolveBy),
      provisional: t.deadlinesProvisional,
      transferDecisionBy: null,
      handOverBy: null,
      policeDecisionBy: null,
    },
    deadlineState: 'ok',
    outcome: null,
    case: NO_CASE_YET,
    reward: null,
    revision: t.revision,
    version: t.version,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}
