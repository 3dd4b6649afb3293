import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldError } from '../api/errors.ts';
import { DateField } from '../components/DateField.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { formatCalendarDate, todayInZone } from '../format/datetime.ts';
import { useEndAppointment, type Appointment } from './appointments.queries.ts';

export function EndAppointmentForm({ orgId, appointment, onDone }: { orgId: string; appointment: Appointment; onDone: () => void }) {
  const { t } = useTranslation();
  const end = useEndAppointment(orgId);
  const [validTo, setValidTo] = useState<string | null>(todayInZone());
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const err = end.error;
  const periodError = err instanceof ApiError && err.code === 'appointment.period_invalid' ? err.message : undefined;
  const reasonShort = tried && reason.trim().length < 3 ? t('appointments.reasonTooShort') : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!validTo || reason.trim().length < 3) return;
    try {
      await end.mutateAsync({ id: appointment.id, validTo, reason: reason.trim() });
      onDone();
    } catch {
      // shown in the form
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">
          {t('appointments.endWho', {
            name: appointment.personName,
            number: appointment.orderNumber,
            date: formatCalendarDate(appointment.orderDate),
          })}
        </Text>
        {!periodError && <ErrorAlert error={err} shownFields={['validTo', 'reason']} />}
        <DateField
          label={t('appointments.lastDay')}
          required
          value={validTo}
          onChange={setValidTo}
          error={(tried && !validTo ? t('form.required') : undefined) ?? periodError ?? fieldError(err, 'validTo')}
        />
        <Textarea
          label={t('appointments.reason')}
          description={t('appointments.reasonHint')}
          required
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={reasonShort ?? fieldError(err, 'reason')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('action.cancel')}
          </Button>
          <Button type="submit" color="red" loading={end.isPending}>
            {t('appointments.end')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
