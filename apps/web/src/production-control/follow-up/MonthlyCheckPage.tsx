import { Alert, Button, Paper, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { ESCALATION_STEPS, type EscalationStep } from '@baqylau/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DataState } from '../../kernel/components/DataState.tsx';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { formatCalendarDate, formatDateTime } from '../../kernel/format/datetime.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { useMonthlyDraft, useRecordMonthlyCheck, type DraftLine } from '../instructions/instructions.api.ts';
import { ViolationStatusBadge } from '../instructions/words.tsx';
import { PC_HOME } from '../navigation.ts';

type Choice = { note: string; escalatedTo: EscalationStep | null };

/** R315-13: this month's check of every open item in my scope, the ladder's suggestion taken or changed, recorded once and reported to the head. */
export function MonthlyCheckPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const orgId = org!.id;
  const draft = useMonthlyDraft(orgId);
  const record = useRecordMonthlyCheck(orgId);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [summary, setSummary] = useState('');
  useEffect(() => {
    if (draft.data) setChoices(Object.fromEntries(draft.data.lines.map((l) => [l.violationId, { note: '', escalatedTo: l.suggested }])));
  }, [draft.data]);
  const set = (id: string, c: Partial<Choice>) => setChoices((s) => ({ ...s, [id]: { ...s[id]!, ...c } }));
  const steps = (l: DraftLine) => [
    { value: '', label: t('pc.instr.noEscalation') },
    ...(l.overdue ? ESCALATION_STEPS.map((s) => ({ value: s, label: t(`common:pc.instr.escalation.${s}`) })) : []),
  ];
  return (
    <>
      <PageHeader title={t('pc.instr.monthlyTitle')} description={t('pc.instr.monthlyDescription')} />
      <DataState query={{ isPending: draft.isPending, error: draft.error, data: draft.data ? [draft.data] : undefined }} empty="">
        {([first]) => {
          const d = first!;
          return d.done ? (
            <Alert color="green" variant="light" title={t('pc.instr.monthlyDone', { month: d.month })} data-testid="monthly-done">
              {t('pc.instr.monthlyDoneText', {
                at: formatDateTime(d.done.reportedAt),
                escalated: d.done.lines.filter((l) => l.escalatedTo).length,
                total: d.done.lines.length,
              })}
            </Alert>
          ) : !d.appointed ? (
            <Alert color="orange" variant="light">
              {t('pc.instr.monthlyNotAppointed')}
            </Alert>
          ) : (
            <Stack gap="md">
              <ErrorAlert error={record.error} />
              <Paper withBorder radius="md">
                <Table.ScrollContainer minWidth={900}>
                  <Table verticalSpacing="sm" data-testid="monthly-lines">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('pc.instr.item')}</Table.Th>
                        <Table.Th>{t('pc.instr.measure')}</Table.Th>
                        <Table.Th>{t('pc.instr.deadline')}</Table.Th>
                        <Table.Th>{t('pc.instr.status')}</Table.Th>
                        <Table.Th>{t('pc.instr.escalation')}</Table.Th>
                        <Table.Th>{t('pc.instr.note')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {d.lines.map((l) => (
                        <Table.Tr key={l.violationId}>
                          <Table.Td>
                            <Text component={Link} to={`${PC_HOME}/instructions/${l.instructionId}`} c="teal.8" fw={700} size="sm">
                              № {l.instructionNumber} · {l.position}
                            </Text>
                            <Text size="xs">{l.description}</Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{l.measure}</Text>
                            <Text size="xs" c="dimmed">
                              {l.performer} · {l.unitHead}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            {formatCalendarDate(l.dueOn)}
                            {l.overdue && (
                              <Text size="xs" c="red.8" fw={700}>
                                {t('pc.instr.daysOverdue', { n: l.daysOverdue })}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>
                            <ViolationStatusBadge status={l.status} overdue={l.overdue} />
                          </Table.Td>
                          <Table.Td>
                            <Select
                              aria-label={t('pc.instr.escalation')}
                              data={steps(l)}
                              value={choices[l.violationId]?.escalatedTo ?? ''}
                              onChange={(v) => set(l.violationId, { escalatedTo: (v || null) as EscalationStep | null })}
                              description={
                                l.suggested ? t('pc.instr.suggested', { step: t(`common:pc.instr.escalation.${l.suggested}`) }) : undefined
                              }
                              allowDeselect={false}
                            />
                          </Table.Td>
                          <Table.Td>
                            <TextInput
                              aria-label={t('pc.instr.note')}
                              value={choices[l.violationId]?.note ?? ''}
                              onChange={(e) => set(l.violationId, { note: e.currentTarget.value })}
                              maxLength={2000}
                            />
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                {d.lines.length === 0 && (
                  <Text p="md" c="dimmed">
                    {t('pc.instr.monthlyNothingOpen')}
                  </Text>
                )}
              </Paper>
              <Textarea
                label={t('pc.instr.monthlySummary')}
                autosize
                minRows={2}
                value={summary}
                onChange={(e) => setSummary(e.currentTarget.value)}
              />
              <Button
                style={{ alignSelf: 'flex-start' }}
                loading={record.isPending}
                data-testid="monthly-record"
                onClick={() =>
                  record.mutate({
                    month: d.month,
                    summary: summary.trim(),
                    lines: d.lines.map((l) => ({
                      violationId: l.violationId,
                      note: choices[l.violationId]?.note.trim() ?? '',
                      escalatedTo: choices[l.violationId]?.escalatedTo ?? null,
                    })),
                  })
                }
              >
                {t('pc.instr.monthlyRecord', { month: d.month })}
              </Button>
            </Stack>
          );
        }}
      </DataState>
    </>
  );
}
