import type { CaseView, Channel, Kind, PauseReason, RegionSource, TicketFeed, TicketStatus, TicketView } from '@hub/contracts';
import type { TicketEntity } from './ticket.entity';

export type { TicketView } from '@hub/contracts';

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
    status: t.status as TicketStatus,
    duplicateOf: t.duplicateOf,
    deadlines: {
      dispatchBy: iso(t.dispatchBy),
      acceptBy: iso(t.acceptBy),
      resolveBy: iso(t.resolveBy),
      provisional: t.deadlinesProvisional,
      transferDecisionBy: iso(t.transferDecisionBy),
      handOverBy: iso(t.handOverBy),
      policeDecisionBy: iso(t.policeDecisionBy),
    },
    deadlineState: t.deadlineState,
    outcome: t.outcome,
    case: caseView(t),
    reward: null,
    revision: t.revision,
    version: t.version,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

function caseView(t: TicketEntity): CaseView {
  const file = t.caseFile ?? {};
  return {
    acceptedAt: iso(t.acceptedAt),
    caseNumber: t.caseNumber,
    filedAt: iso(t.caseFiledAt),
    paused: t.pausedAt ? { reason: t.pauseReason as PauseReason, from: t.pausedAt.toISOString(), to: null, workingDays: null } : null,
    pauses: file.pauses ?? [],
    transfer: file.transfer && t.transferState ? { ...file.transfer, state: t.transferState, policeUnit: t.policeUnit } : null,
    closure: file.closure ?? null,
  };
}
