import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../kernel/format/datetime.ts';
import { packagePath } from '../packages/paths.ts';
import type { LegalHold } from './retention.types.ts';

/** Legal holds of a recording, active first, then lifted ones with who lifted them, when and why. */
export function HoldList({ holds, names, onLift }: { holds: LegalHold[]; names: Map<string, string>; onLift?: (h: LegalHold) => void }) {
  const { t } = useTranslation();
  const who = (id: string | null) => (id ? (names.get(id) ?? '—') : '—');
  const sorted = [...holds].sort(
    (a, b) => Number(a.liftedAt !== null) - Number(b.liftedAt !== null) || b.placedAt.localeCompare(a.placedAt),
  );
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="hold-list">
      {sorted.map((h) => {
        const active = h.liftedAt === null;
        return (
          <Paper key={h.id} component="li" withBorder radius="sm" p="sm" data-testid="hold" data-state={active ? 'active' : 'lifted'}>
            <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Group gap="xs">
                  <Badge color={active ? 'grape' : 'gray'} variant="light" tt="none">
                    {t(active ? 'holds.active' : 'holds.lifted')}
                  </Badge>
                  <Text fw={600} size="sm">
                    {h.reference}
                  </Text>
                </Group>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {h.reason}
                </Text>
                <Text size="xs" c="dimmed">
                  {h.source === 'package' && h.packageId ? (
                    <>
                      {t('holds.byPackage', { at: formatDateTime(h.placedAt), name: who(h.placedBy) })}{' '}
                      <Anchor component={Link} to={packagePath(h.packageId)} size="xs">
                        {t('holds.openPackage')}
                      </Anchor>
                    </>
                  ) : (
                    t('holds.placedBy', { at: formatDateTime(h.placedAt), name: who(h.placedBy) })
                  )}
                </Text>
                {!active && (
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {t('holds.liftedBy', { at: formatDateTime(h.liftedAt!), name: who(h.liftedBy), reason: h.liftReason ?? '' })}
                  </Text>
                )}
              </Stack>
              {active && onLift && (
                <Button size="compact-sm" variant="light" color="orange" onClick={() => onLift(h)}>
                  {t('holds.lift.button')}
                </Button>
              )}
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
