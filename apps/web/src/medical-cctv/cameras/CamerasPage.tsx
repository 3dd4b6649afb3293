import { Button, Group, Modal, Paper, SegmentedControl } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataState } from '../../kernel/components/DataState.tsx';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { useCctvAccess } from '../access.ts';
import { signPdfUrl } from '../dashboard/compliance.queries.ts';
import { usePlaces } from '../premises/premises.queries.ts';
import type { Camera } from '../shared/cctv.types.ts';
import { MoveCameraForm, RemoveCameraForm, SignPhotoForm } from './CameraActionForms.tsx';
import { CamerasTable, type CameraAction } from './CamerasTable.tsx';
import { RegisterCameraForm } from './RegisterCameraForm.tsx';
import { useCameras, useRecordSign } from './cameras.queries.ts';

type Filter = 'active' | 'removed' | 'all';
type Dialog = { action: 'register' | 'photo' | 'move' | 'remove'; camera?: Camera } | null;

/** R335-4 … R335-7: the camera register, judged by the placement rules; signs (point 6); moves and removals. */
export function CamerasPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const access = useCctvAccess();
  const orgId = org!.id;
  const cameras = useCameras(orgId);
  const places = usePlaces(orgId);
  const sign = useRecordSign(orgId);
  const [filter, setFilter] = useState<Filter>('active');
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const rows = useMemo(
    () =>
      cameras.data
        ?.filter((c) => (filter === 'all' ? true : filter === 'active' ? !c.removedOn : !!c.removedOn))
        .sort((a, b) => a.number.localeCompare(b.number, 'kk', { numeric: true })),
    [cameras.data, filter],
  );
  const count = (f: Filter) =>
    cameras.data?.filter((c) => (f === 'all' ? true : f === 'active' ? !c.removedOn : !!c.removedOn)).length ?? 0;

  const act = (action: CameraAction, camera: Camera) => {
    if (action === 'signOn' || action === 'signOff') sign.mutate({ id: camera.id, installed: action === 'signOn' });
    else setDialog({ action, camera });
  };
  const titles = {
    register: t('cctv.camera.registerTitle'),
    photo: t('cctv.sign.photoTitle', { number: dialog?.camera?.number ?? '' }),
    move: t('cctv.camera.moveTitle', { number: dialog?.camera?.number ?? '' }),
    remove: t('cctv.camera.removeTitle', { number: dialog?.camera?.number ?? '' }),
  };

  return (
    <>
      <PageHeader
        title={t('cctv.cameras.title')}
        description={t('cctv.cameras.description')}
        actions={
          <>
            <Button component="a" href={signPdfUrl(orgId)} download variant="default">
              {t('cctv.dashboard.signPdf')}
            </Button>
            {access.keeper && <Button onClick={() => setDialog({ action: 'register' })}>{t('cctv.camera.registerTitle')}</Button>}
          </>
        }
      />
      <Group mb="md">
        <SegmentedControl
          aria-label={t('cctv.cameras.filter')}
          value={filter}
          onChange={(v) => setFilter(v as Filter)}
          data={(['active', 'removed', 'all'] as const).map((f) => ({ value: f, label: `${t(`cctv.cameras.filter.${f}`)} · ${count(f)}` }))}
        />
      </Group>
      <ErrorAlert error={sign.error} />
      <Paper withBorder radius="md">
        <DataState query={{ ...cameras, data: places.data ? rows : undefined }} empty={t('cctv.cameras.empty')}>
          {(r) => <CamerasTable orgId={orgId} cameras={r} places={places.data ?? []} editable={access.keeper} onAction={act} />}
        </DataState>
      </Paper>
      <Modal
        opened={!!dialog}
        onClose={close}
        title={dialog ? titles[dialog.action] : ''}
        size={dialog?.action === 'register' ? 'lg' : 'md'}
      >
        {dialog?.action === 'register' && <RegisterCameraForm orgId={orgId} places={places.data ?? []} onDone={close} />}
        {dialog?.action === 'photo' && dialog.camera && <SignPhotoForm orgId={orgId} camera={dialog.camera} onDone={close} />}
        {dialog?.action === 'move' && dialog.camera && (
          <MoveCameraForm orgId={orgId} camera={dialog.camera} places={places.data ?? []} onDone={close} />
        )}
        {dialog?.action === 'remove' && dialog.camera && <RemoveCameraForm orgId={orgId} camera={dialog.camera} onDone={close} />}
      </Modal>
    </>
  );
}
