import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DataState } from '../../kernel/components/DataState.tsx';
import { formatDateTime } from '../../kernel/format/datetime.ts';
import { useOverdueReturns } from '../journal/journal.queries.ts';

const hoursSince = (iso: string) => Math.max(1, Math.floor((Date.now() - Date.parse(iso)) / 3_600_000));

/** R444-10: recorders still out after their activity's planned end, oldest first. */
export function OverduePanel({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const overdue = useOverdueReturns(orgId);
  return (
    <Paper withBorder radius="md" p="md" data-testid="overdue-panel" component="section" aria-labelledby="overdue-title">
      <Title id="overdue-title" order={2} size="h4" mb="sm">
        {t('dashboard.overdue.title')}
      </Title>
      <DataState query={overdue} empty={t('dashboard.overdue.empty')}>
        {(rows) => (
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {rows.map(({ entry, plannedEnd, referenceNumber }) => (
              <li key={entry.id}>
                <Text fw={600}>
                  <Anchor component={Link} to={`/app/recorders/devices/${entry.recorderId}`} c="red.8" inherit>
                    {entry.inventoryNumber}
                  </Anchor>{' '}
                  — {entry.inspectorName}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('dashboard.overdue.line', {
                    reference: referenceNumber,
                    end: formatDateTime(plannedEnd),
                    number: entry.number,
                    count: hoursSince(plannedEnd),
                  })}
                </Text>
              </li>
            ))}
          </Stack>
        )}
      </DataState>
    </Paper>
  );
}
