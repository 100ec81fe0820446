import type { FlowBreakdownRow, PeriodFigures, ReportHalf, UnitAssessment } from '@hub/contracts';
import type { ReportNames } from './report-names';

/** Everything a rendered report shows: the dashboard's figures of the period and the names to print. */
export interface ReportContent {
  title: string;
  year: number;
  half: ReportHalf;
  version: number;
  /** built before the half ended (中期) */
  provisional: boolean;
  generatedAt: Date;
  figures: PeriodFigures;
  assessment: UnitAssessment;
  names: ReportNames;
}

export const yuan = (fen: number) => fen / 100;

/** ¥5,000.00 (ui.md: money in yuan with two decimals). */
export function formatYuan(fen: number): string {
  return `¥${yuan(fen).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** Beijing time, YYYY-MM-DD HH:mm. */
export function beijingTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ');
}

export function periodText(c: ReportContent): string {
  return `${c.figures.from} 至 ${c.figures.to}`;
}

/** 数据截至: when the rollups behind the figures were last brought up to date. */
export function asOfText(c: ReportContent): string | null {
  return c.figures.asOf ? beijingTime(new Date(c.figures.asOf)) : null;
}

export function stateText(c: ReportContent): string {
  return c.provisional ? '中期（统计期间尚未结束，数据可能变化）' : '终期';
}

/** The four breakdowns, in the order of the sheets and the PDF's sections. */
export function breakdowns(c: ReportContent): Array<{ title: string; keyHeader: string; rows: FlowBreakdownRow[]; name: (code: string) => string }> {
  const { figures: f, names: n } = c;
  return [
    { title: '按热线', keyHeader: '热线', rows: f.byFeed, name: n.feed },
    { title: '按地区', keyHeader: '地区', rows: f.byRegion, name: n.region },
    { title: '按类别', keyHeader: '类别', rows: f.byCategory, name: n.category },
    { title: '按单位', keyHeader: '单位', rows: f.byUnit, name: n.unit },
  ];
}

/** 概况: the period's totals, label and value (money in fen). */
export function totalLines(f: PeriodFigures): Array<{ label: string; value: number; money?: true }> {
  const t = f.totals;
  return [
    { label: '接收工单', value: t.received },
    { label: '分派', value: t.dispatched },
    { label: '办结', value: t.closed },
    { label: '超期', value: t.overdue },
    { label: '立案处罚', value: t.penalized },
    { label: '移送公安', value: t.transferred },
    { label: '罚款（元）', value: t.fineFen, money: true },
    { label: '没收（元）', value: t.confiscationFen, money: true },
    { label: '罚没款合计（元）', value: t.fineFen + t.confiscationFen, money: true },
    { label: '分拣', value: f.routingQuality.routed },
    { label: '自动分派', value: f.routingQuality.autoRouted },
    { label: '人工更正', value: f.routingQuality.corrected },
  ];
}

export const FLOW_HEADERS = ['接收', '分派', '办结', '超期'] as const;
export const flowValues = (r: FlowBreakdownRow) => [r.received, r.dispatched, r.closed, r.overdue];

/** Rows ranked by what came in, most first. */
export const byReceived = (rows: FlowBreakdownRow[]) => [...rows].sort((a, b) => b.received - a.received || a.key.localeCompare(b.key));
