import { Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../kernel/components/DateField.tsx';
import { formatCalendarDate, todayInZone } from '../../kernel/format/datetime.ts';
import { PHOTO_FILES } from '../shared/cctv.api.ts';
import type { Camera, Place } from '../shared/cctv.types.ts';
import { FileForm } from '../shared/FileForm.tsx';
import { FormAlert } from '../shared/FormAlert.tsx';
import { serverError } from '../shared/formErrors.ts';
import { cameraSpots, groupedOptions } from '../shared/placeTree.ts';
import { useMoveCamera, useRemoveCamera, useUploadSignPhoto } from './cameras.queries.ts';
import { spotDetail } from './RegisterCameraForm.tsx';

const tooShort = (s: string) => s.trim().length < 3;

/** A camera moves to another room or perimeter section: judged again by the Rules; its sign and pin start anew. */
export function MoveCameraForm({ orgId, camera, places, onDone }: { orgId: string; camera: Camera; places: Place[]; onDone: () => void }) {
  const { t } = useTranslation();
  const move = useMoveCamera(orgId);
  const [placeId, setPlaceId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const spots = cameraSpots(places).filter((p) => p.id !== camera.placeId);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!placeId || tooShort(reason)) return;
    await move.mutateAsync({ id: camera.id, placeId, reason: reason.trim() }).then(onDone, () => undefined);
  };
  return (
    <form onSubmit={submit} noValidate data-testid="move-form">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('cctv.camera.moveHint')}
        </Text>
        <FormAlert error={move.error} fields={['placeId', 'reason']} />
        <Select
          label={t('cctv.camera.newPlace')}
          required
          searchable
          data={groupedOptions(spots, places, spotDetail(t))}
          value={placeId}
          onChange={(v) => {
            setPlaceId(v);
            move.reset();
          }}
          error={(tried && !placeId ? t('form.required') : undefined) ?? serverError(move.error, 'placeId')}
        />
        <Textarea
          label={t('cctv.camera.reason')}
          required
          autosize
          minRows={2}
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={(tried && tooShort(reason) ? t('cctv.form.atLeast3') : undefined) ?? serverError(move.error, 'reason')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('action.cancel')}
          </Button>
          <Button type="submit" loading={move.isPending}>
            {t('cctv.camera.move')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A camera is taken down: it stays in the register with the date and the reason. */
export function RemoveCameraForm({ orgId, camera, onDone }: { orgId: string; camera: Camera; onDone: () => void }) {
  const { t } = useTranslation();
  const remove = useRemoveCamera(orgId);
  const [removedOn, setRemovedOn] = useState<string | null>(todayInZone());
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!removedOn || tooShort(reason)) return;
    await remove.mutateAsync({ id: camera.id, removedOn, reason: reason.trim() }).then(onDone, () => undefined);
  };
  return (
    <form onSubmit={submit} noValidate data-testid="remove-form">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('cctv.camera.removeHint', { date: formatCalendarDate(camera.installedOn) })}
        </Text>
        <FormAlert error={remove.error} fields={['removedOn', 'reason']} />
        <DateField
          label={t('cctv.camera.removedOn')}
          required
          value={removedOn}
          onChange={setRemovedOn}
          error={(tried && !removedOn ? t('form.required') : undefined) ?? serverError(remove.error, 'removedOn')}
        />
        <Textarea
          label={t('cctv.camera.reason')}
          required
          autosize
          minRows={2}
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={(tried && tooShort(reason) ? t('cctv.form.atLeast3') : undefined) ?? serverError(remove.error, 'reason')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('action.cancel')}
          </Button>
          <Button type="submit" color="red" loading={remove.isPending}>
            {t('cctv.camera.remove')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Point 6: a photo of the sign hanging at the camera (JPEG or PNG) marks it installed. */
export function SignPhotoForm({ orgId, camera, onDone }: { orgId: string; camera: Camera; onDone: () => void }) {
  const { t } = useTranslation();
  const upload = useUploadSignPhoto(orgId);
  return (
    <FileForm
      label={t('cctv.sign.photo')}
      description={t('cctv.sign.photoHint')}
      types={PHOTO_FILES}
      submitLabel={t('cctv.sign.uploadPhoto')}
      error={upload.error}
      pending={upload.isPending}
      onPick={() => upload.reset()}
      onSubmit={(file, type) => upload.mutateAsync({ id: camera.id, file, type }).then(onDone)}
      onCancel={onDone}
      testId="sign-photo-form"
    />
  );
}
