import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { stateColor, stateOf, type TimelineRecording } from './evidence.types.ts';
import { captureTimeText, formatDuration, offsetText } from './evidenceText.ts';
import { recordingPath } from './paths.ts';

/** The recordings of one issue in words: file number, corrected start, length, clock offset, state, and the player link. */
export function RecordingsTable({ recordings, playable }: { recordings: TimelineRecording[]; playable: boolean }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table verticalSpacing={4} fz="sm" data-testid="timeline-recordings">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('evidence.rec.sequence')}</Table.Th>
            <Table.Th>{t('evidence.rec.startedAt')}</Table.Th>
            <Table.Th>{t('evidence.rec.duration')}</Table.Th>
            <Table.Th>{t('evidence.rec.offset')}</Table.Th>
            <Table.Th>{t('evidence.rec.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {recordings.map((r) => {
            const name = r.fileSequence !== null ? `№ ${r.fileSequence}` : r.originalName;
            return (
              <Table.Tr key={r.id}>
                <Table.Td>
                  {playable ? (
                    <Anchor
                      component={Link}
                      to={recordingPath(r.id)}
                      fw={600}
                      aria-label={t('evidence.rec.open', { name: r.originalName })}
                    >
                      {name}
                    </Anchor>
                  ) : (
                    <Text span fw={600} size="sm">
                      {name}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {r.originalName}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{captureTimeText(t, r.startedAt)}</Table.Td>
                <Table.Td>{r.durationMs !== null ? formatDuration(t, r.durationMs / 1000) : '—'}</Table.Td>
                <Table.Td>{offsetText(t, r.clockOffsetSeconds)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={stateColor(r)} tt="none">
                    {t(`evidence.state.${stateOf(r)}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
