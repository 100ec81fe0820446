import { api, requestBlob } from './client';
import type { ClaimView, Counters, HistoryEntryView, Page, TicketSummary, TriageItem } from '@hub/contracts';
import type { Attachment, DecideBody, FeedRecord, FeedRecordDetail, LoginResponse, Me, NewCallBody, RegionSuggestion, RerunResult, SubjectSuggestion, Taxonomy, Ticket, TicketRaw } from './types';

export interface QueueFilters {
  status?: string;
  feed?: string;
  region?: string;
  category?: string;
  q?: string;
}

const id = encodeURIComponent;

export const authApi = {
  login: (username: string, password: string) => api.post<LoginResponse>('/auth/login', { username, password }),
  logout: () => api.post<void>('/auth/logout', undefined, true),
  me: () => api.get<Me>('/me'),
  taxonomy: () => api.get<Taxonomy>('/taxonomy'),
};

export const consoleApi = {
  queue: (filters: QueueFilters, cursor?: string | null, limit = 100) =>
    api.get<Page<TicketSummary>>('/console/tickets', { ...filters, cursor, limit }),
  triage: (cursor?: string | null, limit = 100) => api.get<Page<TriageItem>>('/console/triage', { cursor, limit }),
  counters: () => api.get<Counters>('/console/counters'),
  claim: (ticketId: string) => api.post<{ claim: ClaimView }>(`/console/tickets/${id(ticketId)}/claim`),
  release: (ticketId: string, keepalive = false) => api.post<void>(`/console/tickets/${id(ticketId)}/release`, undefined, keepalive),
  decide: (ticketId: string, body: DecideBody) => api.post<Ticket>(`/console/tickets/${id(ticketId)}/decide`, body),
  merge: (ticketId: string, version: number, masterId: string) =>
    api.post<Ticket>(`/console/tickets/${id(ticketId)}/merge`, { version, masterId }),
  discard: (ticketId: string, version: number, reason: string) =>
    api.post<Ticket>(`/console/tickets/${id(ticketId)}/discard`, { version, reason }),
  createTicket: (body: NewCallBody) => api.post<Ticket>('/console/tickets', body),
  suggestSubjects: (q: string, regionCode?: string) => api.get<SubjectSuggestion[]>('/console/suggest/subjects', { q, regionCode }),
  suggestRegion: (text: string) => api.get<RegionSuggestion>('/console/suggest/region', { text }),
};

export const ticketsApi = {
  get: (ticketId: string) => api.get<Ticket>(`/tickets/${id(ticketId)}`),
  history: (ticketId: string) => api.get<HistoryEntryView[]>(`/tickets/${id(ticketId)}/history`),
  raw: (ticketId: string) => api.get<TicketRaw>(`/tickets/${id(ticketId)}/raw`),
  attachments: (ticketId: string) => api.get<Attachment[]>(`/tickets/${id(ticketId)}/attachments`),
  attachmentBlob: (ticketId: string, attachmentId: string) => requestBlob(`/tickets/${id(ticketId)}/attachments/${id(attachmentId)}`),
};

export const feedRecordsApi = {
  list: (filters: { state?: string; feed?: string }, cursor?: string | null, limit = 100) =>
    api.get<Page<FeedRecord>>('/feed-records', { ...filters, cursor, limit }),
  get: (recordId: string) => api.get<FeedRecordDetail>(`/feed-records/${id(recordId)}`),
  rerun: (recordId: string) => api.post<RerunResult>(`/feed-records/${id(recordId)}/rerun`),
  discard: (recordId: string, reason: string) => api.post<FeedRecordDetail>(`/feed-records/${id(recordId)}/discard`, { reason }),
  body: (recordId: string) => requestBlob(`/feed-records/${id(recordId)}/body`),
};
