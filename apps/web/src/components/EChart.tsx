import { BarChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, CanvasRenderer]);

export type EChartOption = echarts.EChartsCoreOption;

interface EChartProps {
  option: EChartOption;
  height: number;
  testId?: string;
  /** read out by screen readers and tests: what the chart shows, in words */
  label?: string;
}

/**
 * One ECharts instance in a box: created on mount, disposed on unmount, resized with its container
 * (a ResizeObserver, so the side menu folding or the window changing both redraw it). Each new
 * option replaces the previous one whole.
 */
export function EChart({ option, height, testId, label }: EChartProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const box = boxRef.current!;
    const chart = echarts.init(box, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(box);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={boxRef} style={{ height, width: '100%' }} data-testid={testId} role="img" aria-label={label} />;
}
