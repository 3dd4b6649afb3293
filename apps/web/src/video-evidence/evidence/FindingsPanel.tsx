import { Anchor, Group, Paper, SegmentedControl, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DataState } from '../../kernel/components/DataState.tsx';
import { surnameWithInitials } from '../../kernel/format/names.ts';
import { useActivities } from '../activities/activities.queries.ts';
import { useFindings } from './evidence.queries.ts';
import type { Finding } from './evidence.types.ts';
import { FindingList } from './FindingList.tsx';
import { activityPath } from './paths.ts';
import { useEntryIndex } from './useEntryIndex.ts';

/** R444-19: continuity findings reported to the head, those awaiting a decision first; the head annotates them here. */
export function FindingsPanel({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const findings = useFindings(orgId);
  const entries = useEntryIndex(orgId);
  const activities = useActivities(orgId);
  const [show, setShow] = useState<'open' | 'all'>('open');
  const all = findings.data ?? [];
  const open = all.filter((f) => f.annotations.length === 0);
  const rows = findings.data ? (show === 'open' ? open : all) : undefined;

  const context = (f: Finding) => {
    const e = f.journalEntryId ? entries.get(f.journalEntryId) : undefined;
    if (!e) return null;
    const activity = activities.data?.find((a) => a.id === e.activityId);
    return (
      <Text size="sm" c="dimmed">
        {t('evidence.findings.context', { number: e.number, inventory: e.inventoryNumber, name: surnameWithInitials(e.inspectorName) })}
        {activity && (
          <>
            {' — '}
            <Anchor component={Link} to={activityPath(activity.id)} size="sm">
              {activity.referenceNumber}
            </Anchor>
          </>
        )}
      </Text>
    );
  };

  return (
    <Paper withBorder radius="md" p="md" data-testid="findings-panel" component="section" aria-labelledby="findings-title">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title id="findings-title" order={2} size="h4">
          {t('dashboard.findings.title')}
        </Title>
        <SegmentedControl
          size="xs"
          value={show}
          onChange={(v) => setShow(v as typeof show)}
          aria-label={t('dashboard.findings.filter')}
          data={[
            { value: 'open', label: t('dashboard.findings.open', { count: open.length }) },
            { value: 'all', label: t('dashboard.findings.all', { count: all.length }) },
          ]}
        />
      </Group>
      <DataState
        query={{ ...findings, data: rows }}
        empty={t(show === 'open' ? 'dashboard.findings.emptyOpen' : 'dashboard.findings.empty')}
      >
        {(list) => <FindingList orgId={orgId} findings={list} context={context} />}
      </DataState>
    </Paper>
  );
}
