import { Badge, Button, CopyButton, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../kernel/format/datetime.ts';
import { stateColor, stateOf, type RecordingDetail } from './evidence.types.ts';
import { captureTimeText, formatDuration, formatSize, offsetText } from './evidenceText.ts';
import { Fact } from './ActivityFacts.tsx';
import { activityPath } from './paths.ts';

/** R444-13/17: the stored original — device time, the offset measured at docking, the corrected time and its hash. */
export function RecordingFacts({ detail }: { detail: RecordingDetail }) {
  const { t } = useTranslation();
  const r = detail.recording;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="rec-facts" data-testid="recording-facts">
      <Title id="rec-facts" order={2} size="h4" mb="sm">
        {t('evidence.player.recording')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="sm">
        <Fact label={t('evidence.rec.deviceTime')}>{captureTimeText(t, r.deviceStartedAt)}</Fact>
        <Fact label={t('evidence.rec.correctedTime')}>
          <Text span fw={600} size="sm" data-testid="corrected-time">
            {captureTimeText(t, r.startedAt)}
          </Text>
          {r.awaitingDocking && (
            <Text size="xs" c="dimmed">
              {t('evidence.rec.awaitingDocking')}
            </Text>
          )}
        </Fact>
        <Fact label={t('evidence.rec.offset')}>{offsetText(t, r.clockOffsetSeconds)}</Fact>
        <Fact label={t('evidence.rec.duration')}>{r.durationMs !== null ? formatDuration(t, r.durationMs / 1000) : '—'}</Fact>
        <Fact label={t('evidence.rec.file')}>
          {r.originalName}
          {r.fileSequence !== null && (
            <Text size="xs" c="dimmed">
              {t('evidence.rec.sequenceValue', { sequence: r.fileSequence })}
            </Text>
          )}
        </Fact>
        <Fact label={t('evidence.rec.state')}>
          <Badge variant="light" color={stateColor(r)} tt="none">
            {t(`evidence.state.${stateOf(r)}`)}
          </Badge>
        </Fact>
        <Fact label={t('evidence.rec.size')}>{formatSize(r.size)}</Fact>
        <Fact label={t('evidence.rec.ingestedAt')}>{formatDateTime(r.ingestedAt)}</Fact>
      </SimpleGrid>
      <Stack gap={2} mt="sm">
        <Group gap="xs" justify="space-between">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            SHA-256
          </Text>
          <CopyButton value={r.sha256}>
            {({ copied, copy }) => (
              <Button size="compact-xs" variant="subtle" onClick={copy}>
                {copied ? t('evidence.rec.copied') : t('evidence.rec.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Text ff="monospace" size="xs" style={{ wordBreak: 'break-all' }} data-testid="sha256">
          {r.sha256}
        </Text>
      </Stack>
    </Paper>
  );
}

/** R444-5: the journal entry the recording belongs to, found by its corrected time, never typed by hand. */
export function EntryFacts({ detail, attach }: { detail: RecordingDetail; attach?: ReactNode }) {
  const { t } = useTranslation();
  const e = detail.entry;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="rec-entry" data-testid="recording-entry">
      <Title id="rec-entry" order={2} size="h4" mb="sm">
        {t('evidence.player.entry')}
      </Title>
      {e ? (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="sm">
          <Fact label={t('evidence.player.entryNumber')}>
            {t('evidence.player.entryValue', { number: e.number, inventory: e.inventoryNumber })}
          </Fact>
          <Fact label={t('journal.issue.inspector')}>{e.inspectorName}</Fact>
          <Fact label={t('evidence.player.issuedAt')}>{formatDateTime(e.issuedAt)}</Fact>
          <Fact label={t('evidence.player.returnedAt')}>{e.returnedAt ? formatDateTime(e.returnedAt) : t('journal.cell.out')}</Fact>
        </SimpleGrid>
      ) : (
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Text size="sm" c="orange.9">
            {t(
              detail.recording.probeFailure
                ? 'evidence.player.unattributedUnreadable'
                : detail.recording.awaitingDocking
                  ? 'evidence.player.awaitingDocking'
                  : 'evidence.player.unattributed',
            )}
          </Text>
          {attach}
        </Group>
      )}
      {detail.activity && (
        <>
          <Group justify="space-between" mt="md" mb="xs">
            <Title order={3} size="h5">
              {t('evidence.player.activity')}
            </Title>
            <Button component={Link} to={activityPath(detail.activity.id)} size="compact-sm" variant="subtle">
              {t('evidence.player.toTimeline')}
            </Button>
          </Group>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="sm">
            <Fact label={t('activities.reference')}>
              <Text fw={600} size="sm">
                {detail.activity.referenceNumber}
              </Text>
              {t(`activities.type.${detail.activity.type}`)}
            </Fact>
            <Fact label={t('activities.subject')}>
              {detail.activity.subjectName}
              <Text size="xs" c="dimmed">
                {t('activities.binShort', { bin: detail.activity.subjectBin })}
              </Text>
            </Fact>
            <Fact label={t('activities.object')}>
              {detail.activity.objectName}
              <Text size="xs" c="dimmed">
                {detail.activity.objectAddress}
              </Text>
            </Fact>
          </SimpleGrid>
        </>
      )}
    </Paper>
  );
}
