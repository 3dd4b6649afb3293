import { Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../kernel/api/errors.ts';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { formatDateTime } from '../../kernel/format/datetime.ts';
import { captureTimeText } from './evidenceText.ts';
import { useAttachRecording } from './evidence.queries.ts';
import type { Recording } from './evidence.types.ts';
import { useEntryIndex } from './useEntryIndex.ts';

/**
 * R444-5: a recording whose corrected time falls in no issue is attached by the responsible person to an
 * issue of the same recorder, with a reason; its capture time stays as recorded, and it can be attached once.
 */
export function AttachForm({ orgId, recording, onDone }: { orgId: string; recording: Recording; onDone: () => void }) {
  const { t } = useTranslation();
  const attach = useAttachRecording(orgId);
  const entries = useEntryIndex(orgId);
  const [entryId, setEntryId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const options = [...entries.values()]
    .filter((e) => e.recorderId === recording.recorderId && !e.struckAt)
    .sort((a, b) => b.issuedAt.localeCompare(a.issuedAt))
    .map((e) => ({
      value: e.id,
      label: t('evidence.attach.option', {
        number: e.number,
        name: e.inspectorName,
        from: formatDateTime(e.issuedAt),
        to: e.returnedAt ? formatDateTime(e.returnedAt) : t('journal.cell.out'),
      }),
    }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!entryId || reason.trim().length < 3) return;
    try {
      await attach.mutateAsync({ recordingId: recording.id, journalEntryId: entryId, reason: reason.trim() });
      onDone();
    } catch {
      // shown below
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="attach-form">
      <Stack gap="md">
        <Text size="sm">{t('evidence.attach.what', { name: recording.originalName, at: captureTimeText(t, recording.startedAt) })}</Text>
        <ErrorAlert error={attach.error} shownFields={['journalEntryId', 'reason']} />
        <Select
          data-autofocus
          label={t('evidence.attach.entry')}
          required
          data={options}
          value={entryId}
          onChange={setEntryId}
          nothingFoundMessage={t('evidence.attach.noEntries')}
          error={(tried && !entryId ? t('form.required') : undefined) ?? fieldError(attach.error, 'journalEntryId')}
        />
        <Textarea
          label={t('evidence.attach.reason')}
          description={t('evidence.attach.reasonHint')}
          required
          autosize
          minRows={2}
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={(tried && reason.trim().length < 3 ? t('evidence.annotate.noteShort') : undefined) ?? fieldError(attach.error, 'reason')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('action.cancel')}
          </Button>
          <Button type="submit" loading={attach.isPending}>
            {t('evidence.attach.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
