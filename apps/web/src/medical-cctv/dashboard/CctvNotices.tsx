import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../kernel/api/ApiContext.tsx';
import { formatDateTime } from '../../kernel/format/datetime.ts';
import { WHOLE } from '../shared/words.tsx';

interface Notice {
  id: string;
  kind: string;
  payload: Record<string, unknown> | null;
  createdAt: string;
  readAt: string | null;
}

const key = (orgId: string) => ['organisations', orgId, 'notifications'] as const;

/** DSM-335's notices (a consent withdrawn leaving cameras without basis, a new application to keep), unread first. */
export function CctvNotices({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const qc = useQueryClient();
  const notices = useQuery({ queryKey: key(orgId), queryFn: () => api.get<Notice[]>(`/api/v1/organisations/${orgId}/notifications`) });
  const read = useMutation({
    mutationFn: (ids: string[]) => api.post<{ ok: true }>(`/api/v1/organisations/${orgId}/notifications/read`, { ids }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key(orgId) }),
  });
  const mine = (notices.data ?? []).filter((n) => n.kind.startsWith('cctv.'));
  const unread = mine.filter((n) => !n.readAt);
  if (unread.length === 0) return null;
  const text = (n: Notice, part: 'subject' | 'body') => t(`common:notice.${n.kind}.${part}`, { ...n.payload });
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="cctv-notices" data-testid="cctv-notices">
      <Group justify="space-between" mb="sm">
        <Title id="cctv-notices" order={2} size="h4">
          {t('cctv.notices.title')}
        </Title>
        <Button size="xs" variant="default" onClick={() => read.mutate(unread.map((n) => n.id).slice(0, 200))} loading={read.isPending}>
          {t('cctv.notices.readAll')}
        </Button>
      </Group>
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {unread.slice(0, 10).map((n) => (
          <Stack key={n.id} gap={2} component="li">
            <Group gap="xs">
              <Badge size="xs" color="red" styles={WHOLE}>
                {t('cctv.notices.new')}
              </Badge>
              <Text fw={600} size="sm">
                {text(n, 'subject')}
              </Text>
            </Group>
            <Text size="sm">{text(n, 'body')}</Text>
            <Text size="xs" c="dimmed">
              {formatDateTime(n.createdAt)}
            </Text>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
