import { Button, Checkbox, Group, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { CONTROL_OBJECTS, type ControlObject } from '@baqylau/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../kernel/components/DateField.tsx';
import { todayInZone } from '../../kernel/format/datetime.ts';
import type { Place } from '../shared/cctv.types.ts';
import { FormAlert } from '../shared/FormAlert.tsx';
import { serverError } from '../shared/formErrors.ts';
import { cameraSpots, groupedOptions } from '../shared/placeTree.ts';
import { useRegisterCamera } from './cameras.queries.ts';

const FIELDS = ['number', 'placeId', 'coverage', 'controlObjects', 'model', 'installedOn'];

/** The detail beside a place in a select: its room type, or "perimeter section". */
export const spotDetail = (t: (k: string) => string) => (p: Place) =>
  p.roomType ? t(`common:cctv.room.${p.roomType}`) : t(`common:cctv.kind.${p.kind}`);

/**
 * R335-4 … R335-7: a camera enters the register with its place (a room: internal; a perimeter
 * section: external), what it covers (point 7) and its objects of control (point 5). The server
 * judges the place by the Rules; a refusal names the point, under the place field.
 */
export function RegisterCameraForm({ orgId, places, onDone }: { orgId: string; places: Place[]; onDone: () => void }) {
  const { t } = useTranslation();
  const register = useRegisterCamera(orgId);
  const [number, setNumber] = useState('');
  const [placeId, setPlaceId] = useState<string | null>(null);
  const [coverage, setCoverage] = useState('');
  const [objects, setObjects] = useState<ControlObject[]>([]);
  const [model, setModel] = useState('');
  const [installedOn, setInstalledOn] = useState<string | null>(todayInZone());
  const [sign, setSign] = useState(false);
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState<string[]>([]);
  const first = useRef<HTMLInputElement>(null);
  const err = register.error;
  const need = (bad: boolean) => (tried && bad ? t('form.required') : undefined);
  const coverageShort = coverage.trim().length > 0 && coverage.trim().length < 3;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!number.trim() || !placeId || coverage.trim().length < 3 || objects.length === 0 || !installedOn) return;
    try {
      const c = await register.mutateAsync({
        number: number.trim(),
        placeId,
        coverage: coverage.trim(),
        controlObjects: objects,
        ...(model.trim() ? { model: model.trim() } : {}),
        installedOn,
        signInstalled: sign,
      });
      setSaved((s) => [...s, c.number]);
      // The next camera of a delivery: same model and date, a new number and place.
      setNumber('');
      setPlaceId(null);
      setCoverage('');
      setSign(false);
      setTried(false);
      first.current?.focus();
    } catch {
      // shown under its field
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="camera-form">
      <Stack gap="md">
        {saved.length > 0 && (
          <Text size="sm" c="teal.8" role="status">
            {t('cctv.camera.registered', { list: saved.join(', ') })}
          </Text>
        )}
        <FormAlert error={err} fields={FIELDS} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            ref={first}
            data-autofocus
            label={t('cctv.camera.number')}
            description={t('cctv.camera.numberHint')}
            required
            maxLength={50}
            value={number}
            onChange={(e) => setNumber(e.currentTarget.value)}
            error={need(!number.trim()) ?? serverError(err, 'number')}
          />
          <DateField
            label={t('cctv.camera.installedOn')}
            required
            value={installedOn}
            onChange={setInstalledOn}
            error={need(!installedOn) ?? serverError(err, 'installedOn')}
          />
        </SimpleGrid>
        <Select
          label={t('cctv.camera.place')}
          description={t('cctv.camera.placeHint')}
          required
          searchable
          data={groupedOptions(cameraSpots(places), places, spotDetail(t))}
          value={placeId}
          onChange={(v) => {
            setPlaceId(v);
            register.reset();
          }}
          nothingFoundMessage={t('cctv.camera.noSpots')}
          error={need(!placeId) ?? serverError(err, 'placeId')}
        />
        <Textarea
          label={t('cctv.camera.coverage')}
          description={t('cctv.camera.coverageHint')}
          required
          autosize
          minRows={2}
          maxLength={1000}
          value={coverage}
          onChange={(e) => setCoverage(e.currentTarget.value)}
          error={need(!coverage.trim()) ?? (tried && coverageShort ? t('cctv.form.atLeast3') : undefined) ?? serverError(err, 'coverage')}
        />
        <Checkbox.Group
          label={t('cctv.camera.objects')}
          description={t('cctv.camera.objectsHint')}
          required
          value={objects}
          onChange={(v) => setObjects(v as ControlObject[])}
          error={need(objects.length === 0) ?? serverError(err, 'controlObjects')}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
            {CONTROL_OBJECTS.map((o) => (
              <Checkbox key={o} value={o} label={t(`common:cctv.object.${o}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <TextInput
          label={t('cctv.camera.model')}
          maxLength={200}
          value={model}
          onChange={(e) => setModel(e.currentTarget.value)}
          error={serverError(err, 'model')}
        />
        <Checkbox label={t('cctv.camera.signNow')} checked={sign} onChange={(e) => setSign(e.currentTarget.checked)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {saved.length > 0 ? t('action.close') : t('action.cancel')}
          </Button>
          <Button type="submit" loading={register.isPending}>
            {t('cctv.camera.registerSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
