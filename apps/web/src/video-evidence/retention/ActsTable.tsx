import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../kernel/format/datetime.ts';
import { formatSize } from '../evidence/evidenceText.ts';
import { ActPdfLinks } from './ActResult.tsx';
import type { DeletionAct } from './retention.types.ts';

/** Deletion acts, newest first, each with its PDF in Kazakh and Russian (R444-12). */
export function ActsTable({ orgId, acts, names }: { orgId: string; acts: DeletionAct[]; names: Map<string, string> }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="xs" fz="sm" striped data-testid="acts-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('retention.acts.number')}</Table.Th>
            <Table.Th>{t('retention.acts.executedAt')}</Table.Th>
            <Table.Th>{t('retention.acts.executedBy')}</Table.Th>
            <Table.Th ta="right">{t('retention.acts.count')}</Table.Th>
            <Table.Th ta="right">{t('retention.acts.size')}</Table.Th>
            <Table.Th>{t('retention.acts.pdf')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {acts.map((a) => (
            <Table.Tr key={a.id} data-act={a.number}>
              <Table.Td>
                <Text fw={600} size="sm">
                  № {a.number}
                </Text>
                <Text size="xs" c="dimmed" ff="monospace" title={a.contentHash}>
                  {a.contentHash.slice(0, 16)}…
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(a.executedAt)}</Table.Td>
              <Table.Td>{names.get(a.executedBy) ?? '—'}</Table.Td>
              <Table.Td ta="right">{a.recordingCount}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatSize(a.totalBytes)}
              </Table.Td>
              <Table.Td>
                <ActPdfLinks orgId={orgId} act={a} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
