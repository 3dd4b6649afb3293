import { Alert, Badge, Button, Group, Menu, Modal, Paper, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { PageLoader } from '../../kernel/components/PageLoader.tsx';
import { formatDate } from '../../kernel/format/datetime.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { usePcAccess } from '../access.ts';
import { FormAlert } from '../shared/FormAlert.tsx';
import { ImportChecklistForm } from './ChecklistsPage.tsx';
import { QuestionsEditor } from './QuestionsEditor.tsx';
import {
  exportUrl,
  useChecklist,
  usePublish,
  useSaveDraft,
  useStartRevision,
  useVersion,
  type QuestionDraft,
} from './checklists.queries.ts';

/** R315-11: one checklist — its versions, the draft's editor, publication (approval of a programme by the first head), export. */
export function ChecklistPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const access = usePcAccess();
  const orgId = org!.id;
  const { checklistId = '' } = useParams();
  const checklist = useChecklist(orgId, checklistId);
  const [chosen, setChosen] = useState<number | undefined>();
  const version = chosen ?? checklist.data?.versions[0]?.version;
  const v = useVersion(orgId, checklistId, version);
  const save = useSaveDraft(orgId, checklistId);
  const publish = usePublish(orgId, checklistId);
  const revise = useStartRevision(orgId, checklistId);
  const [title, setTitle] = useState('');
  const [questions, setQuestions] = useState<QuestionDraft[]>([]);
  const [importing, setImporting] = useState(false);
  useEffect(() => {
    if (v.data) {
      setTitle(v.data.title);
      setQuestions(v.data.questions);
    }
  }, [v.data]);

  if (checklist.error) return <ErrorAlert error={checklist.error} />;
  if (!checklist.data) return <PageLoader />;
  const c = checklist.data;
  const isProgramme = c.purpose === 'comprehensive_programme';
  const draft = v.data?.status === 'draft';
  const mayPublish = access.organise && (!isProgramme || access.firstHead);
  const editable = access.organise && draft;
  const error = save.error ?? publish.error ?? revise.error;

  return (
    <>
      <PageHeader
        title={c.title}
        description={t(`pc.checklist.purpose_${c.purpose}`)}
        actions={
          version !== undefined && (
            <Menu>
              <Menu.Target>
                <Button variant="default">{t('pc.checklist.export')}</Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item component="a" href={exportUrl(orgId, c.id, version, 'json')} download>
                  JSON
                </Menu.Item>
                <Menu.Item component="a" href={exportUrl(orgId, c.id, version, 'xlsx')} download>
                  XLSX
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )
        }
      />
      <Stack gap="md">
        <SegmentedControl
          data={c.versions.map((x) => ({ value: String(x.version), label: `v${x.version} · ${t(`pc.checklist.status_${x.status}`)}` }))}
          value={version !== undefined ? String(version) : ''}
          onChange={(x) => setChosen(Number(x))}
        />
        <FormAlert error={error} fields={[]} />
        {v.data && !draft && (
          <Alert color="teal" variant="light">
            {t(isProgramme ? 'pc.checklist.approvedAt' : 'pc.checklist.publishedAt', {
              date: v.data.publishedAt ? formatDate(v.data.publishedAt) : '',
            })}
          </Alert>
        )}
        {draft && isProgramme && !access.firstHead && (
          <Alert color="yellow" variant="light">
            {t('pc.checklist.programmeNeedsHead')}
          </Alert>
        )}
        {editable ? (
          <>
            <TextInput label={t('common:pc.field.title')} maxLength={300} value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
            <QuestionsEditor value={questions} onChange={setQuestions} />
            <Group justify="flex-end" gap="sm" wrap="wrap">
              <Button variant="default" onClick={() => setImporting(true)}>
                {t('pc.import.open')}
              </Button>
              <Button
                variant="default"
                loading={save.isPending}
                onClick={() => save.mutate({ version: version!, title: title.trim() || c.title, questions })}
              >
                {t('pc.action.save')}
              </Button>
              {mayPublish && (
                <Button
                  loading={publish.isPending}
                  onClick={async () => {
                    try {
                      await save.mutateAsync({ version: version!, title: title.trim() || c.title, questions });
                      await publish.mutateAsync(version!);
                    } catch {
                      // shown above
                    }
                  }}
                >
                  {t(isProgramme ? 'pc.checklist.approve' : 'pc.checklist.publish')}
                </Button>
              )}
            </Group>
          </>
        ) : (
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={560}>
              <Table verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>№</Table.Th>
                    <Table.Th>{t('common:pc.field.text')}</Table.Th>
                    <Table.Th>{t('pc.checklist.reference')}</Table.Th>
                    <Table.Th>{t('common:pc.field.severity')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {(v.data?.questions ?? []).map((q, i) => (
                    <Table.Tr key={q.id}>
                      <Table.Td>{i + 1}</Table.Td>
                      <Table.Td>{q.text}</Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {q.reference.act}, {t('pc.checklist.point', { point: q.reference.point })}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={q.severity === 'critical' ? 'red' : q.severity === 'major' ? 'orange' : 'gray'}>
                          {t(`common:pc.severity.${q.severity}`)}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
        {access.organise && !draft && c.versions[0]?.status === 'published' && (
          <Group justify="flex-end">
            <Button
              variant="default"
              loading={revise.isPending}
              onClick={async () => {
                const n = await revise.mutateAsync();
                setChosen(n.version);
              }}
            >
              {t('pc.checklist.newRevision', { version: c.versions[0].version + 1 })}
            </Button>
          </Group>
        )}
      </Stack>
      <Modal opened={importing} onClose={() => setImporting(false)} title={t('pc.import.title')}>
        <ImportChecklistForm orgId={orgId} into={c.id} onDone={() => setImporting(false)} />
      </Modal>
    </>
  );
}
