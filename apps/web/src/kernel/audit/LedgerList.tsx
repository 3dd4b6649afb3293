import { Button, Center, Modal, Paper, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataState } from '../components/DataState.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { formatDateTime } from '../format/datetime.ts';
import { useLedger, type LedgerEntry, type LedgerFilter } from './audit.queries.ts';
import { EntryDetails } from './EntryDetails.tsx';
import { useEntryLabels } from './useEntryLabels.ts';

export function LedgerList({ orgId, filter }: { orgId: string; filter: LedgerFilter }) {
  const { t } = useTranslation();
  const ledger = useLedger(orgId, filter);
  const labels = useEntryLabels();
  const [open, setOpen] = useState<LedgerEntry | null>(null);
  const rows = ledger.data?.pages.flat();
  return (
    <Paper withBorder radius="md" component="section" aria-label={t('audit.entries')}>
      <DataState query={{ isPending: ledger.isPending, error: ledger.error, data: rows }} empty={t('audit.empty')}>
        {(entries) => (
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('audit.entries')} data-testid="ledger-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('audit.seq')}</Table.Th>
                  <Table.Th>{t('audit.time')}</Table.Th>
                  <Table.Th>{t('audit.actor')}</Table.Th>
                  <Table.Th>{t('audit.action')}</Table.Th>
                  <Table.Th>{t('audit.subject')}</Table.Th>
                  <Table.Th>{t('audit.hash')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('table.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((e) => (
                  <Table.Tr key={e.seq}>
                    <Table.Td ff="monospace">{e.seq}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.recordedAt)}</Table.Td>
                    <Table.Td>{labels.actor(e)}</Table.Td>
                    <Table.Td>{labels.action(e.action)}</Table.Td>
                    <Table.Td>{labels.subject(e)}</Table.Td>
                    <Table.Td>
                      <Tooltip label={e.entryHash} withinPortal multiline w={320} style={{ wordBreak: 'break-all' }}>
                        <Text ff="monospace" size="xs" tabIndex={0} aria-label={`${t('audit.hash')}: ${e.entryHash}`}>
                          {e.entryHash.slice(0, 12)}…
                        </Text>
                      </Tooltip>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => setOpen(e)}
                        aria-label={t('audit.detailsOf', { seq: e.seq })}
                      >
                        {t('audit.details')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </DataState>
      {ledger.isFetchNextPageError && <ErrorAlert error={ledger.error} />}
      {ledger.hasNextPage && (
        <Center p="sm">
          <Button variant="default" onClick={() => void ledger.fetchNextPage()} loading={ledger.isFetchingNextPage}>
            {t('audit.loadMore')}
          </Button>
        </Center>
      )}
      <Modal opened={open !== null} onClose={() => setOpen(null)} title={open ? t('audit.entryTitle', { seq: open.seq }) : ''} size="xl">
        {open && <EntryDetails entry={open} />}
      </Modal>
    </Paper>
  );
}
