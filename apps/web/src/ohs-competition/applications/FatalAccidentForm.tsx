import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../kernel/components/DateField.tsx';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { useRecordFatalAccident } from '../competition.queries.ts';

/** RC-8: a fatal work accident in the candidate's organisation in the reporting year excludes the candidate (point 8). */
export function FatalAccidentForm({ orgId, applicationId }: { orgId: string; applicationId: string }) {
  const { t } = useTranslation();
  const record = useRecordFatalAccident(orgId, applicationId);
  const [occurredOn, setOccurredOn] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (occurredOn) record.mutate({ occurredOn, note: note.trim() });
  };
  return (
    <Paper withBorder radius="md" p="md">
      <form onSubmit={submit}>
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            {t('competition.accident.title')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('competition.accident.hint')}
          </Text>
          <ErrorAlert error={record.error} />
          <Group align="flex-start" grow wrap="wrap">
            <DateField label={t('common:competition.field.occurredOn')} value={occurredOn} onChange={setOccurredOn} />
            <Textarea
              label={t('competition.accident.note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              autosize
              minRows={1}
            />
          </Group>
          <Group justify="flex-end">
            <Button type="submit" color="red" variant="light" loading={record.isPending} disabled={!occurredOn || note.trim().length < 3}>
              {t('competition.accident.record')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
