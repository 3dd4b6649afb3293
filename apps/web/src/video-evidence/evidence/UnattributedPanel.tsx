import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DataState } from '../../kernel/components/DataState.tsx';
import { formatDateTime } from '../../kernel/format/datetime.ts';
import { captureTimeText } from './evidenceText.ts';
import { useRecorders } from '../recorders/recorders.queries.ts';
import { AttachButton } from './AttachButton.tsx';
import { useRecordings } from './evidence.queries.ts';
import { recordingPath } from './paths.ts';
import { useOrder444Access } from '../access.ts';

/** R444-5: recordings whose corrected time falls in no issue of their recorder wait here for the head or responsible person. */
export function UnattributedPanel({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const order444 = useOrder444Access();
  const queue = useRecordings(orgId, true);
  const recorders = useRecorders(orgId, null);
  const inventory = (id: string) => recorders.data?.items.find((r) => r.id === id)?.inventoryNumber ?? '';
  return (
    <Paper withBorder radius="md" p="md" data-testid="unattributed-panel" component="section" aria-labelledby="unattributed-title">
      <Title id="unattributed-title" order={2} size="h4" mb={4}>
        {t('dashboard.unattributed.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('dashboard.unattributed.hint')}
      </Text>
      {/* The rows name their recorder: wait for both lists, so no row shows without its inventory number. */}
      <DataState
        query={{ isPending: queue.isPending || recorders.isPending, error: queue.error ?? recorders.error, data: queue.data }}
        empty={t('dashboard.unattributed.empty')}
      >
        {(rows) => (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {rows.map((r) => (
              <Group key={r.id} component="li" justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                <div style={{ minWidth: 0, flex: '1 1 0' }}>
                  <Anchor component={Link} to={recordingPath(r.id)} fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {r.originalName}
                  </Anchor>{' '}
                  <Text span size="sm">
                    {inventory(r.recorderId)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('dashboard.unattributed.line', { at: captureTimeText(t, r.startedAt), ingested: formatDateTime(r.ingestedAt) })}
                  </Text>
                </div>
                {order444.keeper && <AttachButton orgId={orgId} recording={r} />}
              </Group>
            ))}
          </Stack>
        )}
      </DataState>
    </Paper>
  );
}
