import { DateInput, type DateInputProps } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { parseCalendarDate } from '../format/datetime.ts';
// The calendar's month and weekday names (English is built in); here, so they load with the pages that pick dates.
import 'dayjs/locale/kk';
import 'dayjs/locale/ru';

type Props = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'> & {
  value: string | null;
  onChange: (value: string | null) => void;
};

/** A calendar date typed as dd.MM.yyyy or picked from the calendar; the value is `yyyy-mm-dd`. */
export function DateField({ value, onChange, ...rest }: Props) {
  const { t } = useTranslation();
  return (
    <DateInput
      valueFormat="DD.MM.YYYY"
      dateParser={parseCalendarDate}
      placeholder={t('form.datePlaceholder')}
      value={value}
      onChange={onChange}
      popoverProps={{ withinPortal: true }}
      {...rest}
    />
  );
}
