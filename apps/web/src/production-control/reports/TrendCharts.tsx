import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Card, SimpleGrid, Text, Title } from '@mantine/core';
import { OVERDUE_AGE_BANDS } from '@baqylau/contracts';
import { useTranslation } from 'react-i18next';
import { useTrends } from './reports.api.ts';
import { useMonthLabel } from './words.tsx';

const SERIES_COLORS = ['teal.6', 'indigo.6', 'orange.6', 'grape.6', 'cyan.6', 'lime.7', 'pink.6', 'yellow.7', 'blue.6', 'red.6'];
const AGE_COLORS = { under_30: 'yellow.6', from_30_to_60: 'orange.6', over_60: 'red.7' } as const;

function ChartCard({ title, testId, children }: { title: string; testId: string; children: React.ReactNode }) {
  return (
    <Card withBorder radius="md" padding="md" data-testid={testId}>
      <Title order={2} size="h5" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/**
 * R315-18 on the head's dashboard, where a picture reads faster than a table: violations by unit and
 * month, the share of measures closed by their deadline, overdue measures by age. Loaded on its own
 * (charts are the heaviest code of the rule set).
 */
export default function TrendCharts({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const label = useMonthLabel();
  const trends = useTrends(orgId);
  const tr = trends.data;
  if (!tr) return null;
  const short = (m: string) => label(m, true);
  const violations = tr.violations.map((v) => ({
    month: short(v.month),
    ...Object.fromEntries(tr.units.map((u) => [u.key, v.byUnit[u.key] ?? 0])),
  }));
  const closure = tr.closure.map((c) => ({ month: short(c.month), rate: c.rate }));
  const ages = OVERDUE_AGE_BANDS.map((b) => ({ band: t(`pc.report.age.${b}`), count: tr.overdueByAge[b], color: AGE_COLORS[b] }));
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }}>
      <ChartCard title={t('pc.report.chart.violations')} testId="chart-violations">
        {tr.units.length ? (
          <BarChart
            h={220}
            data={violations}
            dataKey="month"
            type="stacked"
            series={tr.units.map((u, i) => ({ name: u.key, label: u.label, color: SERIES_COLORS[i % SERIES_COLORS.length]! }))}
            withLegend
            legendProps={{ verticalAlign: 'bottom' }}
          />
        ) : (
          <Text c="dimmed">{t('pc.report.chart.none')}</Text>
        )}
      </ChartCard>
      <ChartCard title={t('pc.report.chart.onTime')} testId="chart-on-time">
        <LineChart
          h={220}
          data={closure}
          dataKey="month"
          series={[{ name: 'rate', label: t('pc.report.chart.onTimeRate'), color: 'teal.7' }]}
          yAxisProps={{ domain: [0, 100] }}
          unit="%"
          connectNulls
          curveType="linear"
        />
      </ChartCard>
      <ChartCard title={t('pc.report.chart.overdueAge')} testId="chart-overdue-age">
        <BarChart h={220} data={ages} dataKey="band" series={[{ name: 'count', label: t('pc.report.chart.measures'), color: 'red.6' }]} />
      </ChartCard>
    </SimpleGrid>
  );
}
