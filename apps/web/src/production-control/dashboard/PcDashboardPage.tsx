import { Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { usePcAccess } from '../access.ts';
import { PC_HOME } from '../navigation.ts';
import { useDashboard } from '../schedule/schedule.queries.ts';
import { DASHBOARD_CARDS } from './dashboardCards.ts';
import { MonthFigures } from '../reports/MonthFigures.tsx';
import { UnreadNotices } from '../notices/UnreadNotices.tsx';
import { DashboardTechnicalAlerts } from '../technical-devices/TechnicalAlerts.tsx';

const TrendCharts = lazy(() => import('../reports/TrendCharts.tsx'));

function Figure({
  label,
  value,
  color,
  to,
  testId,
}: {
  label: string;
  value: number | undefined;
  color?: string;
  to: string;
  testId: string;
}) {
  return (
    <Card withBorder radius="md" padding="md" component={Link} to={to} data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={32} fw={800} c={color}>
        {value ?? '…'}
      </Text>
    </Card>
  );
}

/** Order 315's home: facilities in service, inspections due in 30 days, overdue ones, and each feature's card. */
export function PcDashboardPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const access = usePcAccess();
  const orgId = org!.id;
  const d = useDashboard(orgId);
  return (
    <>
      <PageHeader
        title={t('nav.productionControl')}
        description={t('nav.productionControl.about')}
        actions={
          access.organise && (
            <Button component={Link} to={`${PC_HOME}/schedule`}>
              {t('pc.nav.schedule')}
            </Button>
          )
        }
      />
      <Stack gap="lg">
        {d.error ? <ErrorAlert error={d.error} /> : null}
        <UnreadNotices orgId={orgId} />
        {access.read && <DashboardTechnicalAlerts orgId={orgId} />}
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          <Figure
            label={t('pc.dashboard.facilities')}
            value={d.data?.facilities}
            to={`${PC_HOME}/facilities`}
            testId="pc-count-facilities"
          />
          <Figure label={t('pc.dashboard.dueSoon')} value={d.data?.dueSoon} to={`${PC_HOME}/schedule`} testId="pc-count-due" />
          <Figure
            label={t('pc.dashboard.overdue')}
            value={d.data?.overdue}
            color={d.data?.overdue ? 'red.8' : undefined}
            to={`${PC_HOME}/schedule`}
            testId="pc-count-overdue"
          />
        </SimpleGrid>
        {access.report && (
          <>
            <MonthFigures orgId={orgId} />
            <Suspense fallback={null}>
              <TrendCharts orgId={orgId} />
            </Suspense>
          </>
        )}
        <Group align="stretch" grow wrap="wrap">
          {DASHBOARD_CARDS.map(({ id, Card: C }) => (
            <C key={id} orgId={orgId} />
          ))}
        </Group>
      </Stack>
    </>
  );
}
