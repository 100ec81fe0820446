import type { CreditRecordView as CreditRecord, CreditSubjectsPage, PublicBlacklistEntry, PublicPage, PublicPenalty } from '@hub/contracts';
import { api } from './client';

export type { CreditRecordView as CreditRecord, CreditSubjectsPage, CreditSubjectView, PublicBlacklistEntry, PublicPage, PublicPenalty } from '@hub/contracts';

export const recordsApi = {
  penalties: (q: string, cursor?: string) => api.get<PublicPage<PublicPenalty>>('/public/penalties', { q, cursor }),
  blacklist: (q: string, cursor?: string) => api.get<PublicPage<PublicBlacklistEntry>>('/public/blacklist', { q, cursor }),
  forTicket: (ticketId: string) => api.get<CreditRecord>(`/tickets/${ticketId}/credit-record`),
  subjects: (q: string, blacklisted: boolean | null, cursor?: string) =>
    api.get<CreditSubjectsPage>('/records/subjects', { q: q || undefined, blacklisted: blacklisted === null ? undefined : String(blacklisted), cursor }),
  subject: (id: string) => api.get<CreditRecord>(`/records/subjects/${encodeURIComponent(id)}`),
  list: (subjectId: string, reason: string) => api.post<CreditRecord>('/records/blacklist', { subjectId, reason }),
  delist: (subjectId: string, reason: string) => api.post<CreditRecord>(`/records/blacklist/${encodeURIComponent(subjectId)}/delist`, { reason }),
};
