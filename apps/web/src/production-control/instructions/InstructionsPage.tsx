import { Group, Paper, SegmentedControl, Select, Switch, Table, Text } from '@mantine/core';
import type { InstructionStatus } from '@baqylau/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DataState } from '../../kernel/components/DataState.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { formatCalendarDate } from '../../kernel/format/datetime.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { PC_HOME } from '../navigation.ts';
import { useInstructions } from './instructions.api.ts';
import { InstructionStatusBadge } from './words.tsx';

/** R315-15, R315-16: the instructions, newest first, filtered by status, unit and overdue. */
export function InstructionsPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const orgId = org!.id;
  const [status, setStatus] = useState<InstructionStatus | 'all'>('issued');
  const [unitId, setUnitId] = useState<string | undefined>();
  const [overdue, setOverdue] = useState(false);
  const list = useInstructions(orgId, { status: status === 'all' ? undefined : status, unitId, overdue: overdue || undefined });
  // The units that have instructions at all: the unit filter's choices.
  const all = useInstructions(orgId, {});
  const units = [
    ...new Map((all.data ?? []).flatMap((r) => (r.unit ? [[r.unit.id, `${r.facility.name} · ${r.unit.name}`] as const] : []))).entries(),
  ].map(([value, label]) => ({ value, label }));
  return (
    <>
      <PageHeader title={t('pc.instr.listTitle')} description={t('pc.instr.listDescription')} />
      <Group mb="md" gap="md" wrap="wrap">
        <SegmentedControl
          value={status}
          onChange={(v) => setStatus(v as InstructionStatus | 'all')}
          data={[
            { value: 'issued', label: t('common:pc.instr.status.issued') },
            { value: 'closed', label: t('pc.instr.filterClosed') },
            { value: 'cancelled', label: t('pc.instr.filterCancelled') },
            { value: 'all', label: t('pc.instr.filterAll') },
          ]}
        />
        <Switch
          label={t('pc.instr.filterOverdue')}
          checked={overdue}
          onChange={(e) => setOverdue(e.currentTarget.checked)}
          data-testid="filter-overdue"
        />
        <Select
          aria-label={t('pc.instr.unit')}
          placeholder={t('pc.instr.filterUnitClear')}
          data={units}
          value={unitId ?? null}
          onChange={(v) => setUnitId(v ?? undefined)}
          clearable
          searchable
          w={320}
          data-testid="filter-unit"
        />
      </Group>
      <Paper withBorder radius="md">
        <DataState query={list} empty={t('pc.instr.listEmpty')}>
          {(rows) => (
            <Table.ScrollContainer minWidth={760}>
              <Table striped highlightOnHover verticalSpacing="sm" data-testid="instructions-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('pc.instr.number')}</Table.Th>
                    <Table.Th>{t('pc.instr.issuedOn')}</Table.Th>
                    <Table.Th>{t('pc.instr.unit')}</Table.Th>
                    <Table.Th>{t('pc.instr.progress')}</Table.Th>
                    <Table.Th>{t('pc.instr.nextDeadline')}</Table.Th>
                    <Table.Th>{t('pc.instr.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.id} data-testid={`instruction-row-${r.number}`}>
                      <Table.Td>
                        <Text
                          component={Link}
                          to={`${PC_HOME}/instructions/${r.id}`}
                          c="teal.8"
                          fw={700}
                          inherit
                          style={{ whiteSpace: 'nowrap' }}
                        >
                          № {r.number}
                        </Text>
                      </Table.Td>
                      <Table.Td>{formatCalendarDate(r.issuedOn)}</Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {r.facility.name}
                          {r.unit ? ` · ${r.unit.name}` : ''}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {r.unitHead?.fullName}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {t('pc.instr.verifiedOf', { verified: r.verified, total: r.items })}
                        {r.overdue > 0 && (
                          <Text size="xs" c="red.8" fw={700}>
                            {t('pc.instr.overdueItems', { n: r.overdue })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{r.nextDeadline ? formatCalendarDate(r.nextDeadline) : '—'}</Table.Td>
                      <Table.Td>
                        <InstructionStatusBadge status={r.status} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </DataState>
      </Paper>
    </>
  );
}
