/**
 * Half-year reports (每半年上报, 半年工作报告): one run builds the XLSX and the PDF of a scope
 * (the province, or one unit) and half year, in the worker, with progress. Import-free.
 */

/** H1: 1 January–30 June; H2: 1 July–31 December (Beijing time). */
export const REPORT_HALVES = ['H1', 'H2'] as const;
export type ReportHalf = (typeof REPORT_HALVES)[number];

/** The whole province, or a unit code (DEPT@REGION). */
export const PROVINCE_SCOPE = 'PROVINCE';

export const REPORT_STATES = ['QUEUED', 'RUNNING', 'DONE', 'FAILED'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export const REPORT_FORMATS = ['xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** One run, as GET /api/v1/reports and /reports/{id} answer and the `report.progress` event carries. */
export interface ReportRunView {
  id: string;
  scope: string;
  year: number;
  half: ReportHalf;
  /** the period, YYYY-MM-DD both ends included */
  from: string;
  to: string;
  /** 1 for the first run of its scope and half, then 2, 3 … */
  version: number;
  state: ReportState;
  /** 0–100 */
  progress: number;
  /** built before the half ended (中期): the figures may still change */
  provisional: boolean;
  requestedBy: string;
  requestedByName: string;
  requestedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  /** the files, once DONE */
  files: Array<{ format: ReportFormat; fileName: string; sizeBytes: number }>;
}

/** POST /api/v1/reports */
export interface ReportRequest {
  scope: string;
  year: number;
  half: ReportHalf;
}

/** Live over `/console` to the one who asked: every step of the build. */
export const REPORT_PROGRESS_EVENT = 'report.progress';
