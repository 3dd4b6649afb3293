import { Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PC_HOME } from '../navigation.ts';
import { monthOf, useMonthlyReport } from './reports.api.ts';
import { useMonthLabel } from './words.tsx';

/** The head's dashboard: this month's figures live, the same numbers the monthly report counts (R315-18). */
export function MonthFigures({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const label = useMonthLabel();
  const month = monthOf(new Date());
  const report = useMonthlyReport(orgId, month);
  const f = report.data?.figures;
  if (!f) return null;
  const figures: [string, number, string?][] = [
    [t('common:pc.doc.monthly.col.violations'), f.totals.violationsFound],
    [t('common:pc.doc.monthly.col.issued'), f.totals.instructionsIssued],
    [t('common:pc.doc.monthly.state.on_time'), f.totals.instructions.on_time],
    [t('common:pc.doc.monthly.state.overdue'), f.totals.instructions.overdue, f.totals.instructions.overdue ? 'red.8' : undefined],
    [t('common:pc.doc.monthly.state.closed'), f.totals.instructions.closed],
    [t('common:pc.doc.monthly.state.cancelled'), f.totals.instructions.cancelled],
  ];
  return (
    <Card withBorder radius="md" padding="md" data-testid="pc-month-figures">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('pc.report.thisMonth', { month: label(month) })}
        </Title>
        <Text component={Link} to={`${PC_HOME}/reports/monthly`} c="teal.8" fw={700} size="sm">
          {t('pc.report.open')}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
        {figures.map(([name, n, color]) => (
          <div key={name}>
            <Text size="xs" c="dimmed">
              {name}
            </Text>
            <Text fz={24} fw={800} c={color}>
              {n}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Card>
  );
}
