import { Box, Group, Text, VisuallyHidden } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatTime } from '../../kernel/format/datetime.ts';
import type { EntryTimeline } from './evidence.types.ts';
import { formatDuration } from './evidenceText.ts';
import { timelineGeometry } from './timelineGeometry.ts';
import { recordingPath } from './paths.ts';

const TOP = 18;
const HEIGHT = 30;
const hatch = (color: string) =>
  `repeating-linear-gradient(135deg, var(--mantine-color-${color}-2) 0 5px, var(--mantine-color-${color}-4) 5px 7px)`;
const place = (left: number, width: number): CSSProperties => ({ position: 'absolute', left: `${left}%`, width: `${width}%` });

function Legend() {
  const { t } = useTranslation();
  const swatch = (background: string, label: string) => (
    <Group gap={6} wrap="nowrap">
      <Box w={14} h={10} style={{ background, borderRadius: 2 }} aria-hidden />
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Group>
  );
  return (
    <Group gap="md" mt={4} aria-hidden>
      {swatch('var(--mantine-color-teal-6)', t('evidence.legend.recording'))}
      {swatch('var(--mantine-color-orange-5)', t('evidence.legend.unreadable'))}
      {swatch(hatch('red'), t('evidence.legend.gap'))}
      {swatch(hatch('orange'), t('evidence.legend.uncovered'))}
      {swatch('var(--mantine-color-red-7)', t('evidence.legend.missing'))}
    </Group>
  );
}

/**
 * R444-17/18: one issue as a horizontal band from issue to return (or now); recordings as bars at their
 * corrected times, gaps hatched red, missing file numbers as red marks. The picture is for the eye (and the
 * mouse); the list under it says the same for the keyboard and screen readers.
 */
export function TimelineBand({ item, now, playable }: { item: EntryTimeline; now: number; playable: boolean }) {
  const { t } = useTranslation();
  const g = timelineGeometry(item, now);
  const markers = new Map<number, number[]>();
  for (const m of g.missing) markers.set(m.at, [...(markers.get(m.at) ?? []), m.sequence]);
  return (
    <Box>
      <VisuallyHidden>
        {t('evidence.timeline.summary', {
          count: item.recordings.length,
          gaps: g.gaps.length,
          missing: g.missing.length,
        })}
      </VisuallyHidden>
      <Box pos="relative" h={TOP + HEIGHT + 22} aria-hidden data-testid="timeline-band">
        <Box
          style={{
            ...place(0, 100),
            top: TOP,
            height: HEIGHT,
            background: 'var(--mantine-color-gray-1)',
            border: '1px solid var(--mantine-color-gray-4)',
            borderRadius: 4,
          }}
        />
        {g.uncovered.map((s) => (
          <Box key={s.findingId} style={{ ...place(s.left, s.width), top: TOP, height: HEIGHT, background: hatch('orange') }} />
        ))}
        {g.gaps.map((s) => (
          <Box
            key={s.findingId}
            data-testid="timeline-gap"
            style={{
              ...place(s.left, s.width),
              top: TOP,
              height: HEIGHT,
              background: hatch('red'),
              borderInline: '1px solid var(--mantine-color-red-6)',
            }}
          />
        ))}
        {g.bars.map(({ rec, left, width }) => {
          const title = `${rec.fileSequence !== null ? `№ ${rec.fileSequence} · ` : ''}${rec.startedAt ? formatTime(rec.startedAt) : ''} · ${formatDuration(t, (rec.durationMs ?? 0) / 1000)} · ${rec.originalName}`;
          const style: CSSProperties = {
            ...place(left, width),
            minWidth: 4,
            top: TOP + 3,
            height: HEIGHT - 6,
            borderRadius: 2,
            background: rec.state === 'stored' ? 'var(--mantine-color-teal-6)' : 'var(--mantine-color-orange-5)',
            outline: '1px solid var(--mantine-color-body)',
          };
          return playable ? (
            <Link key={rec.id} to={recordingPath(rec.id)} title={title} tabIndex={-1} style={style} data-testid="timeline-bar" />
          ) : (
            <Box key={rec.id} title={title} style={style} data-testid="timeline-bar" />
          );
        })}
        {[...markers].map(([at, seqs]) => (
          <Box key={at} data-testid="timeline-missing" style={{ position: 'absolute', left: `${at}%`, top: 0, height: TOP + HEIGHT }}>
            <Box
              style={{
                position: 'absolute',
                left: -1,
                top: 12,
                width: 2,
                height: TOP + HEIGHT - 12,
                background: 'var(--mantine-color-red-7)',
              }}
            />
            <Text
              size="10px"
              fw={700}
              c="red.8"
              style={{ position: 'absolute', top: -2, left: 0, transform: 'translateX(-50%)', whiteSpace: 'nowrap', lineHeight: 1.2 }}
            >
              {seqs.map((s) => `№ ${s}`).join(', ')}
            </Text>
          </Box>
        ))}
        {g.ticks.map((tick, i) => (
          <Text
            key={i}
            size="xs"
            c="dimmed"
            style={{
              position: 'absolute',
              top: TOP + HEIGHT + 3,
              left: `${tick.at}%`,
              transform: i === 0 ? undefined : i === g.ticks.length - 1 ? 'translateX(-100%)' : 'translateX(-50%)',
              whiteSpace: 'nowrap',
            }}
            visibleFrom={i % 2 === 1 && i < g.ticks.length - 1 ? 'sm' : undefined}
          >
            {formatTime(new Date(tick.time))}
          </Text>
        ))}
      </Box>
      <Group justify="space-between" gap="xs" aria-hidden>
        <Text size="xs" c="dimmed">
          {t('evidence.timeline.issued')}
        </Text>
        <Text size="xs" c="dimmed">
          {g.open ? t('evidence.timeline.now') : t('evidence.timeline.returned')}
        </Text>
      </Group>
      {item.recordings.length > 0 && <Legend />}
    </Box>
  );
}
