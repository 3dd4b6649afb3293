import { Anchor, Button, Modal, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataState } from '../../kernel/components/DataState.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { formatDateTime } from '../../kernel/format/datetime.ts';
import { Link } from 'react-router-dom';
import { activityPath } from '../evidence/paths.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { ActivityForm } from './ActivityForm.tsx';
import { useActivities, type Activity } from './activities.queries.ts';
import { RetentionBadge } from './RetentionBadge.tsx';
import { useOrder444Access } from '../access.ts';

/** R444-4/5: control activities with their subject, object and inspectors; an inspector sees their own. */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const order444 = useOrder444Access();
  const orgId = org!.id;
  const activities = useActivities(orgId);
  const [creating, setCreating] = useState(false);
  const sorted = (rows: Activity[]) => [...rows].sort((a, b) => b.plannedStart.localeCompare(a.plannedStart));
  return (
    <>
      <PageHeader
        title={t('activities.title')}
        description={order444.planActivities ? t('activities.description') : t('activities.descriptionOwn')}
        actions={order444.planActivities && <Button onClick={() => setCreating(true)}>{t('activities.register')}</Button>}
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
                        <Anchor component={Link} to={activityPath(a.id)} fw={600}>
                          {a.referenceNumber}
                        </Anchor>
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
                          {a.inspectors.map((i) => (
                            <Text size="sm" key={i.id}>
                              {i.fullName}
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
