import { ActionIcon, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { SEVERITIES, type Severity } from '@baqylau/contracts';
import { useTranslation } from 'react-i18next';
import type { QuestionDraft } from './checklists.queries.ts';

export const emptyQuestion = (): QuestionDraft => ({ text: '', reference: { act: '', point: '' }, severity: 'major' });

/** The draft's questions, one card each (a phone shows them one under another); rows are numbered as the server names them. */
export function QuestionsEditor({ value, onChange }: { value: QuestionDraft[]; onChange: (q: QuestionDraft[]) => void }) {
  const { t } = useTranslation();
  const set = (i: number, q: Partial<QuestionDraft>) => onChange(value.map((x, n) => (n === i ? { ...x, ...q } : x)));
  return (
    <Stack gap="sm">
      {value.map((q, i) => (
        <Paper key={q.id ?? `new-${i}`} withBorder radius="md" p="sm" data-testid="pc-question">
          <Group justify="space-between" mb={4}>
            <Text size="sm" fw={700}>
              {t('pc.checklist.question', { row: i + 1 })}
            </Text>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('pc.checklist.removeQuestion')}
              onClick={() => onChange(value.filter((_, n) => n !== i))}
            >
              ×
            </ActionIcon>
          </Group>
          <Textarea
            label={t('common:pc.field.text')}
            autosize
            minRows={2}
            maxLength={2000}
            value={q.text}
            onChange={(e) => set(i, { text: e.currentTarget.value })}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs">
            <TextInput
              label={t('common:pc.field.act')}
              maxLength={300}
              value={q.reference.act}
              onChange={(e) => set(i, { reference: { ...q.reference, act: e.currentTarget.value } })}
            />
            <TextInput
              label={t('common:pc.field.point')}
              maxLength={50}
              value={q.reference.point}
              onChange={(e) => set(i, { reference: { ...q.reference, point: e.currentTarget.value } })}
            />
            <Select
              label={t('common:pc.field.severity')}
              allowDeselect={false}
              data={SEVERITIES.map((s) => ({ value: s, label: t(`common:pc.severity.${s}`) }))}
              value={q.severity}
              onChange={(s) => s && set(i, { severity: s as Severity })}
            />
          </SimpleGrid>
        </Paper>
      ))}
      <Button variant="default" onClick={() => onChange([...value, emptyQuestion()])}>
        {t('pc.checklist.addQuestion')}
      </Button>
    </Stack>
  );
}
