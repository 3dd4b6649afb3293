import { Button, Group, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../kernel/components/DateField.tsx';
import { FormAlert } from './FormAlert.tsx';
import { serverError } from './formErrors.ts';

/** The decommissioning call of a register (facilities, technical objects). */
interface Decommission {
  mutateAsync: (v: { id: string; decommissionedOn: string }) => Promise<unknown>;
  error: unknown;
  isPending: boolean;
}

/** A facility or a technical object leaves service on a date; it stays in its register with its records (never deleted). */
export function DecommissionForm({ id, act, hint, onDone }: { id: string; act: Decommission; hint: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [on, setOn] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!on) return;
    try {
      await act.mutateAsync({ id, decommissionedOn: on });
      onDone();
    } catch {
      // shown in the form
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{hint}</Text>
        <FormAlert error={act.error} fields={['decommissionedOn']} />
        <DateField
          label={t('common:pc.field.decommissionedOn')}
          required
          value={on}
          onChange={setOn}
          error={serverError(act.error, 'decommissionedOn')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('action.cancel')}
          </Button>
          <Button type="submit" color="red" disabled={!on} loading={act.isPending}>
            {t('pc.facility.decommission')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
