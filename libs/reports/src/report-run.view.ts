import type { ReportFormat, ReportHalf, ReportRunView, ReportState } from '@hub/contracts';
import { halfYearPeriod } from './report-period';

export interface ReportRunRow {
  id: string;
  scope: string;
  year: number;
  half: ReportHalf;
  version: number;
  state: ReportState;
  progress: number;
  provisional: boolean;
  requested_by: string;
  requested_by_name: string;
  requested_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  error: string | null;
  files: Array<{ format: ReportFormat; fileName: string; sizeBytes: number }> | null;
}

/** The run's columns and its files' names and sizes (never their bytes). */
export const RUN_COLUMNS = `r.*, (SELECT json_agg(json_build_object('format', f.format, 'fileName', f.file_name, 'sizeBytes', f.size_bytes) ORDER BY f.format DESC)
  FROM report_files f WHERE f.run_id = r.id) AS files`;

export function toReportRunView(r: ReportRunRow): ReportRunView {
  return {
    id: r.id,
    scope: r.scope,
    year: r.year,
    half: r.half,
    ...halfYearPeriod(r.year, r.half),
    version: r.version,
    state: r.state,
    progress: r.progress,
    provisional: r.provisional,
    requestedBy: r.requested_by,
    requestedByName: r.requested_by_name,
    requestedAt: r.requested_at.toISOString(),
    startedAt: r.started_at?.toISOString() ?? null,
    finishedAt: r.finished_at?.toISOString() ?? null,
    error: r.error,
    files: r.files ?? [],
  };
}
