import type { ReportFormat, ReportRequest, ReportRunView } from '@hub/contracts';
import { api, requestBlob } from './client';

export type { ReportFormat, ReportHalf, ReportRunView } from '@hub/contracts';

export const reportsApi = {
  list: (cursor?: string) => api.get<{ items: ReportRunView[]; nextCursor: string | null }>('/reports', { cursor }),
  request: (ask: ReportRequest) => api.post<ReportRunView>('/reports', ask),
  file: (id: string, format: ReportFormat) => requestBlob(`/reports/${id}/file.${format}`),
};
