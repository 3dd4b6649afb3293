import { Code, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SHEET_FILES } from '../shared/cctv.api.ts';
import { FileForm } from '../shared/FileForm.tsx';
import { useImportRooms } from './premises.queries.ts';

/** R335-2: rooms from a sheet; one bad line refuses the whole file, and the server says which line and column. */
export function ImportForm({ orgId, onDone }: { orgId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const run = useImportRooms(orgId);
  return (
    <Stack gap="md">
      <Text size="sm">{t('cctv.import.hint')}</Text>
      <Code block>
        {'building,floor,room,room_type,unit\nБас корпус,1-қабат,Холл,hall,\nБас корпус,1-қабат,Дәліз,corridor,Травматологиялық пункт'}
      </Code>
      <Text size="xs" c="dimmed">
        {t('cctv.import.types')}
      </Text>
      <FileForm
        label={t('cctv.import.file')}
        types={SHEET_FILES}
        submitLabel={t('cctv.import.submit')}
        error={run.error}
        pending={run.isPending}
        onPick={() => run.reset()}
        onSubmit={(file, type) => run.mutateAsync({ file, type })}
        onCancel={onDone}
        done={run.data && t('cctv.import.done', { created: run.data.created, rooms: run.data.rooms })}
        testId="import-form"
      />
    </Stack>
  );
}
