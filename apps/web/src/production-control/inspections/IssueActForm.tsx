import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Group, Paper, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useApi } from '../../kernel/api/ApiContext.tsx';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { formatCalendarDate } from '../../kernel/format/datetime.ts';
import { usePeople } from '../facilities/facilities.queries.ts';
import { PC_HOME } from '../navigation.ts';
import { pcBase, useInvalidatePc } from '../shared/pc.api.ts';
import type { Inspection } from '../shared/pc.types.ts';
import { referenceText } from '../shared/Words.tsx';
import { useViolations } from '../violations/violations.queries.ts';

interface Line {
  measure: string;
  performerId: string | null;
  deadline: string;
}

const todayIso = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Almaty' });

/**
 * R315-15, R315-16: after a completed inspection its official (or the service's head) hands the unit
 * head the act and, for every violation not eliminated on the spot, the instruction: a measure, a
 * performer and a deadline per violation (the unit head then agrees or disputes each deadline).
 */
export function IssueActForm({ orgId, inspection }: { orgId: string; inspection: Inspection }) {
  const { t } = useTranslation();
  const api = useApi();
  const invalidate = useInvalidatePc(orgId);
  const people = usePeople(orgId);
  const violations = useViolations(orgId, { status: 'open', facilityId: inspection.facilityId });
  // In the order of the inspection's items (the instruction lists them so).
  const position = new Map((inspection.items ?? []).map((x) => [x.violationId, x.position]));
  const open = (violations.data?.items ?? [])
    .filter((v) => v.inspectionId === inspection.id && !v.eliminatedOnSpot)
    .sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
  const [issuedOn, setIssuedOn] = useState(todayIso());
  const [lines, setLines] = useState<Record<string, Line>>({});
  const line = (id: string): Line => lines[id] ?? { measure: '', performerId: null, deadline: '' };
  const set = (id: string, patch: Partial<Line>) => setLines((l) => ({ ...l, [id]: { ...line(id), ...patch } }));
  const issue = useMutation({
    mutationFn: () =>
      api.post<{ act: { number: string }; instruction: { id: string } | null }>(`${pcBase(orgId)}/inspections/${inspection.id}/act`, {
        issuedOn,
        items: open.map((v) => ({
          violationId: v.id,
          measure: line(v.id).measure.trim(),
          performerId: line(v.id).performerId ?? '',
          deadline: line(v.id).deadline,
        })),
      }),
    onSuccess: invalidate,
  });
  const performers = (people.data ?? [])
    .filter((p) => p.roles.includes('performer') || p.roles.includes('unit_head'))
    .map((p) => ({ value: p.id, label: p.fullName }));
  const ready = open.every((v) => line(v.id).measure.trim() && line(v.id).performerId && line(v.id).deadline);

  if (inspection.act)
    return (
      <Alert color="blue" title={t('pc.issue.issued', { act: inspection.act.number })} data-testid="act-issued">
        {inspection.act.instructionId ? (
          <Button
            component={Link}
            to={`${PC_HOME}/instructions/${inspection.act.instructionId}`}
            variant="light"
            data-testid="open-instruction"
          >
            {t('pc.issue.openInstruction', { number: inspection.act.instructionNumber })}
          </Button>
        ) : (
          <Text size="sm">{t('pc.issue.noInstruction', { date: formatCalendarDate(inspection.act.issuedOn) })}</Text>
        )}
      </Alert>
    );
  if (violations.isLoading) return null;
  return (
    <Paper withBorder p="md" radius="md" data-testid="issue-act">
      <Stack gap="sm">
        <Title order={4}>{t('pc.issue.title')}</Title>
        <Text size="sm" c="dimmed">
          {open.length ? t('pc.issue.withInstruction', { count: open.length }) : t('pc.issue.actOnly')}
        </Text>
        <TextInput
          type="date"
          label={t('pc.issue.issuedOn')}
          value={issuedOn}
          onChange={(e) => setIssuedOn(e.currentTarget.value)}
          required
          maw={220}
        />
        {open.map((v, n) => (
          <Paper key={v.id} withBorder p="sm" data-testid={`issue-line-${n + 1}`}>
            <Stack gap="xs">
              <Text fw={600}>
                {n + 1}. {v.description}
              </Text>
              <Text size="xs" c="dimmed">
                {referenceText(v.reference, t)}
              </Text>
              <Textarea
                label={t('pc.issue.measure')}
                value={line(v.id).measure}
                onChange={(e) => set(v.id, { measure: e.currentTarget.value })}
                autosize
                minRows={2}
                required
              />
              <Group grow align="flex-start">
                <Select
                  label={t('pc.issue.performer')}
                  data={performers}
                  value={line(v.id).performerId}
                  onChange={(performerId) => set(v.id, { performerId })}
                  searchable
                  required
                />
                <TextInput
                  type="date"
                  label={t('pc.issue.deadline')}
                  value={line(v.id).deadline}
                  min={issuedOn}
                  onChange={(e) => set(v.id, { deadline: e.currentTarget.value })}
                  required
                />
              </Group>
            </Stack>
          </Paper>
        ))}
        <ErrorAlert error={issue.error} />
        <Group>
          <Button onClick={() => issue.mutate()} loading={issue.isPending} disabled={!ready || !issuedOn} data-testid="issue-act-submit">
            {open.length ? t('pc.issue.submitBoth') : t('pc.issue.submitAct')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
