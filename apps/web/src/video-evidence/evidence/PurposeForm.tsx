import { Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldError } from '../../kernel/api/errors.ts';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { useStatePurpose } from './evidence.queries.ts';
import { ACCESS_PURPOSES, type AccessPurpose } from './evidence.types.ts';

/** R444-21: why the recordings are opened, stated once per session before the first view or download. */
export function PurposeForm({ orgId, onStated, onCancel }: { orgId: string; onStated: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const state = useStatePurpose(orgId);
  const [purpose, setPurpose] = useState<AccessPurpose | null>(null);
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const noteNeeded = purpose === 'other';
  const noteCode =
    state.error instanceof ApiError && state.error.code === 'evidence.purpose_note_required' ? state.error.message : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!purpose || (noteNeeded && note.trim().length < 3)) return;
    try {
      await state.mutateAsync({ purpose, note: note.trim() });
      onStated();
    } catch {
      // shown below
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="purpose-form">
      <Stack gap="md">
        <Text size="sm">{t('evidence.purpose.explain')}</Text>
        {!noteCode && <ErrorAlert error={state.error} shownFields={['purpose', 'note']} />}
        <Select
          data-autofocus
          label={t('evidence.purpose.label')}
          placeholder={t('evidence.purpose.pick')}
          required
          data={ACCESS_PURPOSES.map((p) => ({ value: p, label: t(`common:purpose.${p}`) }))}
          value={purpose}
          onChange={(v) => setPurpose(v as AccessPurpose | null)}
          error={(tried && !purpose ? t('form.required') : undefined) ?? fieldError(state.error, 'purpose')}
          allowDeselect={false}
        />
        <Textarea
          label={t('evidence.purpose.note')}
          description={noteNeeded ? t('evidence.purpose.noteRequired') : t('evidence.purpose.noteHint')}
          required={noteNeeded}
          autosize
          minRows={2}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={(tried && noteNeeded && note.trim().length < 3 ? t('evidence.purpose.noteRequired') : undefined) ?? noteCode}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('action.cancel')}
          </Button>
          <Button type="submit" loading={state.isPending}>
            {t('evidence.purpose.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
