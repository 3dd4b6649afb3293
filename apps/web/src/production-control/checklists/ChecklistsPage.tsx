import { Badge, Button, FileInput, Group, Modal, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { DataState } from '../../kernel/components/DataState.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { usePcAccess } from '../access.ts';
import { PC_HOME } from '../navigation.ts';
import { FormAlert } from '../shared/FormAlert.tsx';
import { serverError } from '../shared/formErrors.ts';
import { XLSX_TYPE } from '../shared/pc.api.ts';
import type { ChecklistPurpose } from '../shared/pc.types.ts';
import { useChecklists, useCreateChecklist, useImportChecklist } from './checklists.queries.ts';

function NewChecklistForm({ orgId, onDone }: { orgId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateChecklist(orgId);
  const [title, setTitle] = useState('');
  const [purpose, setPurpose] = useState<ChecklistPurpose>('inspection');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return;
    try {
      const v = await create.mutateAsync({ title: title.trim(), purpose });
      onDone();
      navigate(`${PC_HOME}/checklists/${v.checklistId}`);
    } catch {
      // shown in the form
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormAlert error={create.error} fields={['title']} />
        <TextInput
          label={t('common:pc.field.title')}
          required
          data-autofocus
          maxLength={300}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={serverError(create.error, 'title')}
        />
        <Select
          label={t('pc.checklist.purpose')}
          allowDeselect={false}
          data={(['inspection', 'comprehensive_programme'] as const).map((p) => ({ value: p, label: t(`pc.checklist.purpose_${p}`) }))}
          value={purpose}
          onChange={(v) => v && setPurpose(v as ChecklistPurpose)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('action.cancel')}
          </Button>
          <Button type="submit" disabled={!title.trim()} loading={create.isPending}>
            {t('action.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A checklist from a JSON export or an XLSX sheet (columns id, text, act, point, severity); rows are checked as in the editor. */
export function ImportChecklistForm({ orgId, into, onDone }: { orgId: string; into?: string; onDone: (checklistId: string) => void }) {
  const { t } = useTranslation();
  const imp = useImportChecklist(orgId);
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    const type = file.name.toLowerCase().endsWith('.json') ? 'application/json' : XLSX_TYPE;
    try {
      const v = await imp.mutateAsync({ file, type, title: title.trim() || undefined, into });
      onDone(v.checklistId);
    } catch {
      // shown in the form
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('pc.import.hint')}</Text>
        <FormAlert error={imp.error} fields={['file', 'title']} />
        <FileInput
          label={t('pc.import.file')}
          required
          accept=".json,.xlsx"
          value={file}
          onChange={setFile}
          error={serverError(imp.error, 'file')}
        />
        {!into && (
          <TextInput
            label={t('common:pc.field.title')}
            description={t('pc.import.titleHint')}
            maxLength={300}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={serverError(imp.error, 'title')}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone('')}>
            {t('action.cancel')}
          </Button>
          <Button type="submit" disabled={!file} loading={imp.isPending}>
            {t('pc.import.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** R315-11: checklists and comprehensive programmes, each with its versions. */
export function ChecklistsPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const access = usePcAccess();
  const orgId = org!.id;
  const navigate = useNavigate();
  const list = useChecklists(orgId);
  const [dialog, setDialog] = useState<'new' | 'import' | null>(null);
  return (
    <>
      <PageHeader
        title={t('pc.checklists.title')}
        description={t('pc.checklists.description')}
        actions={
          access.organise && (
            <>
              <Button variant="default" onClick={() => setDialog('import')}>
                {t('pc.import.open')}
              </Button>
              <Button onClick={() => setDialog('new')}>{t('pc.checklist.new')}</Button>
            </>
          )
        }
      />
      <DataState query={list} empty={t('pc.checklists.empty')}>
        {(rows) => (
          <Stack gap="sm">
            {rows.map((c) => (
              <Paper
                key={c.id}
                withBorder
                radius="md"
                p="md"
                component={Link}
                to={`${PC_HOME}/checklists/${c.id}`}
                data-testid="pc-checklist"
              >
                <Group justify="space-between" wrap="wrap">
                  <Text fw={700}>{c.title}</Text>
                  <Group gap="xs">
                    <Badge variant="light">{t(`pc.checklist.purpose_${c.purpose}`)}</Badge>
                    <Badge variant="light" color={c.publishedVersion ? 'teal' : 'gray'}>
                      {c.publishedVersion
                        ? t('pc.checklist.publishedVersion', { version: c.publishedVersion })
                        : t('pc.checklist.notPublished')}
                    </Badge>
                  </Group>
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
      </DataState>
      <Modal opened={!!dialog} onClose={() => setDialog(null)} title={dialog === 'import' ? t('pc.import.title') : t('pc.checklist.new')}>
        {dialog === 'new' && <NewChecklistForm orgId={orgId} onDone={() => setDialog(null)} />}
        {dialog === 'import' && (
          <ImportChecklistForm
            orgId={orgId}
            onDone={(id) => {
              setDialog(null);
              if (id) navigate(`${PC_HOME}/checklists/${id}`);
            }}
          />
        )}
      </Modal>
    </>
  );
}
