import { Badge, Paper, Table, Text } from '@mantine/core';
import type { AnnualAnalysisFigures, IndicatorValue } from '@baqylau/contracts';
import { useTranslation } from 'react-i18next';
import { indicatorName } from './analysis.api.ts';

const Met = ({ v }: { v: IndicatorValue }) => {
  const { t } = useTranslation();
  if (v.met === null) return <Text c="dimmed">—</Text>;
  return <Badge color={v.met ? 'teal' : 'red'}>{t(`common:pc.doc.analysis.${v.met ? 'met' : 'notMet'}`)}</Badge>;
};

/** R315-20: every indicator in use (rows) for the organisation and each responsible official (columns): value, counts, met or not. */
export function IndicatorTable({ f }: { f: AnnualAnalysisFigures }) {
  const { t, i18n } = useTranslation();
  const columns = [
    { key: 'org', name: t('pc.analysis.organisation'), values: f.organisation },
    ...f.officials.map((o) => ({ key: o.personId, name: o.fullName, values: o.indicators })),
  ];
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={300 + columns.length * 170}>
        <Table verticalSpacing="xs" data-testid="analysis-indicators">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('common:pc.doc.analysis.col.indicator')}</Table.Th>
              <Table.Th>{t('common:pc.doc.analysis.col.target')}</Table.Th>
              {columns.map((c) => (
                <Table.Th key={c.key}>{c.name}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {f.definitions.map((d, i) => (
              <Table.Tr key={d.code}>
                <Table.Td>{indicatorName(d, i18n.language)}</Table.Td>
                <Table.Td>
                  {t(`common:pc.doc.analysis.direction.${d.direction}`)} {d.target}
                </Table.Td>
                {columns.map((c) => {
                  const v = c.values[i]!;
                  return (
                    <Table.Td key={c.key}>
                      <Text fw={700} span>
                        {v.value ?? '—'}
                      </Text>{' '}
                      <Text size="xs" c="dimmed" span>
                        ({v.numerator}/{v.denominator})
                      </Text>{' '}
                      <Met v={v} />
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
