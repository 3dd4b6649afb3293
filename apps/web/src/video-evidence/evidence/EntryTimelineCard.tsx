import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../kernel/format/datetime.ts';
import type { EntryTimeline } from './evidence.types.ts';
import { FindingList } from './FindingList.tsx';
import { RecordingsTable } from './RecordingsTable.tsx';
import { TimelineBand } from './TimelineBand.tsx';
import { UploadStateBadge } from './UploadStateBadge.tsx';

/** One issue of a recorder for the activity: who, when, whether the files arrived, the picture, the files and the findings. */
export function EntryTimelineCard({ item, now, orgId, playable }: { item: EntryTimeline; now: number; orgId: string; playable: boolean }) {
  const { t } = useTranslation();
  const e = item.entry;
  const titleId = `entry-${e.id}`;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={titleId} data-testid="entry-timeline" data-number={e.number}>
      <Group justify="space-between" align="flex-start" mb="sm" gap="xs">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Title id={titleId} order={2} size="h4" td={e.struckAt ? 'line-through' : undefined}>
            {t('evidence.timeline.entry', { number: e.number, inventory: e.inventoryNumber, name: e.inspectorName })}
          </Title>
          <Text size="sm" c="dimmed">
            {e.returnedAt
              ? t('evidence.timeline.period', { from: formatDateTime(e.issuedAt), to: formatDateTime(e.returnedAt) })
              : t('evidence.timeline.periodOpen', { from: formatDateTime(e.issuedAt) })}
          </Text>
        </Stack>
        <UploadStateBadge state={item.uploadState} count={item.recordings.length} />
      </Group>
      <TimelineBand item={item} now={now} playable={playable} />
      <Stack gap="md" mt="md">
        {item.recordings.length > 0 ? (
          <RecordingsTable recordings={item.recordings} playable={playable} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('evidence.timeline.noRecordings')}
          </Text>
        )}
        {item.findings.length > 0 && (
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('evidence.findings.title')}
            </Title>
            <FindingList orgId={orgId} findings={item.findings} />
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
