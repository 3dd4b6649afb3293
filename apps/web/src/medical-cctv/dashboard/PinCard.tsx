import { Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ComplianceRow } from '../shared/cctv.types.ts';
import { ComplianceBadge, Findings, VerdictBadge, useCite } from '../shared/words.tsx';
import { cardAnchor } from './planGeometry.ts';

/** A pin's camera: its number, room, the verdict with the point that decides it, and what is wrong. */
export function PinCard({ row, x, y }: { row: ComplianceRow; x: number; y: number }) {
  const { t } = useTranslation();
  const cite = useCite();
  const { vertical, shift } = cardAnchor(x, y);
  return (
    <Paper
      shadow="md"
      withBorder
      p="sm"
      radius="md"
      role="tooltip"
      data-testid="pin-card"
      style={{
        position: 'absolute',
        left: `${x * 100}%`,
        top: `${y * 100}%`,
        width: 300,
        zIndex: 3,
        pointerEvents: 'none',
        lineHeight: 1.4,
        transform: `translate(${shift}, ${vertical === 'below' ? '18px' : 'calc(-100% - 18px)'})`,
      }}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text fw={700}>{t('cctv.camera.numbered', { number: row.camera.number })}</Text>
          <ComplianceBadge compliant={row.compliant} />
        </Group>
        <Text size="sm">{row.place.path}</Text>
        {row.place.roomType && (
          <Text size="xs" c="dimmed">
            {t(`common:cctv.room.${row.place.roomType}`)}
          </Text>
        )}
        <Group gap="xs">
          <VerdictBadge verdict={row.verdict} />
          {row.cites.length > 0 && <Text size="xs">{cite(row.cites)}</Text>}
        </Group>
        <Findings row={row} size="xs" />
      </Stack>
    </Paper>
  );
}
