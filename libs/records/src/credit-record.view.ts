import type { CreditCaseView, CreditHistoryView, CreditRecordView, CreditSubjectsPage, CreditSubjectView } from '@hub/contracts';

export type { CreditCaseView, CreditHistoryView, CreditRecordView, CreditSubjectsPage, CreditSubjectView };

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
