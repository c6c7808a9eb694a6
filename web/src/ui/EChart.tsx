// Apache ECharts in a React element, loaded on demand (lazy) so it stays out of the first load.
// Only the chart types and parts the console draws are registered, to keep the chunk small.
import { useEffect, useRef } from 'react';
import { useComputedColorScheme } from '@mantine/core';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { DatasetComponent, GridComponent, LegendComponent, TooltipComponent, AriaComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([BarChart, LineChart, PieChart, DatasetComponent, GridComponent, LegendComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

export interface EChartProps {
  option: EChartsCoreOption;
  /** What the chart shows, for screen readers (the figure's accessible name). */
  label: string;
  height?: number;
  testId?: string;
}

export default function EChart({ option, label, height = 300, testId }: EChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const scheme = useComputedColorScheme('light');

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current, scheme === 'dark' ? 'dark' : undefined, { renderer: 'canvas' });
    chart.current = instance;
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
      chart.current = null;
    };
  }, [scheme]);

  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true }, backgroundColor: 'transparent', ...option }, { notMerge: true });
  }, [option, scheme]);

  // The series drawn, as data: what a test (or a reader's tool) can check without reading pixels.
  const series = (option as { series?: { name?: string; data?: unknown[] }[] }).series ?? [];
  return (
    <div
      ref={element}
      role="img"
      aria-label={label}
      data-testid={testId}
      data-series={JSON.stringify(series.map((s) => ({ name: s.name, data: s.data })))}
      style={{ width: '100%', height }}
    />
  );
}
