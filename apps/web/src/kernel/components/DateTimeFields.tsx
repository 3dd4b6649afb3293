import { Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from './DateField.tsx';

export interface DateTimeValue {
  date: string | null;
  time: string;
}

/** "9:05", "0905" or "09.05" → "09:05" (24-hour); null when it is not a time of day. */
export function normaliseTime(text: string): string | null {
  const m = /^\s*(\d{1,2})[:.]?(\d{2})\s*$/.exec(text);
  if (!m) return null;
  const [h, min] = [Number(m[1]), Number(m[2])];
  return h < 24 && min < 60 ? `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}` : null;
}

/** A date typed as dd.MM.yyyy (or picked) beside a 24-hour HH:mm time, both labelled, for keyboard entry. */
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
      <TextInput
        label={t('form.time')}
        aria-label={`${label}: ${t('form.time')}`}
        placeholder={t('form.timePlaceholder')}
        inputMode="numeric"
        maxLength={5}
        required={required}
        value={value.time}
        onChange={(e) => onChange({ ...value, time: e.currentTarget.value })}
        onBlur={() => onChange({ ...value, time: normaliseTime(value.time) ?? value.time })}
        error={value.time && !normaliseTime(value.time) ? t('form.timeInvalid') : undefined}
        w={100}
      />
    </Group>
  );
}
