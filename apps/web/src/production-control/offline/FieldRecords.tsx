import { Alert, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../kernel/format/datetime.ts';
import type { FieldRecord } from './field.db.ts';

export function recordLabel(r: FieldRecord, t: (k: string, o?: Record<string, unknown>) => string) {
  if (r.kind === 'answer') return t('pc.field.record.answer', { position: r.position, outcome: t(`common:pc.outcome.${r.outcome}`) });
  if (r.kind === 'photo') return t('pc.field.record.photo', { position: r.position, name: r.fileName });
  return t('pc.field.record.acknowledgement', { name: r.signerName });
}

/** What is only on this device (always shown), what the server refused, and the receipts of what it has. */
export function FieldRecords({ records }: { records: FieldRecord[] }) {
  const { t } = useTranslation();
  const waiting = records.filter((r) => !r.receipt && !r.problem);
  const refused = records.filter((r) => !r.receipt && r.problem);
  const received = records.filter((r) => r.receipt);
  return (
    <Stack gap="sm">
      <Alert
        color={waiting.length ? 'orange' : 'teal'}
        title={t('pc.field.unsyncedTitle', { count: waiting.length })}
        data-testid="field-unsynced"
      >
        {waiting.length === 0 ? (
          <Text size="sm">{t('pc.field.allSynced')}</Text>
        ) : (
          <Stack gap={2}>
            {waiting.map((r) => (
              <Text size="sm" key={r.clientId} data-testid="field-unsynced-row">
                {recordLabel(r, t)} · {formatDateTime(r.recordedAt)}
              </Text>
            ))}
          </Stack>
        )}
      </Alert>
      {refused.length > 0 && (
        <Alert color="red" title={t('pc.field.refusedTitle', { count: refused.length })} data-testid="field-refused">
          <Stack gap={4}>
            {refused.map((r) => (
              <Text size="sm" key={r.clientId} data-testid="field-refused-row">
                <b>{recordLabel(r, t)}</b>: {r.problem!.message}
              </Text>
            ))}
            <Text size="xs">{t('pc.field.refusedKept')}</Text>
          </Stack>
        </Alert>
      )}
      {received.length > 0 && (
        <Stack gap={4}>
          <Group gap="xs">
            <Text fw={600}>{t('pc.field.receiptsTitle')}</Text>
            <Badge color="teal">{received.length}</Badge>
          </Group>
          <Table striped data-testid="field-receipts">
            <Table.Tbody>
              {received.map((r) => (
                <Table.Tr key={r.clientId} data-testid="field-receipt-row">
                  <Table.Td>{recordLabel(r, t)}</Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace">
                      {t('pc.field.receipt', { id: r.receipt!.receiptId.slice(0, 8) })}
                    </Text>
                  </Table.Td>
                  <Table.Td>{formatDateTime(r.receipt!.receivedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Stack>
  );
}
