import type { DashboardQuery, PeriodFigures, PeriodQuery, UnitAssessment } from '@hub/contracts';
import { api } from './client';

export type { DashboardQuery, FlowBreakdownRow, PeriodFigures, UnitAssessment, UnitAssessmentRow } from '@hub/contracts';

export const supervisionApi = {
  dashboard: (q: DashboardQuery) => api.get<PeriodFigures>('/supervision/dashboard', { ...q }),
  assessment: (q: PeriodQuery) => api.get<UnitAssessment>('/supervision/assessment', { from: q.from, to: q.to }),
};
