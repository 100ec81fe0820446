import type { PeriodFigures, PeriodQuery, UnitAssessment } from '@hub/contracts';

/**
 * Where a report's figures come from: the same service that answers the supervisor dashboard,
 * so a report of a period shows exactly what the dashboard shows for it.
 */
export interface ReportFigureSource {
  /** brings what the figures are read from up to date, so a report shows the latest (the dashboard then shows the same) */
  bringUpToDate(): Promise<void>;
  forPeriod(q: PeriodQuery): Promise<PeriodFigures>;
  assessment(q: PeriodQuery): Promise<UnitAssessment>;
}

/** Injection token of the ReportFigureSource in use. */
export const REPORT_FIGURES = Symbol('REPORT_FIGURES');
