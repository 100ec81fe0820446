import type { CreditRecordView as CreditRecord, PublicBlacklistEntry, PublicPage, PublicPenalty } from '@hub/contracts';
import { api } from './client';

export type { CreditRecordView as CreditRecord, PublicBlacklistEntry, PublicPage, PublicPenalty } from '@hub/contracts';

export const recordsApi = {
  penalties: (q: string, cursor?: string) => api.get<PublicPage<PublicPenalty>>('/public/penalties', { q, cursor }),
  blacklist: (q: string, cursor?: string) => api.get<PublicPage<PublicBlacklistEntry>>('/public/blacklist', { q, cursor }),
  forTicket: (ticketId: string) => api.get<CreditRecord>(`/tickets/${ticketId}/credit-record`),
};
