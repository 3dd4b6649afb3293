import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../kernel/components/DateField.tsx';
import { FormAlert } from '../shared/FormAlert.tsx';
import { serverError } from '../shared/formErrors.ts';
import type { Appointment } from '../shared/pc.types.ts';
import { useEndAppointment } from './officials.queries.ts';

export function EndAppointmentForm({ orgId, appointment, onDone }: { orgId: string; appointment: Appointment; onDone: () => void }) {
  const { t } = useTranslation();
  const end = useEndAppointment(orgId);
  const [validTo, setValidTo] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!validTo || !reason.trim()) return;
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
        <FormAlert error={end.error} fields={['validTo', 'reason']} />
        <DateField
          label={t('common:pc.field.validTo')}
          required
          value={validTo}
          onChange={setValidTo}
          error={serverError(end.error, 'validTo')}
        />
        <Textarea
          label={t('pc.appointment.endReason')}
          required
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('action.cancel')}
          </Button>
          <Button type="submit" color="red" disabled={!validTo || !reason.trim()} loading={end.isPending}>
            {t('pc.appointment.end')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
