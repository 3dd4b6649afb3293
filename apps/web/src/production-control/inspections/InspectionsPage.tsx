import { Badge, Button, Paper, SegmentedControl, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DataState } from '../../kernel/components/DataState.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { formatDateTime } from '../../kernel/format/datetime.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { usePcAccess } from '../access.ts';
import { PC_HOME } from '../navigation.ts';
import { useInspections } from './inspections.queries.ts';

/** Inspections, newest first: in progress ones lead to the item-by-item page, completed ones to their record. */
export function InspectionsPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const access = usePcAccess();
  const [status, setStatus] = useState<'all' | 'in_progress' | 'completed'>('all');
  const list = useInspections(org!.id, status === 'all' ? undefined : status);
  return (
    <>
      <PageHeader
        title={t('pc.inspections.title')}
        description={t('pc.inspections.description')}
        actions={
          (access.inspect || access.firstHead) && (
            <Button component={Link} to={`${PC_HOME}/inspections/start`} data-testid="start-inspection">
              {t('pc.inspections.start')}
            </Button>
          )
        }
      />
      <SegmentedControl
        mb="md"
        value={status}
        onChange={(v) => setStatus(v as typeof status)}
        data={[
          { value: 'all', label: t('pc.inspections.all') },
          { value: 'in_progress', label: t('pc.inspection.status.in_progress') },
          { value: 'completed', label: t('pc.inspection.status.completed') },
        ]}
      />
      <Paper withBorder radius="md">
        <DataState query={list} empty={t('pc.inspections.empty')}>
          {(rows) => (
            <Table.ScrollContainer minWidth={760}>
              <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('pc.inspections.title')} data-testid="inspections-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('pc.inspection.startedAt')}</Table.Th>
                    <Table.Th>{t('pc.inspection.kind')}</Table.Th>
                    <Table.Th>{t('pc.inspection.facility')}</Table.Th>
                    <Table.Th>{t('pc.inspection.official')}</Table.Th>
                    <Table.Th>{t('pc.inspection.statusLabel')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((i) => (
                    <Table.Tr key={i.id} data-testid={`inspection-row-${i.id}`}>
                      <Table.Td>
                        <Text component={Link} to={`${PC_HOME}/inspections/${i.id}`} c="teal.8" fw={700} inherit>
                          {formatDateTime(i.startedAt)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {t(`common:pc.inspectionKind.${i.kind}`)}
                        {i.orderNumber && (
                          <Text size="xs" c="dimmed">
                            {t('pc.inspection.byOrder', { number: i.orderNumber })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {i.facilityName}
                        {i.unitName && (
                          <Text size="xs" c="dimmed">
                            {i.unitName}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{i.officialName}</Table.Td>
                      <Table.Td>
                        <Badge color={i.status === 'completed' ? 'green' : 'blue'} variant="light">
                          {t(`pc.inspection.status.${i.status}`)}
                        </Badge>
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
