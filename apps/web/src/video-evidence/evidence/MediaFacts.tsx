import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RecordingDetail } from './evidence.types.ts';
import { formatDuration } from './evidenceText.ts';
import { Fact } from './ActivityFacts.tsx';

/**
 * Issue 19: what ffprobe found in the original — container, codecs, picture, frame rate, sound
 * channels, length; for an unreadable file, which probe failed (the server's code, in words).
 */
export function MediaFacts({ detail }: { detail: RecordingDetail }) {
  const { t } = useTranslation();
  const { media, probeFailure } = detail.recording;
  const dash = (v: string | number | null) => (v === null ? '—' : String(v));
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="rec-media" data-testid="recording-media">
      <Title id="rec-media" order={2} size="h4" mb="sm">
        {t('evidence.media.title')}
      </Title>
      {probeFailure && (
        <Text size="sm" c="orange.9" mb="sm" data-testid="probe-failure" data-code={probeFailure.code}>
          {t(`evidence.media.failure.${probeFailure.code}`)}
        </Text>
      )}
      {media && (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="sm">
          <Fact label={t('evidence.media.container')}>{dash(media.container)}</Fact>
          <Fact label={t('evidence.media.videoCodec')}>{dash(media.videoCodec)}</Fact>
          <Fact label={t('evidence.media.audioCodec')}>{media.audioCodec ?? t('evidence.media.noAudio')}</Fact>
          <Fact label={t('evidence.media.resolution')}>
            {media.width !== null && media.height !== null ? `${media.width} × ${media.height}` : '—'}
          </Fact>
          <Fact label={t('evidence.media.frameRate')}>
            {media.frameRate !== null ? t('evidence.media.fps', { value: media.frameRate }) : '—'}
          </Fact>
          <Fact label={t('evidence.media.audioChannels')}>{dash(media.audioChannels)}</Fact>
          <Fact label={t('evidence.media.duration')}>{media.durationMs !== null ? formatDuration(t, media.durationMs / 1000) : '—'}</Fact>
        </SimpleGrid>
      )}
    </Paper>
  );
}
