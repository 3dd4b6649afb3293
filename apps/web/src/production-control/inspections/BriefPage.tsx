import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { PageLoader } from '../../kernel/components/PageLoader.tsx';
import { formatCalendarDate, formatDate, formatDateTime } from '../../kernel/format/datetime.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { PC_HOME } from '../navigation.ts';
import type { BriefViolation } from '../shared/pc.types.ts';
import { SeverityBadge, ViolationStatusBadge, referenceText } from '../shared/Words.tsx';
import { useBrief } from './inspections.queries.ts';

/** R315-9: what the official reads before inspecting — conditions, previous results, open and eliminated violations (re-checked next, R315-14). */
export function BriefPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const { inspectionId } = useParams();
  const [params] = useSearchParams();
  const brief = useBrief(org!.id, {
    inspectionId,
    facilityId: params.get('facilityId') ?? undefined,
    unitId: params.get('unitId') ?? undefined,
  });
  if (brief.error) return <ErrorAlert error={brief.error} />;
  if (!brief.data) return <PageLoader />;
  const b = brief.data;
  return (
    <>
      <PageHeader
        title={t('pc.brief.title')}
        description={b.unit ? `${b.facility.name} — ${b.unit.name}` : b.facility.name}
        actions={
          inspectionId && (
            <Button component={Link} to={`${PC_HOME}/inspections/${inspectionId}`} data-testid="go-to-items">
              {t('pc.brief.toItems')}
            </Button>
          )
        }
      />
      <Stack gap="lg">
        {b.briefSeenAt && (
          <Text size="sm" c="dimmed" data-testid="brief-seen">
            {t('pc.brief.seenAt', { at: formatDateTime(b.briefSeenAt) })}
          </Text>
        )}
        <Paper withBorder radius="md" p="md">
          <Stack gap="xs">
            <Text size="sm">{t('pc.brief.registration', { number: b.facility.registrationNumber, address: b.facility.address })}</Text>
            <Group gap={6}>
              {b.facility.hazardFeatures.map((h) => (
                <Badge key={h} variant="outline" color="orange">
                  {t(`common:pc.hazardFeature.${h}`)}
                </Badge>
              ))}
            </Group>
            <Alert color="yellow" variant="light" title={t('pc.brief.conditions')} data-testid="safe-conditions">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {b.facility.safeOperationConditions || '—'}
              </Text>
            </Alert>
          </Stack>
        </Paper>
        <ViolationTable title={t('pc.brief.open', { count: b.openViolations.length })} rows={b.openViolations} testId="brief-open" />
        <ViolationTable
          title={t('pc.brief.eliminated', { count: b.eliminatedSince.length })}
          rows={b.eliminatedSince}
          testId="brief-eliminated"
        />
        <Paper withBorder radius="md" p="md">
          <Title order={2} size="h4" mb="sm">
            {t('pc.brief.previous')}
          </Title>
          {b.previous.length === 0 ? (
            <Text c="dimmed">{t('pc.brief.noPrevious')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={600}>
              <Table verticalSpacing="xs" data-testid="brief-previous">
                <Table.Tbody>
                  {b.previous.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>{formatDate(p.startedAt)}</Table.Td>
                      <Table.Td>{t(`common:pc.inspectionKind.${p.kind}`)}</Table.Td>
                      <Table.Td>{p.official}</Table.Td>
                      <Table.Td>{t('pc.brief.counts', { items: p.items, violations: p.violations, dangerous: p.dangerous })}</Table.Td>
                      <Table.Td>{p.conclusion}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      </Stack>
    </>
  );
}

function ViolationTable({ title, rows, testId }: { title: string; rows: BriefViolation[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('pc.brief.none')}</Text>
      ) : (
        <Stack gap="xs">
          {rows.map((v) => (
            <Paper key={v.id} withBorder p="sm" radius="sm" bg={v.overdue ? 'red.0' : undefined}>
              <Group gap="xs" mb={4}>
                <ViolationStatusBadge status={v.status} />
                <SeverityBadge severity={v.severity} />
                {v.dangerous && <Badge color="red">{t('pc.violation.dangerous')}</Badge>}
                {v.overdue && (
                  <Badge color="red" variant="filled">
                    {t('pc.violation.overdue')}
                  </Badge>
                )}
              </Group>
              <Text component={Link} to={`${PC_HOME}/violations/${v.id}`} size="sm" fw={600} c="teal.8">
                {v.description}
              </Text>
              <Text size="xs" c="dimmed">
                {referenceText(v.reference, t)} · {t('pc.violation.foundOn', { date: formatDate(v.foundAt) })}
                {v.dueOn && ` · ${t('pc.violation.dueOn', { date: formatCalendarDate(v.dueOn) })}`}
                {v.verifiedAt && ` · ${t('pc.violation.verifiedOn', { date: formatDate(v.verifiedAt) })}`}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
