import { Badge, Button, Modal, Table, Text } from '@mantine/core';
import type { AccidentStatus } from '@baqylau/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { DataState } from '../../kernel/components/DataState.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { formatDateTime } from '../../kernel/format/datetime.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { usePcAccess } from '../access.ts';
import { PC_HOME } from '../navigation.ts';
import { useAccidents } from './accidents.queries.ts';
import { RegisterAccidentForm } from './RegisterAccidentForm.tsx';

export const STATUS_COLOR: Record<AccidentStatus, string> = { registered: 'red', under_investigation: 'orange', investigated: 'green' };

/** R315-4: the register of accidents, incidents and accident-caused injuries, newest first. */
export function AccidentsPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const access = usePcAccess();
  const navigate = useNavigate();
  const list = useAccidents(org!.id);
  const [open, setOpen] = useState(false);
  return (
    <>
      <PageHeader
        title={t('pc.accidents.title')}
        description={t('pc.accidents.description')}
        actions={
          access.inspect && (
            <Button onClick={() => setOpen(true)} data-testid="register-accident">
              {t('pc.accidents.register')}
            </Button>
          )
        }
      />
      <DataState query={list} empty={t('pc.accidents.empty')}>
        {(rows) => (
          <Table striped highlightOnHover data-testid="accidents">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('pc.accidents.number')}</Table.Th>
                <Table.Th>{t('common:pc.regField.kind')}</Table.Th>
                <Table.Th>{t('common:pc.regField.occurredAt')}</Table.Th>
                <Table.Th>{t('common:pc.regField.facilityId')}</Table.Th>
                <Table.Th>{t('common:pc.regField.description')}</Table.Th>
                <Table.Th>{t('pc.accidents.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Text component={Link} to={`${PC_HOME}/accidents/${a.id}`} c="teal.8" fw={600}>
                      {a.number}
                    </Text>
                  </Table.Td>
                  <Table.Td>{t(`pc.accidents.kind.${a.kind}`)}</Table.Td>
                  <Table.Td>{formatDateTime(a.occurredAt)}</Table.Td>
                  <Table.Td>
                    {a.facilityName}
                    {a.unitName && ` — ${a.unitName}`}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>
                      {a.description}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[a.status]} variant="light">
                      {t(`common:pc.accidentStatus.${a.status}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </DataState>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('pc.accidents.register')} size="lg">
        <RegisterAccidentForm orgId={org!.id} onDone={(id) => navigate(`${PC_HOME}/accidents/${id}`)} onCancel={() => setOpen(false)} />
      </Modal>
    </>
  );
}
