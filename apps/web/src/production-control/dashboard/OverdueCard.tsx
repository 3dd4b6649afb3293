import { Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate } from '../../kernel/format/datetime.ts';
import { useOverdue } from '../schedule/schedule.queries.ts';

/** R315-7: planned inspections whose date passed with no inspection. */
export function OverdueCard({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const overdue = useOverdue(orgId);
  if (!overdue.data?.length) return null;
  return (
    <Card withBorder radius="md" padding="md" data-testid="pc-overdue-card">
      <Title order={2} size="h4" mb="sm">
        {t('pc.dashboard.overdueTitle')}
      </Title>
      <Stack gap={6}>
        {overdue.data.map((i) => (
          <Text key={i.id} size="sm">
            <Text span fw={700} c="red.8">
              {formatCalendarDate(i.plannedOn)}
            </Text>{' '}
            {i.facilityName}
            {i.unitName ? ` — ${i.unitName}` : ''} · {i.responsibleName}
          </Text>
        ))}
      </Stack>
    </Card>
  );
}
