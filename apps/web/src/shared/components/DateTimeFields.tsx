import { Group } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { DateField } from './DateField.tsx';

export interface DateTimeValue {
  date: string | null;
  time: string;
}

/** A date typed as dd.MM.yyyy (or picked) beside a 24-hour time, both labelled, for keyboard entry. */
export function DateTimeFields({
  label,
  value,
  onChange,
  error,
  required,
}: {
  label: string;
  value: DateTimeValue;
  onChange: (v: DateTimeValue) => void;
  error?: string;
  required?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <DateField
        label={label}
        required={required}
        value={value.date}
        onChange={(date) => onChange({ ...value, date })}
        error={error}
        style={{ flex: 1 }}
      />
      <TimeInput
        label={t('form.time')}
        aria-label={`${label}: ${t('form.time')}`}
        required={required}
        value={value.time}
        onChange={(e) => onChange({ ...value, time: e.currentTarget.value })}
        w={110}
      />
    </Group>
  );
}
