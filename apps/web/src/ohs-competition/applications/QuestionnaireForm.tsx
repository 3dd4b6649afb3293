import { Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { QUESTIONNAIRE_FIELDS, type Questionnaire } from '@baqylau/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { useUpdateDraft } from '../competition.queries.ts';
import type { ApplicationDetail } from '../competition.types.ts';

/** Appendix 2 (15 rows), Appendix 3 (characteristic) and Appendix 4 (explanatory note): edited in a draft, read afterwards. */
export function QuestionnaireForm({
  orgId,
  application: a,
  editable,
}: {
  orgId: string;
  application: ApplicationDetail;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const update = useUpdateDraft(orgId, a.id);
  const [q, setQ] = useState<Partial<Questionnaire>>(a.questionnaire);
  const [characteristic, setCharacteristic] = useState(a.characteristic);
  const [note, setNote] = useState(a.explanatoryNote);
  if (!editable)
    return (
      <Paper withBorder radius="md" p="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          {QUESTIONNAIRE_FIELDS.map((f) => (
            <Text key={f} size="sm">
              <Text span c="dimmed" size="xs">
                {t(`common:competition.field.${f}`)}:{' '}
              </Text>
              {a.questionnaire[f] ?? '—'}
            </Text>
          ))}
        </SimpleGrid>
      </Paper>
    );
  const save = () => update.mutate({ questionnaire: q, characteristic, explanatoryNote: note });
  return (
    <Paper withBorder radius="md" p="md" data-testid="questionnaire">
      <Stack gap="sm">
        <Text fw={600}>{t('competition.application.questionnaire')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {QUESTIONNAIRE_FIELDS.map((f) => (
            <TextInput
              key={f}
              name={f}
              label={t(`common:competition.field.${f}`)}
              placeholder={f === 'birthDate' ? 'yyyy-mm-dd' : undefined}
              value={q[f] ?? ''}
              maxLength={f === 'birthDate' ? 10 : 500}
              onChange={(e) => setQ({ ...q, [f]: e.currentTarget.value })}
            />
          ))}
        </SimpleGrid>
        <Textarea
          name="characteristic"
          label={t('common:competition.field.characteristic')}
          autosize
          minRows={3}
          value={characteristic}
          onChange={(e) => setCharacteristic(e.currentTarget.value)}
        />
        <Textarea
          name="explanatoryNote"
          label={t('common:competition.field.explanatoryNote')}
          autosize
          minRows={3}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <ErrorAlert error={update.error} />
        <Group justify="flex-end">
          <Button onClick={save} loading={update.isPending} data-testid="save-questionnaire">
            {t('competition.application.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
