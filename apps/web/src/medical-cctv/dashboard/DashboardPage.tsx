import { Alert, Anchor, Button, Card, Group, Menu, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DataState } from '../../kernel/components/DataState.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { formatCalendarDate } from '../../kernel/format/datetime.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { useCctvAccess } from '../access.ts';
import { CCTV_HOME } from '../navigation.ts';
import { planUrl, usePlaces, usePlanVersions } from '../premises/premises.queries.ts';
import type { ComplianceRow, Place } from '../shared/cctv.types.ts';
import { floorOf, placeIndex, placePath } from '../shared/placeTree.ts';
import { CctvNotices } from './CctvNotices.tsx';
import { ComplianceTable } from './ComplianceTable.tsx';
import { FloorPlan } from './FloorPlan.tsx';
import { compliancePdfUrl, signPdfUrl, useCompliance, usePinCamera } from './compliance.queries.ts';

function Figure({ label, value, color, testId }: { label: string; value: number; color?: string; testId: string }) {
  return (
    <Card withBorder radius="md" padding="md" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={32} fw={800} c={color}>
        {value}
      </Text>
    </Card>
  );
}

/** The floors worth a plan on the dashboard: those with a plan uploaded or with cameras in service. */
function floorsWithCameras(places: Place[], rows: ComplianceRow[]) {
  const index = placeIndex(places);
  const byFloor = new Map<string, ComplianceRow[]>();
  for (const r of rows) {
    const floor = floorOf(index, r.place.id);
    if (floor) byFloor.set(floor.id, [...(byFloor.get(floor.id) ?? []), r]);
  }
  return places
    .filter((p) => p.kind === 'floor' && !p.removedAt && (p.hasPlan || byFloor.has(p.id)))
    .map((floor) => ({ floor, title: placePath(index, floor.id), rows: byFloor.get(floor.id) ?? [] }))
    .sort((a, b) => a.title.localeCompare(b.title, 'kk', { numeric: true }));
}

/** DSM-335's home: how many cameras meet the Rules today, each floor's plan with its cameras, every camera's verdict. */
export function CctvDashboardPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const access = useCctvAccess();
  const orgId = org!.id;
  const report = useCompliance(orgId);
  const places = usePlaces(orgId);
  const pin = usePinCamera(orgId);
  const versions = usePlanVersions(orgId);
  const r = report.data;
  const floors = useMemo(() => (r && places.data ? floorsWithCameras(places.data, r.cameras) : []), [r, places.data]);

  return (
    <>
      <PageHeader
        title={t('cctv.dashboard.title')}
        description={t('cctv.dashboard.description')}
        actions={
          <>
            <Menu position="bottom-end">
              <Menu.Target>
                <Button variant="default">{t('cctv.dashboard.reportPdf')}</Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item component="a" href={compliancePdfUrl(orgId, 'kk')} download>
                  {t('cctv.pdf.kk')}
                </Menu.Item>
                <Menu.Item component="a" href={compliancePdfUrl(orgId, 'ru')} download>
                  {t('cctv.pdf.ru')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
            <Button component="a" href={signPdfUrl(orgId)} download variant="default" data-testid="sign-pdf">
              {t('cctv.dashboard.signPdf')}
            </Button>
          </>
        }
      />
      {!r ? (
        <DataState query={{ isPending: report.isPending, error: report.error, data: undefined }} empty="">
          {() => null}
        </DataState>
      ) : (
        <Stack gap="lg">
          {r.careTypes.length === 0 && (
            <Alert color="orange" variant="light" title={t('cctv.dashboard.noProfileTitle')}>
              {t('cctv.dashboard.noProfile')}{' '}
              <Anchor component={Link} to={`${CCTV_HOME}/premises`}>
                {t('cctv.nav.premises')}
              </Anchor>
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Figure label={t('cctv.dashboard.total')} value={r.total} testId="figure-total" />
            <Figure label={t('cctv.dashboard.compliant')} value={r.compliant} color="green.8" testId="figure-compliant" />
            <Figure label={t('cctv.dashboard.nonCompliant')} value={r.total - r.compliant} color="red.8" testId="figure-non-compliant" />
          </SimpleGrid>
          {access.notices && <CctvNotices orgId={orgId} />}
          <Text size="sm" c="dimmed">
            {t('cctv.dashboard.basis', { date: formatCalendarDate(r.date) })}{' '}
            {r.careTypes.length > 0 && t('cctv.dashboard.care', { list: r.careTypes.map((c) => t(`common:cctv.care.${c}`)).join('; ') })}
          </Text>
          {floors.map(({ floor, title, rows }) => (
            <Paper key={floor.id} withBorder radius="md" p="md" component="section" aria-label={title}>
              <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
                <Title order={2} size="h4">
                  {title}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('cctv.dashboard.floorCount', {
                    total: rows.length,
                    bad: rows.filter((x) => !x.compliant).length,
                  })}
                </Text>
              </Group>
              {floor.hasPlan ? (
                <FloorPlan
                  floorId={floor.id}
                  title={title}
                  planSrc={planUrl(orgId, floor.id, versions?.[floor.id])}
                  rows={rows}
                  editable={access.keeper}
                  onPin={(id, p) => pin.mutateAsync({ id, ...p })}
                />
              ) : (
                <Text size="sm" c="dimmed">
                  {t('cctv.dashboard.noPlan')}{' '}
                  {access.keeper && (
                    <Anchor component={Link} to={`${CCTV_HOME}/premises`} size="sm">
                      {t('cctv.premises.uploadPlan')}
                    </Anchor>
                  )}
                </Text>
              )}
            </Paper>
          ))}
          <Paper withBorder radius="md">
            <Title order={2} size="h4" p="md" pb={0}>
              {t('cctv.compliance.tableTitle')}
            </Title>
            <DataState query={{ ...report, data: r.cameras }} empty={t('cctv.compliance.empty')}>
              {(rows) => <ComplianceTable rows={rows} />}
            </DataState>
          </Paper>
        </Stack>
      )}
    </>
  );
}
