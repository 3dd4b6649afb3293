import { Checkbox, Group, NumberInput, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataState } from '../../kernel/components/DataState.tsx';
import { useRecordings, useTimeline } from '../evidence/evidence.queries.ts';
import { captureTimeText, formatDuration } from '../evidence/evidenceText.ts';
import type { Excerpt } from './packages.types.ts';

/** What is chosen for one recording: the whole original, or an excerpt (seconds from its start). */
export interface Choice {
  name: string;
  excerpt: Excerpt | null;
}
export type Choices = Map<string, Choice>;

export const excerptProblem = (c: Choice, durationMs: number | null | undefined) => {
  if (!c.excerpt) return null;
  const { fromSeconds: from, toSeconds: to } = c.excerpt;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to <= from) return 'packages.excerpt.order';
  if (durationMs != null && to > Math.ceil(durationMs / 1000)) return 'packages.excerpt.tooLong';
  return null;
};

/**
 * The activity's recordings, issue by issue, each with a checkbox and an optional excerpt. Deleted recordings
 * (tombstones) are not offered: their originals are gone.
 */
export function RecordingPicker({
  orgId,
  activityId,
  choices,
  onChange,
  tried,
}: {
  orgId: string;
  activityId: string;
  choices: Choices;
  onChange: (next: Choices) => void;
  tried: boolean;
}) {
  const { t } = useTranslation();
  const timeline = useTimeline(orgId, activityId);
  const all = useRecordings(orgId, false);
  const deleted = new Set((all.data ?? []).filter((r) => r.deletedAt).map((r) => r.id));
  // Offered only once both are read, so a deleted recording never flashes up as choosable.
  const rows =
    all.data &&
    timeline.data?.flatMap((item) => item.recordings.filter((r) => !deleted.has(r.id)).map((r) => ({ ...r, entry: item.entry })));
  const set = (id: string, c: Choice | null) => {
    const next = new Map(choices);
    if (c) next.set(id, c);
    else next.delete(id);
    onChange(next);
  };

  return (
    <DataState
      query={{ isPending: timeline.isPending || all.isPending, error: timeline.error ?? all.error, data: rows }}
      empty={t('packages.form.noRecordings')}
    >
      {(list) => (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing={6} fz="sm" data-testid="recording-picker">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={36} />
                <Table.Th>{t('packages.form.recording')}</Table.Th>
                <Table.Th>{t('evidence.rec.startedAt')}</Table.Th>
                <Table.Th>{t('evidence.rec.duration')}</Table.Th>
                <Table.Th>{t('packages.excerpt.title')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((r) => {
                const c = choices.get(r.id);
                const problem = c ? excerptProblem(c, r.durationMs) : null;
                const seconds = r.durationMs !== null ? Math.ceil(r.durationMs / 1000) : undefined;
                return (
                  <Table.Tr key={r.id} data-recording={r.originalName}>
                    <Table.Td>
                      <Checkbox
                        aria-label={t('packages.form.include', { name: r.originalName })}
                        checked={!!c}
                        onChange={(e) => set(r.id, e.currentTarget.checked ? { name: r.originalName, excerpt: null } : null)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {r.originalName}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('retention.entry', { inventory: r.entry.inventoryNumber, number: r.entry.number })}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{captureTimeText(t, r.startedAt)}</Table.Td>
                    <Table.Td>{r.durationMs !== null ? formatDuration(t, r.durationMs / 1000) : '—'}</Table.Td>
                    <Table.Td>
                      {c && (
                        <Stack gap={4}>
                          <Checkbox
                            size="xs"
                            label={t('packages.excerpt.only')}
                            checked={!!c.excerpt}
                            onChange={(e) =>
                              set(r.id, { ...c, excerpt: e.currentTarget.checked ? { fromSeconds: 0, toSeconds: seconds ?? 1 } : null })
                            }
                          />
                          {c.excerpt && (
                            <Group gap={6} wrap="nowrap">
                              <NumberInput
                                size="xs"
                                w={90}
                                min={0}
                                max={seconds}
                                allowDecimal={false}
                                label={t('packages.excerpt.from')}
                                aria-label={t('packages.excerpt.fromOf', { name: r.originalName })}
                                value={c.excerpt.fromSeconds}
                                onChange={(v) => set(r.id, { ...c, excerpt: { ...c.excerpt!, fromSeconds: Number(v) } })}
                              />
                              <NumberInput
                                size="xs"
                                w={90}
                                min={1}
                                max={seconds}
                                allowDecimal={false}
                                label={t('packages.excerpt.to')}
                                aria-label={t('packages.excerpt.toOf', { name: r.originalName })}
                                value={c.excerpt.toSeconds}
                                onChange={(v) => set(r.id, { ...c, excerpt: { ...c.excerpt!, toSeconds: Number(v) } })}
                              />
                            </Group>
                          )}
                          {tried && problem && (
                            <Text size="xs" c="red.8">
                              {t(problem, { seconds: seconds ?? 0 })}
                            </Text>
                          )}
                        </Stack>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </DataState>
  );
}
