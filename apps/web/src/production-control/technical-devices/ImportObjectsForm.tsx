import { Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { useImportObjects } from './technical-devices.api.ts';

/** R315-6: an object list from XLSX or CSV; a refused row (named by its number) writes nothing. */
export function ImportObjectsForm({ orgId, onDone }: { orgId: string; onDone: (imported: number) => void }) {
  const { t } = useTranslation();
  const imp = useImportObjects(orgId);
  const [file, setFile] = useState<File | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    try {
      onDone((await imp.mutateAsync(file)).imported);
    } catch {
      // shown in the form
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('pc.technical.importHint')}</Text>
        <ErrorAlert error={imp.error} />
        <FileInput label={t('pc.import.file')} required accept=".xlsx,.csv" value={file} onChange={setFile} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone(0)}>
            {t('action.cancel')}
          </Button>
          <Button type="submit" disabled={!file} loading={imp.isPending}>
            {t('pc.technical.import')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
