import { Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataState } from '../components/DataState.tsx';
import { formatDateTime } from '../format/datetime.ts';
import { useAccessRefusals } from './refusals.queries.ts';

/**
 * R444-13/R444-21: who was refused which evidence, when and by which rule. Repeats within a window are one
 * row with a count; the first of each window is also in the ledger below, and the count is sealed into it
 * when the window ends.
 */
/** First and last refusal of a window; one time when they fall in the same minute. */
function period(first: string, last: string) {
  const [a, b] = [formatDateTime(first), formatDateTime(last)];
  return a === b ? a : `${a} – ${b}`;
}

export function RefusalsPanel({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation();
  const refusals = useAccessRefusals(orgId);
  const known = (key: string) => i18n.exists(key);
  const label = (prefix: string, code: string) => (known(`${prefix}${code}`) ? t(`${prefix}${code}`) : code);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={t('audit.refusals.title')}>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('audit.refusals.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('audit.refusals.hint')}
        </Text>
        <DataState query={refusals} empty={t('audit.refusals.empty')}>
          {(rows) => (
            <Table.ScrollContainer minWidth={720}>
              <Table striped verticalSpacing="xs" data-testid="refusals-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('audit.refusals.when')}</Table.Th>
                    <Table.Th>{t('audit.actor')}</Table.Th>
                    <Table.Th>{t('audit.subject')}</Table.Th>
                    <Table.Th>{t('audit.refusals.rule')}</Table.Th>
                    <Table.Th>{t('audit.refusals.count')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{period(r.firstAt, r.lastAt)}</Table.Td>
                      <Table.Td>{r.actorName ?? label('audit.actorKind.', r.actorKind)}</Table.Td>
                      <Table.Td>
                        {label('audit.subjectType.', r.subjectType)}
                        {r.subjectIds.length > 0 && (
                          <Text span ff="monospace" size="xs" ml={6}>
                            {r.subjectIds.map((id) => id.slice(0, 8)).join(', ')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color="red" tt="none">
                          {r.status} {r.rule}
                        </Badge>
                      </Table.Td>
                      <Table.Td ff="monospace">{r.count}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </DataState>
      </Stack>
    </Paper>
  );
}
