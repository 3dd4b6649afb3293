import { Alert, Badge, Button, Group, Paper, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { DataState } from '../../kernel/components/DataState.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { formatSize } from '../evidence/evidenceText.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { ActsTable } from './ActsTable.tsx';
import { DeleteDialog } from './DeleteDialog.tsx';
import { RetentionTable } from './RetentionTable.tsx';
import { useDeletionActs, useDueRecordings, useUpcomingDeletions } from './retention.queries.ts';
import { useMemberNames } from './useMemberNames.ts';
import { useOrder444Access } from '../access.ts';

const TABS = ['due', 'upcoming', 'acts'] as const;
type Tab = (typeof TABS)[number];

/**
 * R444-12: the retention review. Head, responsible person and auditor see what is due, what falls due within
 * 30 days (held ones marked) and the deletion acts; only the responsible person deletes (R444-6).
 */
export function RetentionPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const order444 = useOrder444Access();
  const orgId = org!.id;
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'due';
  const due = useDueRecordings(orgId);
  const upcoming = useUpcomingDeletions(orgId);
  const acts = useDeletionActs(orgId);
  const names = useMemberNames(orgId);
  const canDelete = order444.deleteExpired;
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  // Only rows still listed count: a row another person deleted meanwhile drops out of the selection.
  const chosen = (due.data ?? []).filter((r) => selected.has(r.id));
  const chosenSize = chosen.reduce((s, r) => s + r.size, 0);
  const count = (n: number | undefined) =>
    n === undefined ? null : (
      <Badge size="sm" variant="light" color="gray" ml={4}>
        {n}
      </Badge>
    );

  return (
    <>
      <PageHeader title={t('retention.title')} description={t('retention.description')} />
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'due' ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="due">
            {t('retention.tab.due')}
            {count(due.data?.length)}
          </Tabs.Tab>
          <Tabs.Tab value="upcoming">
            {t('retention.tab.upcoming')}
            {count(upcoming.data?.length)}
          </Tabs.Tab>
          <Tabs.Tab value="acts">
            {t('retention.tab.acts')}
            {count(acts.data?.length)}
          </Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="due">
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {canDelete ? t('retention.due.hintResponsible') : t('retention.due.hintOthers')}
            </Text>
            {canDelete && (
              <Paper withBorder radius="md" p="sm">
                <Group justify="space-between" gap="sm">
                  <Text size="sm" data-testid="selection-summary">
                    {t('retention.due.selected', { count: chosen.length, size: formatSize(chosenSize) })}
                  </Text>
                  <Button color="red" disabled={chosen.length === 0} onClick={() => setConfirming(true)}>
                    {t('retention.due.delete')}
                  </Button>
                </Group>
              </Paper>
            )}
            <Paper withBorder radius="md" p="xs">
              <DataState query={due} empty={t('retention.due.empty')}>
                {(rows) => (
                  <RetentionTable rows={rows} testId="due-table" selection={canDelete ? { selected, onChange: setSelected } : undefined} />
                )}
              </DataState>
            </Paper>
          </Stack>
        </Tabs.Panel>

        <Tabs.Panel value="upcoming">
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {t('retention.upcoming.hint')}
            </Text>
            <Paper withBorder radius="md" p="xs">
              <DataState query={upcoming} empty={t('retention.upcoming.empty')}>
                {(rows) => <RetentionTable rows={rows} testId="upcoming-table" showHeld />}
              </DataState>
            </Paper>
          </Stack>
        </Tabs.Panel>

        <Tabs.Panel value="acts">
          <Stack gap="md">
            <Alert color="gray" variant="light">
              {t('retention.acts.hint')}
            </Alert>
            <Paper withBorder radius="md" p="xs">
              <DataState query={acts} empty={t('retention.acts.empty')}>
                {(rows) => <ActsTable orgId={orgId} acts={rows} names={names} />}
              </DataState>
            </Paper>
          </Stack>
        </Tabs.Panel>
      </Tabs>
      {canDelete && (
        <DeleteDialog
          orgId={orgId}
          recordings={chosen}
          opened={confirming}
          onClose={(deleted) => {
            setConfirming(false);
            if (deleted) setSelected(new Set());
          }}
        />
      )}
    </>
  );
}
