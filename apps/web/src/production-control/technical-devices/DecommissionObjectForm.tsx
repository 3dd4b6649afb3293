import { Button, Group, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../kernel/components/DateField.tsx';
import { FormAlert } from '../shared/FormAlert.tsx';
import { serverError } from '../shared/formErrors.ts';
import type { TechnicalObject } from '@baqylau/contracts';
import { useDecommissionObject } from './technical-devices.api.ts';

/** R315-6: an object leaves service; it stays in the register with its examinations (never deleted). */
export function DecommissionObjectForm({ orgId, object, onDone }: { orgId: string; object: TechnicalObject; onDone: () => void }) {
  const { t } = useTranslation();
  const act = useDecommissionObject(orgId);
  const [on, setOn] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!on) return;
    try {
      await act.mutateAsync({ id: object.id, decommissionedOn: on });
      onDone();
    } catch {
      // shown in the form
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('pc.technical.decommissionHint')}</Text>
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
