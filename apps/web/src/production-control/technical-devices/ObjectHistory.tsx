import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataState } from '../../kernel/components/DataState.tsx';
import { formatCalendarDate } from '../../kernel/format/datetime.ts';
import { useTechnicalObject } from './technical-devices.api.ts';

/** Every examination of one object, newest first, with who recorded it (the records never change). */
export function ObjectHistory({ orgId, objectId }: { orgId: string; objectId: string }) {
  const { t } = useTranslation();
  const q = useTechnicalObject(orgId, objectId);
  return (
    <DataState query={{ ...q, data: q.data?.history }} empty={t('pc.technical.noExaminations')}>
      {(history) => (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('common:pc.field.examinationKind')}</Table.Th>
                <Table.Th>{t('common:pc.field.performedOn')}</Table.Th>
                <Table.Th>{t('common:pc.field.nextDueOn')}</Table.Th>
                <Table.Th>{t('common:pc.field.result')}</Table.Th>
                <Table.Th>{t('common:pc.field.performedBy')}</Table.Th>
                <Table.Th>{t('pc.technical.recordedBy')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{t(`common:pc.examKind.${e.kind}`)}</Table.Td>
                  <Table.Td>{formatCalendarDate(e.performedOn)}</Table.Td>
                  <Table.Td>{formatCalendarDate(e.nextDueOn)}</Table.Td>
                  <Table.Td>{t(`pc.technical.result.${e.result}`)}</Table.Td>
                  <Table.Td>
                    {e.performedBy} · № {e.documentNumber}
                  </Table.Td>
                  <Table.Td>{e.recordedBy.fullName}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </DataState>
  );
}
