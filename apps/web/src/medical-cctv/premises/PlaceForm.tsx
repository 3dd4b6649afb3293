import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { PLACE_KINDS, type PlaceKind, type RoomType } from '@baqylau/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Place } from '../shared/cctv.types.ts';
import { FormAlert } from '../shared/FormAlert.tsx';
import { serverError } from '../shared/formErrors.ts';
import { groupedOptions, mayBeTopLevel, parentChoices } from '../shared/placeTree.ts';
import { roomTypeData } from '../shared/roomTypes.ts';
import { useAddPlace } from './premises.queries.ts';

const FIELDS = ['kind', 'parentId', 'name', 'roomType', 'unit'];

/** R335-2: a building, mobile medical complex, floor, room or perimeter section enters the register. */
export function PlaceForm({
  orgId,
  places,
  parent,
  onDone,
}: {
  orgId: string;
  places: Place[];
  /** Opened from a place's row: the new place goes under it. */
  parent?: Place;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const add = useAddPlace(orgId);
  const firstKind: PlaceKind = parent ? (parent.kind === 'floor' ? 'room' : parent.kind === 'vehicle' ? 'room' : 'floor') : 'building';
  const [kind, setKind] = useState<PlaceKind>(firstKind);
  const [parentId, setParentId] = useState<string | null>(parent?.id ?? null);
  const [name, setName] = useState('');
  const [roomType, setRoomType] = useState<RoomType | null>(null);
  const [unit, setUnit] = useState('');
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState<string[]>([]);
  const parents = parentChoices(places, kind);
  const needsParent = !mayBeTopLevel(kind);
  const err = add.error;

  const chooseKind = (k: PlaceKind) => {
    setKind(k);
    if (parentId && !parentChoices(places, k).some((p) => p.id === parentId)) setParentId(null);
    if (k !== 'room') setRoomType(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!name.trim() || (needsParent && !parentId) || (kind === 'room' && !roomType)) return;
    try {
      const p = await add.mutateAsync({
        kind,
        name: name.trim(),
        parentId,
        ...(kind === 'room' && roomType ? { roomType } : {}),
        ...(unit.trim() ? { unit: unit.trim() } : {}),
      });
      // Rooms come in series: the form stays open on the same floor.
      setSaved((s) => [...s, p.name]);
      setName('');
      setTried(false);
    } catch {
      // shown in the form
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="place-form">
      <Stack gap="md">
        {saved.length > 0 && (
          <Text size="sm" c="teal.8" role="status">
            {t('cctv.place.added', { list: saved.join(', ') })}
          </Text>
        )}
        <FormAlert error={err} fields={FIELDS} />
        <Select
          label={t('cctv.place.kind')}
          required
          allowDeselect={false}
          data={PLACE_KINDS.map((k) => ({ value: k, label: t(`cctv.kindLabel.${k}`) }))}
          value={kind}
          onChange={(v) => v && chooseKind(v as PlaceKind)}
          error={serverError(err, 'kind')}
        />
        <Select
          label={t('cctv.place.parent')}
          description={needsParent ? undefined : t('cctv.place.parentOptional')}
          required={needsParent}
          searchable
          clearable
          data={groupedOptions(parents, places, (p) => t(`common:cctv.kind.${p.kind}`))}
          value={parentId}
          onChange={setParentId}
          nothingFoundMessage={t('cctv.place.noParents')}
          error={(tried && needsParent && !parentId ? t('form.required') : undefined) ?? serverError(err, 'parentId')}
        />
        <TextInput
          label={t('cctv.place.name')}
          required
          data-autofocus
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={(tried && !name.trim() ? t('form.required') : undefined) ?? serverError(err, 'name')}
        />
        {kind === 'room' && (
          <Select
            label={t('cctv.place.roomType')}
            description={t('cctv.place.roomTypeHint')}
            required
            searchable
            data={roomTypeData(t)}
            value={roomType}
            onChange={(v) => setRoomType(v as RoomType | null)}
            error={(tried && !roomType ? t('form.required') : undefined) ?? serverError(err, 'roomType')}
          />
        )}
        <TextInput
          label={t('cctv.place.unit')}
          description={t('cctv.place.unitHint')}
          maxLength={200}
          value={unit}
          onChange={(e) => setUnit(e.currentTarget.value)}
          error={serverError(err, 'unit')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {saved.length > 0 ? t('action.close') : t('action.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('cctv.place.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
