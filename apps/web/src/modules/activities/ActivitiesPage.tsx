import { Button, Modal, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataState } from '../../shared/components/DataState.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { formatDateTime } from '../../shared/format/datetime.ts';
import { useMembers } from '../members/members.queries.ts';
import { useSession } from '../shell/SessionContext.tsx';
import { ActivityForm } from './ActivityForm.tsx';
import { useActivities, type Activity } from './activities.queries.ts';
import { RetentionBadge } from './RetentionBadge.tsx';

/** R444-4/5: control activities with their subject, object and inspectors; an inspector sees their own. */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const { me, org, access } = useSession();
  const orgId = org!.id;
  const activities = useActivities(orgId);
  const members = useMembers(orgId, access.members);
  const [creating, setCreating] = useState(false);
  // An inspector cannot list the members: they see their own name and how many colleagues are assigned.
  const names = (ids: string[]) =>
    members.data
      ? ids.map((id) => members.data.find((m) => m.id === id)?.fullName ?? id.slice(0, 8))
      : [
          ...ids.filter((id) => id === me.id).map(() => me.fullName),
          ...(ids.some((id) => id !== me.id) ? [t('activities.colleagues', { count: ids.filter((id) => id !== me.id).length })] : []),
        ];
  const sorted = (rows: Activity[]) => [...rows].sort((a, b) => b.plannedStart.localeCompare(a.plannedStart));
  return (
    <>
      <PageHeader
        title={t('activities.title')}
        description={access.order444.planActivities ? t('activities.description') : t('activities.descriptionOwn')}
        actions={access.order444.planActivities && <Button onClick={() => setCreating(true)}>{t('activities.register')}</Button>}
      />
      <Paper withBorder radius="md">
        <DataState query={activities} empty={t('activities.empty')}>
          {(rows) => (
            <Table.ScrollContainer minWidth={760}>
              <Table striped verticalSpacing="sm" aria-label={t('activities.title')} data-testid="activities-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('activities.reference')}</Table.Th>
                    <Table.Th>{t('activities.subject')}</Table.Th>
                    <Table.Th>{t('activities.object')}</Table.Th>
                    <Table.Th>{t('activities.period')}</Table.Th>
                    <Table.Th>{t('activities.inspectors')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {sorted(rows).map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td>
                        <Text fw={600}>{a.referenceNumber}</Text>
                        <Text size="sm">{t(`activities.type.${a.type}`)}</Text>
                        <RetentionBadge retention={a.retention} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{a.subjectName}</Text>
                        <Text size="xs" c="dimmed">
                          {t('activities.binShort', { bin: a.subjectBin })}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{a.objectName}</Text>
                        <Text size="xs" c="dimmed">
                          {a.objectAddress}
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Text size="sm">{formatDateTime(a.plannedStart)}</Text>
                        <Text size="sm">— {formatDateTime(a.plannedEnd)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Stack gap={2}>
                          {names(a.inspectorIds).map((name) => (
                            <Text size="sm" key={name}>
                              {name}
                            </Text>
                          ))}
                        </Stack>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </DataState>
      </Paper>
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('activities.registerTitle')} size="xl">
        <ActivityForm orgId={orgId} onDone={() => setCreating(false)} />
      </Modal>
    </>
  );
}
