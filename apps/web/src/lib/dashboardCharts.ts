import type { FlowBreakdownRow, PeriodFigures } from '@hub/contracts';
import type { EChartOption } from '../components/EChart';
import type { Translate } from '../i18n';

/** One colour per figure on every chart of the dashboard. */
export const FLOW_COLORS = { received: '#1f5fbf', dispatched: '#13a8a8', closed: '#389e0d', overdue: '#cf1322' } as const;
const FLOW_KEYS = ['received', 'dispatched', 'closed', 'overdue'] as const;

/** Units shown in the unit chart. */
export const TOP_UNITS = 10;

const AXIS_LABEL = { fontSize: 11, color: '#595959' };
const TOOLTIP = { trigger: 'axis', confine: true } as const;
const LEGEND = { top: 0, itemWidth: 14, itemHeight: 8, textStyle: { fontSize: 11 } };

const shortDay = (day: string) => day.slice(5);

/** Received, dispatched, closed and overdue per day. */
export function flowOption(f: PeriodFigures, t: Translate): EChartOption {
  return {
    animation: false,
    legend: LEGEND,
    tooltip: TOOLTIP,
    grid: { left: 40, right: 16, top: 32, bottom: f.series.length > 62 ? 48 : 24 },
    xAxis: { type: 'category', data: f.series.map((p) => shortDay(p.day)), axisLabel: AXIS_LABEL, boundaryGap: false },
    yAxis: { type: 'value', minInterval: 1, axisLabel: AXIS_LABEL },
    dataZoom: f.series.length > 62 ? [{ type: 'slider', height: 16, bottom: 4 }] : [],
    series: FLOW_KEYS.map((key) => ({
      name: t(`dashboard.series.${key}`),
      type: 'line',
      showSymbol: f.series.length <= 31,
      symbolSize: 5,
      data: f.series.map((p) => p[key]),
      itemStyle: { color: FLOW_COLORS[key] },
      lineStyle: { width: 2 },
    })),
  };
}

/**
 * A ranked bar chart (largest on top) of received, dispatched and closed, or of `keys`; `name` turns a
 * code into what people call it.
 */
export function rankedOption(rows: FlowBreakdownRow[], name: (key: string) => string, t: Translate, keys: ReadonlyArray<(typeof FLOW_KEYS)[number]> = ['received', 'dispatched', 'closed']): EChartOption {
  const sorted = [...rows].sort((a, b) => b[keys[0]] - a[keys[0]] || b.closed - a.closed);
  return {
    animation: false,
    legend: LEGEND,
    tooltip: { ...TOOLTIP, axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 28, top: 28, bottom: 4, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel: AXIS_LABEL },
    yAxis: { type: 'category', inverse: true, data: sorted.map((r) => name(r.key)), axisLabel: { ...AXIS_LABEL, width: 120, overflow: 'truncate' } },
    series: keys.map((key) => ({
      name: t(`dashboard.series.${key}`),
      type: 'bar',
      data: sorted.map((r) => r[key]),
      itemStyle: { color: FLOW_COLORS[key] },
      barMaxWidth: 12,
      label: { show: sorted.length <= 12, position: 'right', fontSize: 10, formatter: ({ value }: { value: number }) => (value ? String(value) : '') },
    })),
  };
}

/** Routed per day with the operators' corrections (bars), and the share routed with no operator (line, right axis). */
export function routingOption(f: PeriodFigures, t: Translate): EChartOption {
  const series = f.routingQuality.series;
  return {
    animation: false,
    legend: LEGEND,
    tooltip: TOOLTIP,
    grid: { left: 40, right: 44, top: 32, bottom: 24 },
    xAxis: { type: 'category', data: series.map((p) => shortDay(p.day)), axisLabel: AXIS_LABEL },
    yAxis: [
      { type: 'value', minInterval: 1, axisLabel: AXIS_LABEL },
      { type: 'value', min: 0, max: 100, axisLabel: { ...AXIS_LABEL, formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      { name: t('dashboard.series.routed'), type: 'bar', data: series.map((p) => p.routed), itemStyle: { color: '#91caff' }, barMaxWidth: 10 },
      { name: t('dashboard.series.corrected'), type: 'bar', data: series.map((p) => p.corrected), itemStyle: { color: '#fa8c16' }, barMaxWidth: 10 },
      {
        name: t('dashboard.series.autoShare'),
        type: 'line',
        yAxisIndex: 1,
        connectNulls: true,
        showSymbol: series.length <= 31,
        data: series.map((p) => (p.routed ? Math.round((1000 * p.autoRouted) / p.routed) / 10 : null)),
        itemStyle: { color: '#722ed1' },
        tooltip: { valueFormatter: (v: number | null) => (v === null ? '—' : `${v}%`) },
      },
    ],
  };
}

export function percent(part: number, whole: number): string {
  return whole ? `${Math.round((1000 * part) / whole) / 10}%` : '—';
}
