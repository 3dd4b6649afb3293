import { Anchor, Badge, Checkbox, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatCalendarDate, formatDateTime } from '../../kernel/format/datetime.ts';
import { formatSize } from '../evidence/evidenceText.ts';
import { activityPath, recordingPath } from '../evidence/paths.ts';
import type { RetentionRecording } from './retention.types.ts';

interface Selection {
  selected: Set<string>;
  onChange: (next: Set<string>) => void;
}

/**
 * R444-12: recordings with their retention class and last kept day. With `selection`, each row has a checkbox
 * (the responsible person's review before a deletion act); `showHeld` marks recordings under legal hold.
 */
export function RetentionTable({
  rows,
  selection,
  showHeld,
  testId,
}: {
  rows: RetentionRecording[];
  selection?: Selection;
  showHeld?: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const all = selection && rows.length > 0 && rows.every((r) => selection.selected.has(r.id));
  const some = selection && rows.some((r) => selection.selected.has(r.id));
  const toggle = (id: string) => {
    if (!selection) return;
    const next = new Set(selection.selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    selection.onChange(next);
  };
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="xs" fz="sm" striped highlightOnHover data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {selection && (
              <Table.Th w={36}>
                <Checkbox
                  aria-label={t('retention.selectAll')}
                  checked={!!all}
                  indeterminate={!all && !!some}
                  onChange={() => selection.onChange(all ? new Set() : new Set(rows.map((r) => r.id)))}
                />
              </Table.Th>
            )}
            <Table.Th>{t('retention.col.recording')}</Table.Th>
            <Table.Th>{t('retention.col.activity')}</Table.Th>
            <Table.Th>{t('retention.col.captured')}</Table.Th>
            <Table.Th>{t('retention.col.period')}</Table.Th>
            <Table.Th>{t('retention.col.keptUntil')}</Table.Th>
            <Table.Th ta="right">{t('retention.col.size')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id} data-recording={r.originalName}>
              {selection && (
                <Table.Td>
                  <Checkbox
                    aria-label={t('retention.select', { name: r.originalName })}
                    checked={selection.selected.has(r.id)}
                    onChange={() => toggle(r.id)}
                  />
                </Table.Td>
              )}
              <Table.Td>
                <Anchor component={Link} to={recordingPath(r.id)} fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {r.originalName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {r.journalEntryNumber !== null
                    ? t('retention.entry', { inventory: r.inventoryNumber, number: r.journalEntryNumber })
                    : r.inventoryNumber}
                </Text>
                {showHeld && r.held && (
                  <Badge color="grape" variant="light" tt="none" size="sm" mt={2}>
                    {t('retention.held')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {r.activityId ? (
                  <>
                    <Anchor component={Link} to={activityPath(r.activityId)} size="sm">
                      {r.activityReference}
                    </Anchor>
                    {r.activityType && (
                      <Text size="xs" c="dimmed">
                        {t(`activities.type.${r.activityType}`)}
                      </Text>
                    )}
                  </>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {r.startedAt ? formatDateTime(r.startedAt) : t('evidence.rec.timeUnknown')}
              </Table.Td>
              <Table.Td>
                {t('activities.retention.years', { count: r.retentionYears })}
                <Text size="xs" c={r.coveredByPoint12 ? 'dimmed' : 'orange.8'}>
                  {r.coveredByPoint12 ? t('activities.retention.point12') : t('activities.retention.notCovered')}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }} fw={600}>
                {formatCalendarDate(r.retainUntil)}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatSize(r.size)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
