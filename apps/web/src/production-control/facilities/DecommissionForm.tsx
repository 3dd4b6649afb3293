import { Button, Group, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../kernel/components/DateField.tsx';
import { FormAlert } from '../shared/FormAlert.tsx';
import { serverError } from '../shared/formErrors.ts';
import type { Facility } from '../shared/pc.types.ts';
import { useDecommission } from './facilities.queries.ts';

/** A facility leaves service; it stays in the register with its records. */
export function DecommissionForm({ orgId, facility, onDone }: { orgId: string; facility: Facility; onDone: () => void }) {
  const { t } = useTranslation();
  const act = useDecommission(orgId);
  const [on, setOn] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!on) return;
    try {
      await act.mutateAsync({ id: facility.id, decommissionedOn: on });
      onDone();
    } catch {
      // shown in the form
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('pc.facility.decommissionHint')}</Text>
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
