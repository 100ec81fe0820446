export interface SubjectRow {
  id: string;
  subject_name: string;
  name_norm: string | null;
  uscc: string | null;
  region_code: string;
  last_case_at: Date;
  blacklisted: boolean;
  listed_at: Date | null;
  listed_reason: string | null;
  delisted_at: Date | null;
  delisted_reason: string | null;
}

export interface CreditSubjectView {
  id: string;
  subjectName: string;
  uscc: string | null;
  regionCode: string;
  lastCaseAt: string;
  blacklisted: boolean;
  listedAt: string | null;
  listedReason: string | null;
  delistedAt: string | null;
  delistedReason: string | null;
}

export interface CreditCaseView {
  ticketId: string;
  outcome: string;
  violation: string | null;
  penalties: string[];
  fineFen: number;
  confiscationFen: number;
  unitName: string;
  decisionNumber: string | null;
  decidedAt: string;
}

export interface CreditHistoryView {
  ticketId: string | null;
  action: string;
  reason: string | null;
  actorName: string;
  at: string;
}

/** A subject's credit record as staff see it: null subject when the ticket names none with a record. */
export interface CreditRecordView {
  subject: CreditSubjectView | null;
  cases: CreditCaseView[];
  history: CreditHistoryView[];
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toSubjectView(r: SubjectRow): CreditSubjectView {
  return {
    id: r.id,
    subjectName: r.subject_name,
    uscc: r.uscc,
    regionCode: r.region_code,
    lastCaseAt: r.last_case_at.toISOString(),
    blacklisted: r.blacklisted,
    listedAt: iso(r.listed_at),
    listedReason: r.listed_reason,
    delistedAt: iso(r.delisted_at),
    delistedReason: r.delisted_reason,
  };
}
