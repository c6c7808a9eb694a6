import { lazy, Suspense } from 'react';
import type { EChartProps } from './EChart.tsx';
import { Loading } from './states.tsx';

const EChart = lazy(() => import('./EChart.tsx'));

export function Chart(props: EChartProps) {
  return (
    <Suspense fallback={<Loading label="Drawing the chart…" />}>
      <EChart {...props} />
    </Suspense>
  );
}
