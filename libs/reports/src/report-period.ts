import type { ReportFormat, ReportHalf } from '@hub/contracts';

export interface ReportPeriod {
  /** YYYY-MM-DD, both ends included, Beijing days */
  from: string;
  to: string;
}

/** H1: 1 January–30 June; H2: 1 July–31 December. */
export function halfYearPeriod(year: number, half: ReportHalf): ReportPeriod {
  return half === 'H1' ? { from: `${year}-01-01`, to: `${year}-06-30` } : { from: `${year}-07-01`, to: `${year}-12-31` };
}

/** The Beijing calendar day of an instant. */
export function beijingDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/** A half whose last day has not passed in Beijing is provisional (中期): its figures may still change. */
export function isProvisional(period: ReportPeriod, now: Date): boolean {
  return beijingDay(now) <= period.to;
}

/** A half that has not begun has nothing to report. */
export function hasBegun(period: ReportPeriod, now: Date): boolean {
  return beijingDay(now) >= period.from;
}

export const HALF_NAMES: Readonly<Record<ReportHalf, string>> = { H1: '上半年', H2: '下半年' };

/** 吉林省打击侵权假冒举报投诉 2026年上半年工作报告 */
export function reportTitle(scopeName: string, year: number, half: ReportHalf): string {
  return `${scopeName}打击侵权假冒举报投诉 ${year}年${HALF_NAMES[half]}工作报告`;
}

/** The download's name: the title, the version after the first, 中期 when provisional. */
export function reportFileName(title: string, version: number, provisional: boolean, format: ReportFormat): string {
  const parts = [title.replace(/\s+/g, ''), provisional ? '（中期）' : '', version > 1 ? `-第${version}版` : ''];
  return `${parts.join('')}.${format}`;
}

export const REPORT_MIME: Readonly<Record<ReportFormat, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** RFC 6266/5987: an ASCII fallback and the UTF-8 name for every browser that reads `filename*`. */
export function contentDisposition(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const fallback = `report${dot >= 0 ? fileName.slice(dot) : ''}`;
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
