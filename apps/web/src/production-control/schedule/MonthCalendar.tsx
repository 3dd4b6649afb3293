import { Badge, Box, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ScheduleItem } from '../shared/pc.types.ts';
import { monthGrid } from './monthGrid.ts';

/** R315-7: a month of the schedule, each day with its planned inspections (overdue in red, done in green). */
export function MonthCalendar({
  year,
  month,
  onMonth,
  items,
}: {
  year: number;
  month: number;
  onMonth: (m: number) => void;
  items: ScheduleItem[];
}) {
  const { t } = useTranslation();
  const weeks = monthGrid(year, month);
  const weekdays = t('pc.calendar.weekdays').split(',');
  return (
    <Stack gap="xs">
      <Group>
        <Select
          aria-label={t('pc.calendar.month')}
          allowDeselect={false}
          data={Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: t(`pc.calendar.month_${i + 1}`) }))}
          value={String(month)}
          onChange={(v) => v && onMonth(Number(v))}
          w={180}
        />
        <Text size="sm" c="dimmed">
          {year}
        </Text>
      </Group>
      <SimpleGrid cols={7} spacing={2}>
        {weekdays.map((d) => (
          <Text key={d} size="xs" fw={700} ta="center">
            {d}
          </Text>
        ))}
        {weeks.flat().map((day, i) => (
          <Box
            key={day ?? `x${i}`}
            p={4}
            mih={64}
            style={{ border: day ? '1px solid var(--mantine-color-gray-3)' : undefined, borderRadius: 4, minWidth: 0 }}
          >
            {day && (
              <>
                <Text size="xs" c="dimmed">
                  {Number(day.slice(8))}
                </Text>
                {items
                  .filter((it) => it.plannedOn === day)
                  .map((it) => (
                    <Badge
                      key={it.id}
                      size="xs"
                      fullWidth
                      variant="light"
                      color={it.done ? 'teal' : it.overdue ? 'red' : 'blue'}
                      title={`${it.facilityName} — ${it.responsibleName}`}
                    >
                      {it.facilityName}
                    </Badge>
                  ))}
              </>
            )}
          </Box>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
