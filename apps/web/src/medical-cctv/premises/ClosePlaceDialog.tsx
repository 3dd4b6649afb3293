import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import type { Place } from '../shared/cctv.types.ts';
import { useClosePlace } from './premises.queries.ts';

/** A place leaves the register (kept, marked closed): only without cameras and open places under it. */
export function ClosePlaceDialog({ orgId, place, onDone }: { orgId: string; place: Place; onDone: () => void }) {
  const { t } = useTranslation();
  const close = useClosePlace(orgId);
  return (
    <Stack gap="md">
      <Text size="sm">{t('cctv.premises.closeText', { name: place.name })}</Text>
      <ErrorAlert error={close.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('action.cancel')}
        </Button>
        <Button color="red" loading={close.isPending} onClick={() => close.mutateAsync(place.id).then(onDone, () => undefined)}>
          {t('cctv.premises.close')}
        </Button>
      </Group>
    </Stack>
  );
}
