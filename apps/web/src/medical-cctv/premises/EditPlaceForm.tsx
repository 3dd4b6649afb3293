import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import type { RoomType } from '@baqylau/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Place } from '../shared/cctv.types.ts';
import { FormAlert } from '../shared/FormAlert.tsx';
import { serverError } from '../shared/formErrors.ts';
import { roomTypeData } from '../shared/roomTypes.ts';
import { useChangePlace } from './premises.queries.ts';

/** Rename a place, or change a room's type or unit: a type the Rules forbid for the room's cameras is refused. */
export function EditPlaceForm({ orgId, place, onDone }: { orgId: string; place: Place; onDone: () => void }) {
  const { t } = useTranslation();
  const change = useChangePlace(orgId);
  const [name, setName] = useState(place.name);
  const [unit, setUnit] = useState(place.unit);
  const [roomType, setRoomType] = useState<RoomType | null>(place.roomType);
  const [tried, setTried] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!name.trim()) return;
    try {
      await change.mutateAsync({
        id: place.id,
        ...(name.trim() !== place.name ? { name: name.trim() } : {}),
        ...(unit.trim() !== place.unit ? { unit: unit.trim() } : {}),
        ...(place.kind === 'room' && roomType && roomType !== place.roomType ? { roomType } : {}),
      });
      onDone();
    } catch {
      // shown in the form
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="edit-place-form">
      <Stack gap="md">
        <FormAlert error={change.error} fields={['name', 'unit', 'roomType']} />
        <TextInput
          label={t('cctv.place.name')}
          required
          data-autofocus
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={(tried && !name.trim() ? t('form.required') : undefined) ?? serverError(change.error, 'name')}
        />
        {place.kind === 'room' && (
          <Select
            label={t('cctv.place.roomType')}
            description={t('cctv.place.retypeHint')}
            required
            searchable
            allowDeselect={false}
            data={roomTypeData(t)}
            value={roomType}
            onChange={(v) => setRoomType(v as RoomType | null)}
            error={serverError(change.error, 'roomType')}
          />
        )}
        <TextInput
          label={t('cctv.place.unit')}
          maxLength={200}
          value={unit}
          onChange={(e) => setUnit(e.currentTarget.value)}
          error={serverError(change.error, 'unit')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('action.cancel')}
          </Button>
          <Button type="submit" loading={change.isPending}>
            {t('cctv.action.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
