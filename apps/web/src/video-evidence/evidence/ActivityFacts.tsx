import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../kernel/format/datetime.ts';
import type { Activity } from '../activities/activities.queries.ts';

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2} style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Stack>
  );
}

/** R444-5: what the recordings are evidence of — the activity, its subject (BIN, name) and object. */
export function ActivityFacts({
  activity,
  cols = 4,
}: {
  activity: Omit<Activity, 'retention' | 'inspectors'> & Partial<Activity>;
  cols?: number;
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: cols }} spacing="md" verticalSpacing="sm">
      <Fact label={t('activities.reference')}>
        <Text fw={600} size="sm">
          {activity.referenceNumber}
        </Text>
        {t(`activities.type.${activity.type}`)}
      </Fact>
      <Fact label={t('activities.subject')}>
        {activity.subjectName}
        <Text size="xs" c="dimmed">
          {t('activities.binShort', { bin: activity.subjectBin })}
        </Text>
      </Fact>
      <Fact label={t('activities.object')}>
        {activity.objectName}
        <Text size="xs" c="dimmed">
          {activity.objectAddress}
        </Text>
      </Fact>
      <Fact label={t('activities.period')}>
        {formatDateTime(activity.plannedStart)} — {formatDateTime(activity.plannedEnd)}
      </Fact>
      {activity.inspectors && <Fact label={t('activities.inspectors')}>{activity.inspectors.map((i) => i.fullName).join(', ')}</Fact>}
    </SimpleGrid>
  );
}
