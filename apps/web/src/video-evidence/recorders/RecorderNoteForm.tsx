import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../kernel/api/errors.ts';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { useRecorderAction, useReportBreakage, type Recorder } from './recorders.queries.ts';

export type RecorderStep = 'breakage' | 'repair' | 'repaired' | 'write-off';

/** Each change of a recorder's state carries a note: what broke, where it went, why it is written off. */
export function RecorderNoteForm({
  orgId,
  recorder,
  step,
  onDone,
}: {
  orgId: string;
  recorder: Pick<Recorder, 'id' | 'inventoryNumber'>;
  step: RecorderStep;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const breakage = useReportBreakage(orgId);
  const action = useRecorderAction(orgId);
  const m = step === 'breakage' ? breakage : action;
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const short = tried && note.trim().length < 3 ? t('recorders.noteTooShort') : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (note.trim().length < 3) return;
    try {
      if (step === 'breakage') await breakage.mutateAsync({ id: recorder.id, description: note.trim() });
      else await action.mutateAsync({ id: recorder.id, action: step, note: note.trim() });
      onDone();
    } catch {
      // shown below
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ErrorAlert error={m.error} shownFields={['note', 'description']} />
        <Textarea
          data-autofocus
          label={t(`recorders.step.${step}.note`)}
          description={t(`recorders.step.${step}.hint`)}
          required
          autosize
          minRows={3}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={short ?? fieldError(m.error, 'note') ?? fieldError(m.error, 'description')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('action.cancel')}
          </Button>
          <Button type="submit" color={step === 'repaired' ? 'teal' : 'red'} loading={m.isPending}>
            {t(`recorders.step.${step}.submit`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
