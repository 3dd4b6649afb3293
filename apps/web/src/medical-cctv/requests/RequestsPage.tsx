import { Button, Modal, Paper, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DataState } from '../../kernel/components/DataState.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { formatCalendarDate } from '../../kernel/format/datetime.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { useCctvAccess } from '../access.ts';
import { useCameras } from '../cameras/cameras.queries.ts';
import { CCTV_HOME } from '../navigation.ts';
import { usePlaces } from '../premises/premises.queries.ts';
import { ReceiveRequestForm } from './ReceiveRequestForm.tsx';
import { RequestStateBadge } from './RequestStateBadge.tsx';
import { useRequests } from './requests.queries.ts';

/** R335-3: applications for a deceased patient's recordings, newest first, with their state. */
export function RequestsPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const access = useCctvAccess();
  const orgId = org!.id;
  const requests = useRequests(orgId);
  const places = usePlaces(orgId);
  const cameras = useCameras(orgId);
  const [receiving, setReceiving] = useState(false);

  return (
    <>
      <PageHeader
        title={t('cctv.requests.title')}
        description={t('cctv.requests.description')}
        actions={access.keeper && <Button onClick={() => setReceiving(true)}>{t('cctv.request.receiveTitle')}</Button>}
      />
      <Paper withBorder radius="md">
        <DataState query={requests} empty={t('cctv.requests.empty')}>
          {(rows) => (
            <Table.ScrollContainer minWidth={820}>
              <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('cctv.requests.title')} data-testid="requests-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('cctv.request.number')}</Table.Th>
                    <Table.Th>{t('cctv.request.receivedOn')}</Table.Th>
                    <Table.Th>{t('cctv.request.applicant')}</Table.Th>
                    <Table.Th>{t('cctv.request.relationship')}</Table.Th>
                    <Table.Th>{t('cctv.request.patient')}</Table.Th>
                    <Table.Th>{t('cctv.request.state')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.id} data-testid={`request-row-${r.number}`}>
                      <Table.Td>
                        <Text
                          component={Link}
                          to={`${CCTV_HOME}/requests/${r.id}`}
                          c="teal.8"
                          fw={700}
                          inherit
                          style={{ whiteSpace: 'nowrap' }}
                        >
                          № {r.number}
                        </Text>
                      </Table.Td>
                      <Table.Td>{formatCalendarDate(r.receivedOn)}</Table.Td>
                      <Table.Td>{r.applicantName}</Table.Td>
                      <Table.Td>{t(`common:cctv.relationship.${r.relationship}`)}</Table.Td>
                      <Table.Td>
                        {r.patientName}
                        <Text size="xs" c="dimmed">
                          {t('cctv.request.diedOn', { date: formatCalendarDate(r.dateOfDeath) })}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <RequestStateBadge state={r.state} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </DataState>
      </Paper>
      <Modal opened={receiving} onClose={() => setReceiving(false)} title={t('cctv.request.receiveTitle')} size="xl">
        {receiving && (
          <ReceiveRequestForm orgId={orgId} places={places.data ?? []} cameras={cameras.data ?? []} onDone={() => setReceiving(false)} />
        )}
      </Modal>
    </>
  );
}
