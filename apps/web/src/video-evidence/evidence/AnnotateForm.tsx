import { Button, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../kernel/api/errors.ts';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { useAnnotateFinding } from './evidence.queries.ts';
import { FINDING_DECISIONS, type Finding, type FindingDecision } from './evidence.types.ts';
import { findingText } from './evidenceText.ts';

/** R444-19: the head explains a finding or refers it for disciplinary proceedings; the finding itself stays. */
export function AnnotateForm({ orgId, finding, onDone }: { orgId: string; finding: Finding; onDone: () => void }) {
  const { t } = useTranslation();
  const annotate = useAnnotateFinding(orgId);
  const [decision, setDecision] = useState<FindingDecision>('explained');
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const short = tried && note.trim().length < 3;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (note.trim().length < 3) return;
    try {
      await annotate.mutateAsync({ findingId: finding.id, decision, note: note.trim() });
      onDone();
    } catch {
      // shown below
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="annotate-form">
      <Stack gap="md">
        <Text size="sm" fw={500}>
          {findingText(t, finding)}
        </Text>
        <ErrorAlert error={annotate.error} shownFields={['note', 'decision']} />
        <Radio.Group label={t('evidence.annotate.decision')} required value={decision} onChange={(v) => setDecision(v as FindingDecision)}>
          <Stack mt={6} gap="xs">
            {FINDING_DECISIONS.map((d) => (
              <Radio key={d} value={d} label={t(`evidence.decision.${d}`)} data-autofocus={d === 'explained' || undefined} />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('evidence.annotate.note')}
          description={t('evidence.annotate.noteHint')}
          required
          autosize
          minRows={3}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={(short ? t('evidence.annotate.noteShort') : undefined) ?? fieldError(annotate.error, 'note')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('action.cancel')}
          </Button>
          <Button type="submit" loading={annotate.isPending}>
            {t('evidence.annotate.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
