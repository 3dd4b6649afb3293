import { Badge, Button, FileInput, Group, Modal, Paper, Stack, Table, Tabs, Text } from '@mantine/core';
import type { TrainingRecordView, TrainingState } from '@baqylau/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { PageLoader } from '../../kernel/components/PageLoader.tsx';
import { formatCalendarDate } from '../../kernel/format/datetime.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { usePcAccess } from '../access.ts';
import { PC_HOME } from '../navigation.ts';
import { TrainingForm } from './TrainingForm.tsx';
import { useTraining, useTrainingSteps } from './training.queries.ts';

const STATE_COLOR: Record<TrainingState, string> = { valid: 'green', expiring: 'orange', expired: 'red' };

/** R315-4 (point 4.10): the staff training register — who is valid, expiring within 30 days, expired (proposed for removal). */
export function TrainingPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const access = usePcAccess();
  const query = useTraining(org!.id);
  const r = query.data;
  const [dialog, setDialog] = useState<null | { corrects?: TrainingRecordView }>(null);
  return (
    <>
      <PageHeader
        title={t('pc.training.title')}
        description={t('pc.training.description')}
        actions={
          access.inspect && (
            <Button onClick={() => setDialog({})} data-testid="add-training">
              {t('pc.training.add')}
            </Button>
          )
        }
      />
      {access.inspect && <ImportTraining orgId={org!.id} />}
      {query.error && <ErrorAlert error={query.error} />}
      {!query.data && !query.error && <PageLoader />}
      {r && (
        <Tabs defaultValue="people" mt="md">
          <Tabs.List>
            <Tabs.Tab value="people">{t('pc.training.people')}</Tabs.Tab>
            <Tabs.Tab value="records">{t('pc.training.records')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="people" pt="sm">
            <Table striped data-testid="training-people">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('common:pc.regField.fullName')}</Table.Th>
                  <Table.Th>{t('common:pc.regField.position')}</Table.Th>
                  <Table.Th>{t('common:pc.regField.programme')}</Table.Th>
                  <Table.Th>{t('common:pc.regField.validUntil')}</Table.Th>
                  <Table.Th>{t('pc.training.state')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.people.map((p) => (
                  <Table.Tr key={p.key} data-state={p.state}>
                    <Table.Td>{p.fullName}</Table.Td>
                    <Table.Td>{p.position}</Table.Td>
                    <Table.Td>{p.current.programme}</Table.Td>
                    <Table.Td>{formatCalendarDate(p.current.validUntil)}</Table.Td>
                    <Table.Td>
                      <Group gap={6}>
                        <Badge color={STATE_COLOR[p.state]}>{t(`pc.training.states.${p.state}`)}</Badge>
                        {p.current.removalProposalId && (
                          <Text component={Link} to={`${PC_HOME}/proposals`} size="sm" c="red.8">
                            {t('pc.training.proposed')}
                          </Text>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Tabs.Panel>
          <Tabs.Panel value="records" pt="sm">
            <Table striped data-testid="training-records">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('common:pc.regField.fullName')}</Table.Th>
                  <Table.Th>{t('common:pc.regField.kind')}</Table.Th>
                  <Table.Th>{t('common:pc.regField.completedOn')}</Table.Th>
                  <Table.Th>{t('common:pc.regField.validUntil')}</Table.Th>
                  <Table.Th>{t('common:pc.regField.documentNumber')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.records.map((x) => (
                  <Table.Tr key={x.id} style={x.supersededBy ? { textDecoration: 'line-through', opacity: 0.6 } : undefined}>
                    <Table.Td>
                      {x.fullName}
                      <Text size="xs" c="dimmed">
                        {x.facilityName}
                        {x.unitName && ` — ${x.unitName}`}
                      </Text>
                    </Table.Td>
                    <Table.Td>{t(`pc.training.kind.${x.kind}`)}</Table.Td>
                    <Table.Td>{formatCalendarDate(x.completedOn)}</Table.Td>
                    <Table.Td>{formatCalendarDate(x.validUntil)}</Table.Td>
                    <Table.Td>
                      {x.documentNumber}
                      {x.supersedes && (
                        <Badge ml={6} size="xs" variant="light">
                          {t('pc.training.correction')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {access.inspect && !x.supersededBy && (
                        <Button size="xs" variant="subtle" onClick={() => setDialog({ corrects: x })}>
                          {t('pc.training.correct')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Tabs.Panel>
        </Tabs>
      )}
      <Modal
        opened={!!dialog}
        onClose={() => setDialog(null)}
        title={dialog?.corrects ? t('pc.training.correct') : t('pc.training.add')}
        size="lg"
      >
        {dialog && <TrainingForm orgId={org!.id} corrects={dialog.corrects} onDone={() => setDialog(null)} />}
      </Modal>
    </>
  );
}

/** A CSV or XLSX list; one bad row refuses the file (the message names the row and the column). */
function ImportTraining({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const { importList } = useTrainingSteps(orgId);
  const [file, setFile] = useState<File | null>(null);
  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap="xs">
        <Text size="sm">{t('pc.training.importHint')}</Text>
        <Group align="flex-end">
          <FileInput label={t('pc.training.importFile')} accept=".csv,.xlsx" value={file} onChange={setFile} style={{ flex: 1 }} />
          <Button
            variant="default"
            disabled={!file}
            loading={importList.isPending}
            onClick={() =>
              file &&
              importList.mutateAsync(file).then(
                () => setFile(null),
                () => undefined,
              )
            }
            data-testid="import-training"
          >
            {t('pc.training.import')}
          </Button>
        </Group>
        {importList.data && !importList.isPending && (
          <Text c="green.8">{t('pc.training.imported', { count: importList.data.imported })}</Text>
        )}
        <ErrorAlert error={importList.error} />
      </Stack>
    </Paper>
  );
}
