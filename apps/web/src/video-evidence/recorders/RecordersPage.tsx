import { Badge, Button, Chip, Group, Modal, Paper, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DataState } from '../../kernel/components/DataState.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { formatDate } from '../../kernel/format/datetime.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { RegisterRecorderForm } from './RegisterRecorderForm.tsx';
import { STATUS_COLOR } from './recorderStatus.ts';
import { RECORDER_STATUSES, useRecorders, type RecorderStatus } from './recorders.queries.ts';
import { useOrder444Access } from '../access.ts';

/** R444-7: the subdivision's recorders by inventory number, filtered by status with counts. */
export function RecordersPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const order444 = useOrder444Access();
  const orgId = org!.id;
  const [status, setStatus] = useState<RecorderStatus | null>(null);
  const [registering, setRegistering] = useState(false);
  const list = useRecorders(orgId, status);
  const counts = list.data?.counts ?? {};
  const total = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
  return (
    <>
      <PageHeader
        title={t('recorders.title')}
        description={t('recorders.description')}
        actions={order444.keeper && <Button onClick={() => setRegistering(true)}>{t('recorders.register')}</Button>}
      />
      <Chip.Group multiple={false} value={status ?? 'all'} onChange={(v) => setStatus(v === 'all' ? null : (v as RecorderStatus))}>
        <Group gap="xs" mb="md" role="group" aria-label={t('recorders.filter')}>
          <Chip value="all" variant="outline">
            {t('recorders.all', { total })}
          </Chip>
          {RECORDER_STATUSES.map((s) => (
            <Chip key={s} value={s} variant="outline" color={STATUS_COLOR[s]}>
              {t(`recorders.status.${s}`)} · {counts[s] ?? 0}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <Paper withBorder radius="md">
        <DataState query={{ ...list, data: list.data?.items }} empty={t('recorders.empty')}>
          {(rows) => (
            <Table.ScrollContainer minWidth={640}>
              <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('recorders.title')} data-testid="recorders-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('recorders.inventoryNumber')}</Table.Th>
                    <Table.Th>{t('recorders.model')}</Table.Th>
                    <Table.Th>{t('recorders.serialNumber')}</Table.Th>
                    <Table.Th>{t('recorders.statusLabel')}</Table.Th>
                    <Table.Th>{t('recorders.registeredOn')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td fw={600}>
                        <Text component={Link} to={`/app/recorders/devices/${r.id}`} c="teal.8" fw={600} inherit>
                          {r.inventoryNumber}
                        </Text>
                      </Table.Td>
                      <Table.Td>{r.model}</Table.Td>
                      <Table.Td>{r.serialNumber}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={STATUS_COLOR[r.status]} tt="none">
                          {t(`recorders.status.${r.status}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{formatDate(r.createdAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </DataState>
      </Paper>
      <Modal opened={registering} onClose={() => setRegistering(false)} title={t('recorders.registerTitle')} size="md">
        <RegisterRecorderForm orgId={orgId} onDone={() => setRegistering(false)} />
      </Modal>
    </>
  );
}
