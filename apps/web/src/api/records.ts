import { api } from './client';

export interface PublicPenalty {
  subjectName: string;
  uscc: string | null;
  violation: string | null;
  penalties: string[];
  fineFen: number;
  confiscationFen: number;
  unitName: string;
  decisionNumber: string | null;
  decidedAt: string;
}

export interface PublicBlacklistEntry {
  subjectName: string;
  uscc: string | null;
  regionCode: string;
  listedAt: string;
  reason: string | null;
}

export interface PublicPage<T> {
  items: T[];
  nextCursor: string | null;
}

export interface CreditRecord {
  subject: {
    id: string;
    subjectName: string;
    uscc: string | null;
    regionCode: string;
    blacklisted: boolean;
    listedAt: string | null;
    listedReason: string | null;
    delistedAt: string | null;
    delistedReason: string | null;
  } | null;
  cases: Array<{ ticketId: string; outcome: string; violation: string | null; penalties: string[]; fineFen: number; unitName: string; decisionNumber: string | null; decidedAt: string }>;
  history: Array<{ action: string; reason: string | null; actorName: string; at: string }>;
}

export const recordsApi = {
  penalties: (q: string, cursor?: string) => api.get<PublicPage<PublicPenalty>>('/public/penalties', { q, cursor }),
  blacklist: (q: string, cursor?: string) => api.get<PublicPage<PublicBlacklistEntry>>('/public/blacklist', { q, cursor }),
  forTicket: (ticketId: string) => api.get<CreditRecord>(`/tickets/${ticketId}/credit-record`),
};
