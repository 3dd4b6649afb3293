import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { formatDateTime } from '../../kernel/format/datetime.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { PC_HOME } from '../navigation.ts';
import { useMyNotices } from './notices.api.ts';
import { AckBadge } from './NoticeWords.tsx';

/** R315-4, R315-20: every member's notices — the unacknowledged ones first; each is opened and acknowledged. */
export function MyNoticesPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const mine = useMyNotices(org!.id);
  return (
    <>
      <PageHeader title={t('pc.notices.mineTitle')} description={t('pc.notices.mineDescription')} />
      <ErrorAlert error={mine.error} />
      <Stack gap="sm">
        {mine.data?.length === 0 && <Text c="dimmed">{t('pc.notices.none')}</Text>}
        {mine.data?.map((n) => (
          <Paper key={n.id} withBorder p="md" radius="md" data-testid="my-notice">
            <Group justify="space-between" wrap="nowrap">
              <div>
                <Anchor component={Link} to={`${PC_HOME}/notices/${n.id}`} fw={700}>
                  {n.subject}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {t(`pc.notices.kind.${n.kind}`)} · {n.authorName} · {n.publishedAt ? formatDateTime(n.publishedAt) : ''}
                </Text>
              </div>
              <Group gap="xs">
                {n.supersededById && <Badge color="gray">{t('pc.notices.superseded')}</Badge>}
                <AckBadge at={n.acknowledgedAt} />
              </Group>
            </Group>
          </Paper>
        ))}
      </Stack>
    </>
  );
}
