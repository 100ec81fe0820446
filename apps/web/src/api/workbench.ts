import { api, requestBlob } from './client';
import type { CalendarDayView, CalendarYearView, FindingView, NotificationView, Page, PauseReason, PoliceDecision, RewardLevel, SubjectTicketView, TransferState, WorkbenchList } from '@hub/contracts';
import type { CloseBody, WorkbenchQuery } from './caseTypes';
import type { Ticket } from './types';

const id = encodeURIComponent;
const act = (ticketId: string, action: string, body: object) => api.post<Ticket>(`/tickets/${id(ticketId)}/${action}`, body);

/** The unit's case handling (contracts.md "Case handling, police transfer, rewards"); every move carries the version it saw. */
export const caseApi = {
  list: (query: WorkbenchQuery, cursor?: string | null, limit = 50) => api.get<WorkbenchList>('/workbench/tickets', { ...query, cursor, limit }),
  accept: (ticketId: string, version: number) => act(ticketId, 'accept', { version }),
  return: (ticketId: string, version: number, reason: string) => act(ticketId, 'return', { version, reason }),
  assist: (ticketId: string, version: number, unit: string, note: string) => act(ticketId, 'assist', { version, unit, note }),
  fileCase: (ticketId: string, version: number, caseNumber: string) => act(ticketId, 'file-case', { version, caseNumber }),
  pause: (ticketId: string, version: number, reason: PauseReason) => act(ticketId, 'pause', { version, reason }),
  resume: (ticketId: string, version: number) => act(ticketId, 'resume', { version }),
  close: (ticketId: string, version: number, body: CloseBody) => act(ticketId, 'close', { version, ...body }),
  proposeTransfer: (ticketId: string, version: number, reason: string) => act(ticketId, 'transfer', { version, reason }),
  approveTransfer: (ticketId: string, version: number, rewardLevel?: RewardLevel) => act(ticketId, 'transfer/approve', { version, rewardLevel }),
  refuseTransfer: (ticketId: string, version: number, reason: string) => act(ticketId, 'transfer/refuse', { version, reason }),
  reconsiderTransfer: (ticketId: string, version: number, reason: string) => act(ticketId, 'transfer/reconsider', { version, reason }),
  extendTransfer: (ticketId: string, version: number, reason: string) => act(ticketId, 'transfer/extend', { version, reason }),
  decideTransfer: (ticketId: string, version: number, decision: PoliceDecision, reason: string) =>
    act(ticketId, 'transfer/decide', { version, decision, reason }),
};

/** What the case view shows beside the ticket: the subject's other tickets and the unit's findings. */
export const caseRecordsApi = {
  subjectTickets: (ticketId: string) => api.get<{ items: SubjectTicketView[] }>(`/tickets/${id(ticketId)}/subject-tickets`).then((page) => page.items),
  findings: (ticketId: string) => api.get<{ items: FindingView[] }>(`/tickets/${id(ticketId)}/findings`).then((page) => page.items),
  addFinding: (ticketId: string, text: string, files: File[]) => {
    const form = new FormData();
    form.append('text', text);
    for (const file of files) form.append('files', file, file.name);
    return api.upload<FindingView>(`/tickets/${id(ticketId)}/findings`, form);
  },
  /** a finding's files are the ticket's attachments */
  findingAttachment: (ticketId: string, attachmentId: string) => requestBlob(`/tickets/${id(ticketId)}/attachments/${id(attachmentId)}`),
};

/** The working-day calendar admins keep (holidays and make-up days for years the shipped data lacks). */
export const calendarApi = {
  coverage: () => api.get<{ years: CalendarYearView[]; warnings: string[] }>('/calendar'),
  days: (year: number) => api.get<{ items: CalendarDayView[] }>('/calendar/days', { year }),
  putDay: (day: { date: string; work: boolean; name?: string }) => api.post<CalendarDayView>('/calendar/days', day),
  deleteDay: (date: string) => api.delete<void>(`/calendar/days/${id(date)}`),
};

/** Lists beyond the unit's own workbench: the police's transfers in, the procuratorate's oversight, overdue tickets. */
export const transfersApi = {
  approvals: (cursor?: string | null, limit = 50) => api.get<WorkbenchList>('/workbench/tickets', { role: 'lead', transfer: 'PROPOSED', cursor, limit }),
  police: (state: TransferState, cursor?: string | null, limit = 50) => api.get<WorkbenchList>('/police/transfers', { state, cursor, limit }),
  oversight: (concern: OversightConcern | undefined, cursor?: string | null, limit = 50) => api.get<WorkbenchList>('/oversight/transfers', { concern, cursor, limit }),
  overdue: (cursor?: string | null, limit = 50) => api.get<WorkbenchList>('/workbench/overdue', { cursor, limit }),
};

/** The prosecutor's views of GET /oversight/transfers (`concern=`); NOT_TRANSFERRED: penalised, crime-flagged, never transferred. */
export const OVERSIGHT_CONCERNS = ['PROPOSED', 'TRANSFERRED', 'REFUSED', 'DECLINED', 'NOT_TRANSFERRED'] as const;
export type OversightConcern = (typeof OVERSIGHT_CONCERNS)[number];

export const notificationsApi = {
  list: (cursor?: string | null, limit = 20) => api.get<Page<NotificationView> & { unread: number }>('/notifications', { cursor, limit }),
  read: (notificationId: string) => api.post<NotificationView>(`/notifications/${id(notificationId)}/read`),
  readAll: () => api.post<{ marked: number }>('/notifications/read-all'),
};
