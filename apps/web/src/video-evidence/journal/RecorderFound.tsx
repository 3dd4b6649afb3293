import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Recorder } from '../recorders/recorders.queries.ts';

/** Under the scan field: which device was found, and a warning when it cannot be handed out now. */
export function RecorderFound({ recorder, expect = 'in_storage' }: { recorder: Recorder; expect?: Recorder['status'] }) {
  const { t } = useTranslation();
  const ok = recorder.status === expect;
  return (
    <Text span size="xs" c={ok ? 'teal.8' : 'orange.8'} fw={500} data-testid="recorder-found">
      {t('journal.scan.found', { model: recorder.model, serial: recorder.serialNumber, status: t(`recorders.status.${recorder.status}`) })}
    </Text>
  );
}
