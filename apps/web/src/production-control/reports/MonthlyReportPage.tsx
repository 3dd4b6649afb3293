import { Alert, Button, Card, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { MonthlyReportFigures } from '@baqylau/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { formatCalendarDate, formatDateTime } from '../../kernel/format/datetime.ts';
import { hasRole } from '../../kernel/shell/access.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { PdfMenu } from '../instructions/words.tsx';
import {
  monthlyReportPdfUrl,
  recentMonths,
  useApproveReport,
  useMonthlyReport,
  usePresentReport,
  type ReportVersion,
} from './reports.api.ts';
import { ReportStateBadge, useMonthLabel } from './words.tsx';

/** The month's last calendar day (yyyy-mm-dd). */
const lastDayOf = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};
const place = (facility: string, unit: string | null) => (unit ? `${facility} — ${unit}` : facility);

function ResultsTable({ f }: { f: MonthlyReportFigures }) {
  const { t } = useTranslation();
  const cells = (l: MonthlyReportFigures['totals']) => [
    l.planned,
    l.inspected.scheduled,
    l.inspected.extraordinary,
    l.inspected.comprehensive,
    l.violationsFound,
    l.dangerousFound,
    l.instructionsIssued,
    l.instructions.on_time,
    l.instructions.overdue,
    l.instructions.closed,
    l.instructions.cancelled,
    l.overdueMeasures,
  ];
  const heads = [
    'col.planned',
    'col.scheduled',
    'col.extraordinary',
    'col.comprehensive',
    'col.violations',
    'col.dangerous',
    'col.issued',
    'state.on_time',
    'state.overdue',
    'state.closed',
    'state.cancelled',
    'col.overdueMeasures',
  ];
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={1100}>
        <Table verticalSpacing="xs" data-testid="report-lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('common:pc.doc.monthly.col.place')}</Table.Th>
              {heads.map((h) => (
                <Table.Th key={h} ta="right">
                  {t(`common:pc.doc.monthly.${h}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {f.lines.map((l) => (
              <Table.Tr key={`${l.facilityId}/${l.unitId ?? ''}`}>
                <Table.Td>{l.unit ? place(l.facility, l.unit) : `${l.facility} (${t('common:pc.doc.monthly.wholeFacility')})`}</Table.Td>
                {cells(l).map((n, i) => (
                  <Table.Td key={i} ta="right" c={i === 8 && n ? 'red.8' : undefined}>
                    {n}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
            <Table.Tr fw={700} data-testid="report-totals">
              <Table.Td>{t('common:pc.doc.monthly.total')}</Table.Td>
              {cells(f.totals).map((n, i) => (
                <Table.Td key={i} ta="right">
                  {n}
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function InstructionsTable({ f }: { f: MonthlyReportFigures }) {
  const { t } = useTranslation();
  if (!f.instructions.length) return <Text c="dimmed">{t('pc.report.noInstructions')}</Text>;
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={800}>
        <Table verticalSpacing="xs" data-testid="report-instructions">
          <Table.Thead>
            <Table.Tr>
              {['number', 'issuedOn', 'place', 'state', 'measures', 'overdueMeasures', 'outcome'].map((c) => (
                <Table.Th key={c}>{t(`common:pc.doc.monthly.col.${c}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {f.instructions.map((i) => (
              <Table.Tr key={i.id} data-testid="report-instruction">
                <Table.Td fw={700}>{i.number}</Table.Td>
                <Table.Td>{formatCalendarDate(i.issuedOn)}</Table.Td>
                <Table.Td>{place(i.facility, i.unit)}</Table.Td>
                <Table.Td>
                  <ReportStateBadge state={i.state} />
                </Table.Td>
                <Table.Td>{i.measures}</Table.Td>
                <Table.Td c={i.overdueMeasures ? 'red.8' : undefined}>{i.overdueMeasures}</Table.Td>
                <Table.Td>
                  {i.closedOn
                    ? t('common:pc.doc.monthly.closedOn', { date: formatCalendarDate(i.closedOn) })
                    : i.cancelOrder
                      ? t('common:pc.doc.monthly.cancelledBy', { order: i.cancelOrder })
                      : ''}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function VersionLine({ v, latest, orgId }: { v: ReportVersion; latest: boolean; orgId: string }) {
  const { t } = useTranslation();
  const { org } = useSession();
  const approve = useApproveReport(orgId);
  return (
    <Group justify="space-between" data-testid={`report-version-${v.version}`}>
      <div>
        <Text fw={700}>{t('pc.report.version', { n: v.version })}</Text>
        <Text size="sm" c="dimmed">
          {t('pc.report.presented', { at: formatDateTime(v.presentedAt), name: v.presentedBy.fullName })}
        </Text>
        {v.approval ? (
          <Text size="sm" c="teal.8" fw={700} data-testid="report-approved">
            {t('pc.report.approved', { at: formatDateTime(v.approval.approvedAt), name: v.approval.approvedBy.fullName })}
          </Text>
        ) : !latest ? (
          <Text size="sm" c="dimmed">
            {t('pc.report.superseded')}
          </Text>
        ) : null}
        <ErrorAlert error={approve.error} />
      </div>
      <Group gap="xs">
        <PdfMenu label={t('pc.report.pdf')} url={(l) => monthlyReportPdfUrl(orgId, v.month, l, v.version)} />
        {latest && !v.approval && hasRole(org, ['head']) && (
          <Button loading={approve.isPending} onClick={() => approve.mutate(v.id)} data-testid="report-approve">
            {t('pc.report.approve')}
          </Button>
        )}
      </Group>
    </Group>
  );
}

/** R315-18: the month's results and every instruction's state; presented by the official, approved by the head; PDF in kk and ru. */
export function MonthlyReportPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const orgId = org!.id;
  const label = useMonthLabel();
  const months = recentMonths(24);
  const [month, setMonth] = useState(months[1]!);
  const report = useMonthlyReport(orgId, month);
  const present = usePresentReport(orgId);
  const f = report.data?.figures;
  const versions = report.data?.versions ?? [];
  const running = month === months[0];
  return (
    <>
      <PageHeader
        title={t('pc.report.title')}
        description={t('pc.report.description')}
        actions={
          <Group gap="xs">
            <Select
              aria-label={t('pc.report.month')}
              data={months.map((m) => ({ value: m, label: label(m) }))}
              value={month}
              onChange={(v) => v && setMonth(v)}
              allowDeselect={false}
              data-testid="report-month"
            />
            {!versions.length && (
              <PdfMenu label={t('pc.report.draftPdf')} url={(l) => monthlyReportPdfUrl(orgId, month, l)} testId="report-pdf" />
            )}
          </Group>
        }
      />
      <Stack gap="lg">
        <ErrorAlert error={report.error ?? present.error} />
        {f && (
          <>
            <Text size="sm" c="dimmed">
              {running
                ? t('pc.report.running', { at: formatDateTime(f.asOf) })
                : t('pc.report.asOf', { date: formatCalendarDate(lastDayOf(month)) })}
            </Text>
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              {(['on_time', 'overdue', 'closed', 'cancelled'] as const).map((s) => (
                <Card key={s} withBorder padding="sm" data-testid={`report-count-${s}`}>
                  <Text size="sm" c="dimmed">
                    {t(`common:pc.doc.monthly.state.${s}`)}
                  </Text>
                  <Text fz={28} fw={800} c={s === 'overdue' && f.totals.instructions[s] ? 'red.8' : undefined}>
                    {f.totals.instructions[s]}
                  </Text>
                </Card>
              ))}
            </SimpleGrid>
            <Card withBorder radius="md">
              <Stack gap="sm">
                <Title order={2} size="h4">
                  {t('pc.report.versions')}
                </Title>
                {versions.length === 0 && <Text c="dimmed">{t('pc.report.notPresented')}</Text>}
                {versions.map((v, i) => (
                  <VersionLine key={v.id} v={v} latest={i === 0} orgId={orgId} />
                ))}
                {hasRole(org, ['pc_service_head', 'pc_official']) &&
                  (running ? (
                    <Alert variant="light" color="gray">
                      {t('pc.report.notOver')}
                    </Alert>
                  ) : (
                    <Button
                      style={{ alignSelf: 'flex-start' }}
                      loading={present.isPending}
                      onClick={() => present.mutate(month)}
                      data-testid="report-present"
                    >
                      {versions.length ? t('pc.report.presentAgain') : t('pc.report.present')}
                    </Button>
                  ))}
              </Stack>
            </Card>
            <Title order={2} size="h4">
              {t('common:pc.doc.monthly.results')}
            </Title>
            <ResultsTable f={f} />
            <Text size="sm">
              {t('common:pc.doc.monthly.overdueByAge', {
                under30: f.overdueByAge.under_30,
                from30to60: f.overdueByAge.from_30_to_60,
                over60: f.overdueByAge.over_60,
              })}
            </Text>
            <Title order={2} size="h4">
              {t('common:pc.doc.monthly.instructions', { n: f.instructions.length })}
            </Title>
            <InstructionsTable f={f} />
          </>
        )}
      </Stack>
    </>
  );
}
