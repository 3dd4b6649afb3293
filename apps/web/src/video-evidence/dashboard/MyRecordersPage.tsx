import { Badge, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataState } from '../../kernel/components/DataState.tsx';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { formatDateTime } from '../../kernel/format/datetime.ts';
import { activityLabel, useActivities, type Activity } from '../activities/activities.queries.ts';
import { useConfirmIssue, useMyEntries } from '../journal/journal.queries.ts';
import type { JournalEntry } from '../journal/journal.types.ts';
import { RecorderNoteForm } from '../recorders/RecorderNoteForm.tsx';
import { useSession } from '../../kernel/shell/SessionContext.tsx';

function EntryLine({ e, activity }: { e: JournalEntry; activity?: Activity }) {
  const { t } = useTranslation();
  return (
    <Stack gap={0} style={{ flex: 1, minWidth: 220 }}>
      <Text fw={600}>{t('mine.entry', { inventory: e.inventoryNumber, number: e.number })}</Text>
      <Text size="sm" c="dimmed">
        {t('mine.issued', { at: formatDateTime(e.issuedAt), by: e.issuedByName, battery: e.batteryPercent })}
      </Text>
      {activity && (
        <Text size="sm">
          {activityLabel(activity)} · {t('mine.returnBy', { at: formatDateTime(activity.plannedEnd) })}
        </Text>
      )}
    </Stack>
  );
}

/** The inspector's side: issues waiting for their signature, and the recorders they hold (R444-8, R444-10, R444-20). */
export function MyRecordersPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const orgId = org!.id;
  const mine = useMyEntries(orgId);
  const activities = useActivities(orgId);
  const activityOf = (e: JournalEntry) => activities.data?.find((a) => a.id === e.activityId);
  const late = (e: JournalEntry) => {
    const a = activityOf(e);
    return !!a && Date.parse(a.plannedEnd) < Date.now();
  };
  const confirm = useConfirmIssue(orgId);
  const [broken, setBroken] = useState<JournalEntry | null>(null);
  const pending = (mine.data ?? []).filter((e) => !e.inspectorSignedAt);
  const held = (mine.data ?? []).filter((e) => e.inspectorSignedAt && !e.returnedAt);
  return (
    <>
      <PageHeader title={t('mine.title')} description={t('mine.description')} />
      <Stack gap="lg">
        <Paper withBorder radius="md" p="md" data-testid="mine-pending">
          <Title order={2} size="h4" mb="sm">
            {t('mine.pending')}
          </Title>
          <ErrorAlert error={confirm.error} />
          <DataState query={{ ...mine, data: mine.data && pending }} empty={t('mine.pendingEmpty')}>
            {(rows) => (
              <Stack gap="sm">
                {rows.map((e) => (
                  <Group key={e.id} justify="space-between" wrap="wrap">
                    <EntryLine e={e} activity={activityOf(e)} />
                    <Button onClick={() => confirm.mutate(e.id)} loading={confirm.isPending && confirm.variables === e.id}>
                      {t('mine.sign')}
                    </Button>
                  </Group>
                ))}
              </Stack>
            )}
          </DataState>
        </Paper>
        <Paper withBorder radius="md" p="md" data-testid="mine-held">
          <Title order={2} size="h4" mb="sm">
            {t('mine.held')}
          </Title>
          <DataState query={{ ...mine, data: mine.data && held }} empty={t('mine.heldEmpty')}>
            {(rows) => (
              <Stack gap="sm">
                {rows.map((e) => (
                  <Group key={e.id} justify="space-between" wrap="wrap">
                    <EntryLine e={e} activity={activityOf(e)} />
                    {late(e) && (
                      <Badge variant="light" color="red" tt="none">
                        {t('mine.overdue')}
                      </Badge>
                    )}
                    <Button
                      variant="light"
                      color="red"
                      onClick={() => setBroken(e)}
                      aria-label={t('mine.breakageFor', { inventory: e.inventoryNumber })}
                    >
                      {t('recorders.step.breakage.button')}
                    </Button>
                  </Group>
                ))}
              </Stack>
            )}
          </DataState>
        </Paper>
      </Stack>
      <Modal
        opened={broken !== null}
        onClose={() => setBroken(null)}
        title={broken ? `${t('recorders.step.breakage.button')} — ${broken.inventoryNumber}` : ''}
      >
        {broken && (
          <RecorderNoteForm
            orgId={orgId}
            recorder={{ id: broken.recorderId, inventoryNumber: broken.inventoryNumber }}
            step="breakage"
            onDone={() => setBroken(null)}
          />
        )}
      </Modal>
    </>
  );
}
