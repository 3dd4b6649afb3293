import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ComplianceRow } from '../shared/cctv.types.ts';
import { ComplianceBadge, Findings, VerdictBadge, useCite, WHOLE } from '../shared/words.tsx';

/** Every camera in service: where it is, what the Rules say of that place (with the point), and what is wrong. */
export function ComplianceTable({ rows }: { rows: ComplianceRow[] }) {
  const { t } = useTranslation();
  const cite = useCite();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped verticalSpacing="sm" aria-label={t('cctv.compliance.tableTitle')} data-testid="compliance-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('cctv.camera.number')}</Table.Th>
            <Table.Th>{t('cctv.camera.place')}</Table.Th>
            <Table.Th>{t('cctv.compliance.verdict')}</Table.Th>
            <Table.Th>{t('cctv.compliance.cites')}</Table.Th>
            <Table.Th>{t('cctv.compliance.findings')}</Table.Th>
            <Table.Th>{t('cctv.compliance.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.camera.id} data-testid={`compliance-row-${r.camera.number}`}>
              <Table.Td fw={700}>{r.camera.number}</Table.Td>
              <Table.Td>
                <Text size="sm">{r.place.path}</Text>
                <Text size="xs" c="dimmed">
                  {r.place.roomType ? t(`common:cctv.room.${r.place.roomType}`) : t(`common:cctv.kind.${r.place.kind}`)}
                  {r.place.unit && ` · ${r.place.unit}`}
                </Text>
                <Badge styles={WHOLE} size="xs" variant="outline" color="gray" tt="none" mt={4}>
                  {t(`common:cctv.placement.${r.camera.placement}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <VerdictBadge verdict={r.verdict} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{cite(r.cites)}</Text>
              </Table.Td>
              <Table.Td>
                <Findings row={r} />
              </Table.Td>
              <Table.Td>
                <ComplianceBadge compliant={r.compliant} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
