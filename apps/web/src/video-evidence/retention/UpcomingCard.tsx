import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DataState } from '../../kernel/components/DataState.tsx';
import { formatCalendarDate } from '../../kernel/format/datetime.ts';
import { recordingPath } from '../evidence/paths.ts';
import { useUpcomingDeletions } from './retention.queries.ts';

const SHOWN = 5;

/** R444-12 on the dashboard: how many recordings fall due within 30 days, and which of them are held. */
export function UpcomingCard({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const upcoming = useUpcomingDeletions(orgId);
  const rows = upcoming.data ?? [];
  const held = rows.filter((r) => r.held).length;
  return (
    <Paper withBorder radius="md" p="md" data-testid="upcoming-card" component="section" aria-labelledby="upcoming-title">
      <Group justify="space-between" mb="sm" gap="xs" align="flex-start" wrap="nowrap">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Title id="upcoming-title" order={2} size="h4">
            {t('retention.card.title')}
          </Title>
          {upcoming.data && (
            <Text size="sm" c="dimmed" data-testid="upcoming-count">
              {t('retention.card.count', { count: rows.length })}
              {held > 0 && ` · ${t('retention.card.held', { count: held })}`}
            </Text>
          )}
        </Stack>
        <Button component={Link} to="/app/recorders/retention?tab=upcoming" variant="subtle" size="compact-sm">
          {t('retention.card.open')}
        </Button>
      </Group>
      <DataState query={upcoming} empty={t('retention.upcoming.empty')}>
        {(list) => (
          <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {list.slice(0, SHOWN).map((r) => (
              <li key={r.id}>
                <Group gap="xs" wrap="nowrap" justify="space-between">
                  <Anchor component={Link} to={recordingPath(r.id)} size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {r.originalName}
                  </Anchor>
                  <Group gap={6} wrap="nowrap">
                    {r.held && (
                      <Badge color="grape" variant="light" tt="none" size="sm">
                        {t('retention.held')}
                      </Badge>
                    )}
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {t('retention.card.until', { date: formatCalendarDate(r.retainUntil) })}
                    </Text>
                  </Group>
                </Group>
                <Text size="xs" c="dimmed">
                  {r.inventoryNumber}
                  {r.activityReference ? ` · ${r.activityReference}` : ''}
                </Text>
              </li>
            ))}
            {list.length > SHOWN && (
              <Text size="xs" c="dimmed">
                {t('retention.card.more', { count: list.length - SHOWN })}
              </Text>
            )}
          </Stack>
        )}
      </DataState>
    </Paper>
  );
}
