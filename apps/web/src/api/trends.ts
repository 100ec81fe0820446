import type { TrendAlertsPage, TrendAlertStatus, TrendAlertView, TrendScanQueued } from '@hub/contracts';
import { api } from './client';

export type { TrendAlertsPage, TrendAlertStatus, TrendAlertView } from '@hub/contracts';

export const trendsApi = {
  alerts: (status?: TrendAlertStatus) => api.get<TrendAlertsPage>('/trends/alerts', status ? { status } : undefined),
  acknowledge: (id: string) => api.post<TrendAlertView>(`/trends/alerts/${encodeURIComponent(id)}/acknowledge`),
  scan: () => api.post<TrendScanQueued>('/trends/scan'),
};
