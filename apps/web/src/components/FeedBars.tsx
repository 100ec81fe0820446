import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTaxonomy } from '../context/TaxonomyContext';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export function FeedBars({ byFeed }: { byFeed: Record<string, number> }) {
  const { taxonomy, feedName } = useTaxonomy();
  const boxRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const chart = echarts.init(boxRef.current!, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    return () => {
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    const feeds = Array.from(new Set([...Object.keys(taxonomy.feeds), ...Object.keys(byFeed)]));
    chartRef.current?.setOption({
      animation: false,
      grid: { left: 2, right: 2, top: 12, bottom: 14 },
      tooltip: { trigger: 'axis', confine: true, formatter: (params: { dataIndex: number }[]) => `${feedName(feeds[params[0].dataIndex])}: ${byFeed[feeds[params[0].dataIndex]] ?? 0}` },
      xAxis: { type: 'category', data: feeds.map((code) => (/^\d+$/.test(code) ? code : feedName(code).slice(0, 2))), axisLabel: { fontSize: 9, interval: 0, margin: 3 }, axisTick: { show: false } },
      yAxis: { type: 'value', show: false },
      series: [{ type: 'bar', data: feeds.map((code) => byFeed[code] ?? 0), barMaxWidth: 14, itemStyle: { color: '#1f5fbf' }, label: { show: true, position: 'top', fontSize: 9, distance: 1 } }],
    });
  }, [byFeed, taxonomy, feedName]);

  return <div ref={boxRef} className="feed-bars" />;
}
