import { Badge, Button, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../kernel/format/datetime.ts';
import { surnameWithInitials } from '../../kernel/format/names.ts';
import { issueLines, noteLines, returnLines } from './entryCells.ts';
import { UploadStateBadge } from '../evidence/UploadStateBadge.tsx';
import { activityPath } from '../evidence/paths.ts';
import type { JournalEntry, JournalRow } from './journal.types.ts';

function Lines({ lines, struck }: { lines: string[]; struck: boolean }) {
  return (
    <Stack gap={0}>
      {lines.map((l, i) => (
        <Text
          key={i}
          size={i === 0 ? 'sm' : 'xs'}
          fw={i === 0 ? 500 : undefined}
          c={i === 0 ? undefined : 'dimmed'}
          td={struck ? 'line-through' : undefined}
        >
          {l}
        </Text>
      ))}
    </Stack>
  );
}

interface Props {
  entries: JournalRow[];
  canStrike: boolean;
  linkRecorders: boolean;
  onStrike: (e: JournalEntry) => void;
}

/** The journal as the paper form of Appendix 1: six columns; struck rows stay, crossed out, with the reason (R444-9). */
export function JournalTable({ entries, canStrike, linkRecorders, onStrike }: Props) {
  const { t } = useTranslation();
  const byId = new Map(entries.map((e) => [e.id, e]));
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table
        layout="fixed"
        withColumnBorders
        withTableBorder
        verticalSpacing="xs"
        aria-label={t('journal.title')}
        data-testid="journal-table"
      >
        <Table.Thead bg="gray.1" fz={11} style={{ overflowWrap: 'anywhere' }}>
          <Table.Tr>
            <Table.Th w="6%">{t('journal.col.number')}</Table.Th>
            <Table.Th w="16%">{t('journal.col.inventory')}</Table.Th>
            <Table.Th w="17%">{t('journal.col.user')}</Table.Th>
            <Table.Th w="19%">{t('journal.col.issue')}</Table.Th>
            <Table.Th w="18%">{t('journal.col.return')}</Table.Th>
            <Table.Th w="24%">{t('journal.col.note')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => {
            const struck = e.struckAt !== null;
            const td = struck ? 'line-through' : undefined;
            return (
              <Table.Tr key={e.id} data-struck={struck} data-number={e.number} bg={struck ? 'gray.0' : undefined}>
                <Table.Td>
                  <Text size="sm" td={td}>
                    {e.number}.
                  </Text>
                  {e.correctsEntryId && byId.get(e.correctsEntryId) && (
                    <Text size="xs" c="orange.9" fw={600} mt={4}>
                      {t('journal.cell.corrects', { number: byId.get(e.correctsEntryId)!.number })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {linkRecorders ? (
                    <Text component={Link} to={`/app/recorders/devices/${e.recorderId}`} size="sm" fw={600} c="teal.8" td={td}>
                      {e.inventoryNumber}
                    </Text>
                  ) : (
                    <Text size="sm" fw={600} td={td}>
                      {e.inventoryNumber}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" td={td}>
                    {e.inspectorName}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Lines lines={issueLines(e, t, byId)} struck={struck} />
                </Table.Td>
                <Table.Td>
                  {e.returnedAt ? (
                    <Lines lines={returnLines(e, t, byId)} struck={struck} />
                  ) : (
                    !struck && (
                      <Badge variant="light" color="blue" tt="none">
                        {t('journal.cell.out')}
                      </Badge>
                    )
                  )}
                  {!struck && (
                    <Stack mt={6} gap={0} align="flex-start">
                      <UploadStateBadge state={e.uploadState} count={e.recordings} to={activityPath(e.activityId)} />
                    </Stack>
                  )}
                </Table.Td>
                <Table.Td>
                  {struck && (
                    <Text size="sm" c="red.8" fw={600} data-testid="struck-remark">
                      {t('journal.note.struck', {
                        reason: e.strikeReason ?? '',
                        name: surnameWithInitials(e.struckByName ?? ''),
                        at: formatDateTime(e.struckAt!),
                      })}
                    </Text>
                  )}
                  <Lines lines={noteLines(e, byId, t)} struck={struck} />
                  {canStrike && !struck && (
                    <Button
                      mt={6}
                      px={0}
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      onClick={() => onStrike(e)}
                      aria-label={t('journal.strike.for', { number: e.number })}
                    >
                      {t('journal.strike.button')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
