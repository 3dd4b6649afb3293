import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataState } from '../../kernel/components/DataState.tsx';
import { formatDateTime } from '../../kernel/format/datetime.ts';
import { useMarkRead, useNotifications, type Notice } from './notifications.queries.ts';

/** Recent notices (breakage reports, R444-20), unread first, each marked read on its own or all at once. */
export function NoticesPanel({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation();
  const notices = useNotifications(orgId);
  const read = useMarkRead(orgId);
  const recent = notices.data?.slice(0, 20);
  const unread = (notices.data ?? []).filter((n) => !n.readAt).map((n) => n.id);
  const text = (n: Notice, part: 'subject' | 'body') => {
    const key = `common:notice.${n.kind}.${part}`;
    return i18n.exists(key) ? t(key, { inventoryNumber: '', description: '', ...n.payload }) : n.kind;
  };
  return (
    <Paper withBorder radius="md" p="md" data-testid="notices-panel" component="section" aria-labelledby="notices-title">
      <Group justify="space-between" mb="sm">
        <Title id="notices-title" order={2} size="h4">
          {t('dashboard.notices.title')}
        </Title>
        {unread.length > 0 && (
          <Button size="xs" variant="default" onClick={() => read.mutate(unread.slice(0, 200))} loading={read.isPending}>
            {t('dashboard.notices.readAll')}
          </Button>
        )}
      </Group>
      <DataState query={{ ...notices, data: recent }} empty={t('dashboard.notices.empty')}>
        {(rows) => (
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {rows.map((n) => (
              <Group key={n.id} component="li" justify="space-between" align="flex-start" wrap="nowrap" opacity={n.readAt ? 0.7 : 1}>
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Group gap="xs">
                    {!n.readAt && (
                      <Badge size="xs" color="red">
                        {t('dashboard.notices.new')}
                      </Badge>
                    )}
                    <Text fw={600} size="sm">
                      {text(n, 'subject')}
                    </Text>
                  </Group>
                  <Text size="sm">{text(n, 'body')}</Text>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(n.createdAt)}
                  </Text>
                </Stack>
                {!n.readAt && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => read.mutate([n.id])}
                    aria-label={t('dashboard.notices.readOne', { subject: text(n, 'subject') })}
                  >
                    {t('dashboard.notices.read')}
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        )}
      </DataState>
    </Paper>
  );
}
