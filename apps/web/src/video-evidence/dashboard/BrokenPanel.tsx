import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DataState } from '../../kernel/components/DataState.tsx';
import { useRecorders } from '../recorders/recorders.queries.ts';

/** R444-20: broken recorders waiting for repair or write-off. */
export function BrokenPanel({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const broken = useRecorders(orgId, 'broken');
  return (
    <Paper withBorder radius="md" p="md" data-testid="broken-panel" component="section" aria-labelledby="broken-title">
      <Title id="broken-title" order={2} size="h4" mb="sm">
        {t('dashboard.broken.title')}
      </Title>
      <DataState query={{ ...broken, data: broken.data?.items }} empty={t('dashboard.broken.empty')}>
        {(rows) => (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {rows.map((r) => (
              <li key={r.id}>
                <Anchor component={Link} to={`/app/recorders/devices/${r.id}`} fw={600}>
                  {r.inventoryNumber}
                </Anchor>{' '}
                <Text span size="sm" c="dimmed">
                  {r.model} · {r.serialNumber}
                </Text>
              </li>
            ))}
          </Stack>
        )}
      </DataState>
    </Paper>
  );
}
