import { Code, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format/datetime.ts';
import type { LedgerEntry } from './audit.queries.ts';
import { useEntryLabels } from './useEntryLabels.ts';

/** Everything the chain holds about one entry, with full hashes for manual checking. */
export function EntryDetails({ entry }: { entry: LedgerEntry }) {
  const { t } = useTranslation();
  const labels = useEntryLabels();
  const rows: [string, string][] = [
    [t('audit.time'), formatDateTime(entry.recordedAt)],
    [t('audit.actor'), labels.actor(entry)],
    [t('audit.action'), `${labels.action(entry.action)} (${entry.action})`],
    [t('audit.subject'), `${labels.subject(entry)}${entry.subjectId ? ` — ${entry.subjectId}` : ''}`],
    [t('audit.payloadHash'), entry.payloadHash],
    [t('audit.prevHash'), entry.prevHash],
    [t('audit.hash'), entry.entryHash],
  ];
  return (
    <Stack gap="sm">
      <Table withRowBorders={false} verticalSpacing={4}>
        <Table.Tbody>
          {rows.map(([k, v]) => (
            <Table.Tr key={k}>
              <Table.Th w={180} style={{ verticalAlign: 'top' }}>
                {k}
              </Table.Th>
              <Table.Td style={{ wordBreak: 'break-all' }}>{v}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" fw={600}>
        {t('audit.payload')}
      </Text>
      <Code block>{JSON.stringify(entry.payload, null, 2)}</Code>
    </Stack>
  );
}
