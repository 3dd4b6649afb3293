import { Button, Modal, Paper, Stack, Switch } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataState } from '../../kernel/components/DataState.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { useCctvAccess } from '../access.ts';
import { useCameras } from '../cameras/cameras.queries.ts';
import type { Place } from '../shared/cctv.types.ts';
import { flatten, placeTree } from '../shared/placeTree.ts';
import { ClosePlaceDialog } from './ClosePlaceDialog.tsx';
import { EditPlaceForm } from './EditPlaceForm.tsx';
import { ImportForm } from './ImportForm.tsx';
import { PlaceForm } from './PlaceForm.tsx';
import { PlacesTable, type PlaceAction } from './PlacesTable.tsx';
import { PlanForm } from './PlanForm.tsx';
import { ProfileCard } from './ProfileCard.tsx';
import { usePlaces } from './premises.queries.ts';

type Dialog = { action: PlaceAction | 'new' | 'import'; place?: Place } | null;

/** R335-2: the types of care and the premises register (buildings, complexes, floors, rooms, perimeter), plans, import. */
export function PremisesPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const access = useCctvAccess();
  const orgId = org!.id;
  const places = usePlaces(orgId);
  const cameras = useCameras(orgId);
  const [withClosed, setWithClosed] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const rows = useMemo(() => (places.data ? flatten(placeTree(places.data, withClosed)) : undefined), [places.data, withClosed]);
  const byPlace = useMemo(() => {
    const m = new Map<string, string[]>();
    for (const c of cameras.data ?? []) if (!c.removedOn) m.set(c.placeId, [...(m.get(c.placeId) ?? []), c.number]);
    return m;
  }, [cameras.data]);
  const all = places.data ?? [];
  const titles: Record<NonNullable<Dialog>['action'], string> = {
    new: t('cctv.place.addTitle'),
    add: t('cctv.place.addTitle'),
    edit: t('cctv.place.editTitle', { name: dialog?.place?.name ?? '' }),
    plan: t('cctv.plan.uploadTitle', { name: dialog?.place?.name ?? '' }),
    close: t('cctv.premises.closeTitle', { name: dialog?.place?.name ?? '' }),
    import: t('cctv.import.title'),
  };

  return (
    <>
      <PageHeader
        title={t('cctv.premises.title')}
        description={t('cctv.premises.description')}
        actions={
          access.keeper && (
            <>
              <Button variant="default" onClick={() => setDialog({ action: 'import' })}>
                {t('cctv.import.open')}
              </Button>
              <Button onClick={() => setDialog({ action: 'new' })}>{t('cctv.place.addTitle')}</Button>
            </>
          )
        }
      />
      <Stack gap="lg">
        <ProfileCard orgId={orgId} editable={access.keeper} />
        <Switch label={t('cctv.premises.showClosed')} checked={withClosed} onChange={(e) => setWithClosed(e.currentTarget.checked)} />
        <Paper withBorder radius="md">
          <DataState query={{ ...places, data: rows }} empty={t('cctv.premises.empty')}>
            {(r) => (
              <PlacesTable rows={r} cameras={byPlace} editable={access.keeper} onAction={(action, place) => setDialog({ action, place })} />
            )}
          </DataState>
        </Paper>
      </Stack>
      <Modal opened={!!dialog} onClose={close} title={dialog ? titles[dialog.action] : ''} size={dialog?.action === 'import' ? 'lg' : 'md'}>
        {(dialog?.action === 'new' || dialog?.action === 'add') && (
          <PlaceForm orgId={orgId} places={all} parent={dialog.place} onDone={close} />
        )}
        {dialog?.action === 'edit' && dialog.place && <EditPlaceForm orgId={orgId} place={dialog.place} onDone={close} />}
        {dialog?.action === 'plan' && dialog.place && <PlanForm orgId={orgId} floor={dialog.place} onDone={close} />}
        {dialog?.action === 'close' && dialog.place && <ClosePlaceDialog orgId={orgId} place={dialog.place} onDone={close} />}
        {dialog?.action === 'import' && <ImportForm orgId={orgId} onDone={close} />}
      </Modal>
    </>
  );
}
