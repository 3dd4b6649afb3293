import { Button, Group, Paper, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useApi } from '../../kernel/api/ApiContext.tsx';
import { DataState } from '../../kernel/components/DataState.tsx';
import { DateField } from '../../kernel/components/DateField.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { formatDate } from '../../kernel/format/datetime.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { PC_HOME } from '../navigation.ts';
import { pcBase, pcKey } from '../shared/pc.api.ts';
import type { JournalLine } from '../shared/pc.types.ts';

/** R315-12: the production-control journal — one entry per completed inspection, never changed; printed in kk or ru. */
export function JournalPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const api = useApi();
  const orgId = org!.id;
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const period = { from: from ?? undefined, to: to ?? undefined };
  const journal = useQuery({
    queryKey: [...pcKey(orgId), 'journal', period],
    queryFn: () => api.get<{ items: JournalLine[] }>(`${pcBase(orgId)}/journal`, period).then((r) => r.items),
  });
  const qs = (lang: string) => new URLSearchParams({ lang, ...(from ? { from } : {}), ...(to ? { to } : {}) }).toString();
  return (
    <>
      <PageHeader
        title={t('pc.journal.title')}
        description={t('pc.journal.description')}
        actions={(['kk', 'ru'] as const).map((lang) => (
          <Button
            key={lang}
            variant="default"
            component="a"
            href={`${pcBase(orgId)}/journal.pdf?${qs(lang)}`}
            data-testid={`journal-pdf-${lang}`}
          >
            {t(`pc.journal.print_${lang}`)}
          </Button>
        ))}
      />
      <Group mb="md" gap="sm">
        <DateField label={t('pc.journal.from')} value={from} onChange={setFrom} clearable />
        <DateField label={t('pc.journal.to')} value={to} onChange={setTo} clearable />
      </Group>
      <Paper withBorder radius="md">
        <DataState query={journal} empty={t('pc.journal.empty')}>
          {(rows) => (
            <Table.ScrollContainer minWidth={900}>
              <Table striped verticalSpacing="sm" data-testid="journal-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>№</Table.Th>
                    <Table.Th>{t('pc.journal.date')}</Table.Th>
                    <Table.Th>{t('pc.inspection.facility')}</Table.Th>
                    <Table.Th>{t('pc.inspection.kind')}</Table.Th>
                    <Table.Th>{t('pc.inspection.official')}</Table.Th>
                    <Table.Th>{t('pc.journal.result')}</Table.Th>
                    <Table.Th>{t('pc.journal.documents')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((l) => (
                    <Table.Tr key={l.seq}>
                      <Table.Td>{l.seq}</Table.Td>
                      <Table.Td>
                        <Text component={Link} to={`${PC_HOME}/inspections/${l.inspectionId}`} c="teal.8" inherit>
                          {formatDate(l.completedAt)}
                        </Text>
                      </Table.Td>
                      <Table.Td>{l.unit ? `${l.facility}, ${l.unit}` : l.facility}</Table.Td>
                      <Table.Td>{t(`common:pc.inspectionKind.${l.kind}`)}</Table.Td>
                      <Table.Td>{l.official}</Table.Td>
                      <Table.Td>
                        {t('common:pc.pdf.journal.violations', {
                          violations: l.violations,
                          dangerous: l.dangerous,
                          rechecked: l.recheckedConfirmed,
                          reopened: l.reopened,
                        })}
                        <Text size="sm">{l.conclusion}</Text>
                      </Table.Td>
                      <Table.Td>{[l.actNumber, l.instructionNumber].filter(Boolean).join(', ') || '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </DataState>
      </Paper>
    </>
  );
}
