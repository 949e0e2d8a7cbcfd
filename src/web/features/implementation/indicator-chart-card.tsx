import { Skeleton } from '@mantine/core';
import { type ComponentProps, lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

const IndicatorChart = lazy(() => import('./indicator-chart.tsx'));

/**
 * An indicator's measurements against its baseline and target, named for screen readers; ECharts loads only when
 * there is something to draw.
 */
export function IndicatorChartCard({ indicator }: { indicator: ComponentProps<typeof IndicatorChart>['indicator'] }) {
  const { t } = useTranslation();
  if (indicator.measurements.length === 0) return null;
  return (
    <Suspense fallback={<Skeleton height={220} />}>
      <IndicatorChart
        indicator={indicator}
        label={t('implementation.indicators.chartLabel', { name: indicator.name })}
        baselineLabel={t('implementation.indicators.baseline')}
        targetLabel={t('implementation.indicators.target')}
      />
    </Suspense>
  );
}
