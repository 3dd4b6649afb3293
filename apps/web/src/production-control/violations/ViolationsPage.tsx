import { Badge, Button, Checkbox, Group, Paper, Select, Table, Text, TextInput } from '@mantine/core';
import { SEVERITIES, VIOLATION_STATUSES, type Severity, type ViolationStatus } from '@baqylau/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { formatCalendarDate, formatDate } from '../../kernel/format/datetime.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { PC_HOME } from '../navigation.ts';
import { SeverityBadge, ViolationStatusBadge } from '../shared/Words.tsx';
import { useViolations, type ViolationFilter } from './violations.queries.ts';

/** R315-27: every violation, filtered by status, severity, danger, overdue and text, newest first. */
export function ViolationsPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const [f, setF] = useState<ViolationFilter>({});
  const [pages, setPages] = useState<string[]>([]);
  const list = useViolations(org!.id, { ...f, cursor: pages.at(-1) });
  const set = (patch: Partial<ViolationFilter>) => {
    setPages([]);
    setF((x) => ({ ...x, ...patch }));
  };
  return (
    <>
      <PageHeader title={t('pc.violations.title')} description={t('pc.violations.description')} />
      <Group mb="md" gap="sm" align="flex-end" wrap="wrap" data-testid="violation-filters">
        <Select
          label={t('pc.violation.status')}
          clearable
          value={f.status ?? null}
          onChange={(v) => set({ status: (v as ViolationStatus) ?? undefined })}
          data={VIOLATION_STATUSES.map((s) => ({ value: s, label: t(`common:pc.violationStatus.${s}`) }))}
        />
        <Select
          label={t('pc.violation.severity')}
          clearable
          value={f.severity ?? null}
          onChange={(v) => set({ severity: (v as Severity) ?? undefined })}
          data={SEVERITIES.map((s) => ({ value: s, label: t(`common:pc.severity.${s}`) }))}
        />
        <TextInput label={t('pc.violations.search')} value={f.text ?? ''} onChange={(e) => set({ text: e.currentTarget.value })} />
        <Checkbox
          label={t('pc.violation.dangerous')}
          checked={f.dangerous === true}
          onChange={(e) => set({ dangerous: e.currentTarget.checked || undefined })}
        />
        <Checkbox
          label={t('pc.violation.overdue')}
          checked={f.overdue === true}
          onChange={(e) => set({ overdue: e.currentTarget.checked || undefined })}
        />
      </Group>
      <Paper withBorder radius="md">
        {list.error ? (
          <ErrorAlert error={list.error} />
        ) : !list.data?.items.length ? (
          <Text c="dimmed" p="md" ta="center">
            {list.isPending ? t('loading') : t('pc.violations.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={820}>
            <Table striped highlightOnHover verticalSpacing="sm" data-testid="violations-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('pc.violation.foundAt')}</Table.Th>
                  <Table.Th>{t('pc.violation.description')}</Table.Th>
                  <Table.Th>{t('pc.inspection.facility')}</Table.Th>
                  <Table.Th>{t('pc.violation.severity')}</Table.Th>
                  <Table.Th>{t('pc.violation.status')}</Table.Th>
                  <Table.Th>{t('pc.violation.due')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((v) => (
                  <Table.Tr key={v.id}>
                    <Table.Td>{formatDate(v.foundAt)}</Table.Td>
                    <Table.Td>
                      <Text component={Link} to={`${PC_HOME}/violations/${v.id}`} c="teal.8" fw={600} inherit>
                        {v.description}
                      </Text>
                      {v.dangerous && (
                        <Badge color="red" ml="xs">
                          {t('pc.violation.dangerous')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {v.facilityName}
                      {v.unitName && (
                        <Text size="xs" c="dimmed">
                          {v.unitName}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <SeverityBadge severity={v.severity} />
                    </Table.Td>
                    <Table.Td>
                      <ViolationStatusBadge status={v.status} />
                    </Table.Td>
                    <Table.Td c={v.overdue ? 'red' : undefined} fw={v.overdue ? 700 : undefined}>
                      {v.dueOn ? formatCalendarDate(v.dueOn) : '—'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <Group mt="md">
        <Button variant="default" disabled={!pages.length} onClick={() => setPages((p) => p.slice(0, -1))}>
          {t('pc.violations.previous')}
        </Button>
        <Button variant="default" disabled={!list.data?.next} onClick={() => list.data?.next && setPages((p) => [...p, list.data!.next!])}>
          {t('pc.violations.next')}
        </Button>
      </Group>
    </>
  );
}
