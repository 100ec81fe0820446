import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { BudgetLine } from '../../api/rewards-types';
import { useI18n } from '../../i18n';
import { formatFen } from '../../lib/money';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Each department's granted budget split into paid, committed and available, as stacked bars. */
export function BudgetBars({ lines, departmentName }: { lines: BudgetLine[]; departmentName: (code: string) => string }) {
  const { t } = useI18n();
  const boxRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const chart = echarts.init(boxRef.current!, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    const names = lines.map((line) => departmentName(line.department));
    const series = (name: string, color: string, pick: (line: BudgetLine) => number) => ({
      name,
      type: 'bar',
      stack: 'budget',
      barMaxWidth: 28,
      itemStyle: { color },
      data: lines.map((line) => Math.max(0, pick(line)) / 100),
    });
    chartRef.current?.setOption(
      {
        animation: false,
        grid: { left: 8, right: 16, top: 30, bottom: 4, containLabel: true },
        legend: { top: 0, itemWidth: 12, itemHeight: 10 },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (yuan: number) => formatFen(Math.round(yuan * 100)) },
        xAxis: { type: 'value', axisLabel: { formatter: (yuan: number) => (yuan >= 10000 ? `${yuan / 10000}万` : String(yuan)) } },
        yAxis: { type: 'category', data: names, inverse: true, axisTick: { show: false } },
        series: [
          series(t('budget.paid'), '#389e0d', (line) => line.paidFen),
          series(t('budget.committed'), '#faad14', (line) => line.committedFen),
          series(t('budget.available'), '#91caff', (line) => line.availableFen),
        ],
      },
      true,
    );
  }, [lines, departmentName, t]);

  return <div ref={boxRef} className="budget-bars" style={{ height: Math.max(160, 44 + lines.length * 34) }} data-testid="budget-chart" />;
}
