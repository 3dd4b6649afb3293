import { Anchor, Button, FileInput, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { DOCUMENT_KINDS, INDICATOR_IDS, type DocumentKind, type IndicatorId } from '@baqylau/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../kernel/components/DateField.tsx';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { formatCalendarDate } from '../../kernel/format/datetime.ts';
import { useDetachDocument, useUploadDocument } from '../competition.queries.ts';
import type { ApplicationDetail } from '../competition.types.ts';
import { apiBase } from '../paths.ts';

/** RC-16 attachments and RC-18 evidence: every document with its hash; a draft takes new ones and lets wrong ones go. */
export function DocumentsPanel({ orgId, application: a, editable }: { orgId: string; application: ApplicationDetail; editable: boolean }) {
  const { t } = useTranslation();
  const detach = useDetachDocument(orgId, a.id);
  return (
    <Paper withBorder radius="md" p="md" data-testid="documents">
      <Stack gap="sm">
        <Text fw={600}>{t('competition.documents.title')}</Text>
        {a.documents.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('competition.documents.empty')}
          </Text>
        ) : (
          <Table fz="sm" verticalSpacing={4}>
            <Table.Tbody>
              {a.documents.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <Anchor href={`${apiBase(orgId)}/applications/${a.id}/documents/${d.id}`} size="sm">
                      {d.title}
                    </Anchor>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {d.fileName} · SHA-256 {d.sha256.slice(0, 16)}…
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {t(`common:competition.document.${d.kind}`)}
                    {d.indicatorId && (
                      <Text size="xs" c="dimmed">
                        {t(`common:competition.indicator.${d.indicatorId}`)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{formatCalendarDate(d.eventDate)}</Table.Td>
                  {editable && (
                    <Table.Td>
                      <Button size="compact-xs" variant="subtle" color="red" onClick={() => detach.mutate(d.id)}>
                        {t('competition.documents.detach')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {a.missingAttachments.length > 0 && (
          <Text size="xs" c="dimmed">
            {t('competition.documents.missing', {
              list: a.missingAttachments.map((k) => t(`common:competition.document.${k}`)).join('; '),
            })}
          </Text>
        )}
        <ErrorAlert error={detach.error} />
        {editable && <UploadForm orgId={orgId} applicationId={a.id} />}
      </Stack>
    </Paper>
  );
}

function UploadForm({ orgId, applicationId }: { orgId: string; applicationId: string }) {
  const { t } = useTranslation();
  const upload = useUploadDocument(orgId, applicationId);
  const [kind, setKind] = useState<DocumentKind>('evidence');
  const [indicatorId, setIndicator] = useState<IndicatorId | null>(null);
  const [eventDate, setEventDate] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const evidence = kind === 'evidence';
  const ready = file && title.trim() && (!evidence || (indicatorId && eventDate));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file || !ready) return;
    try {
      await upload.mutateAsync({
        file,
        kind,
        title: title.trim(),
        indicatorId: evidence ? indicatorId! : undefined,
        eventDate: evidence ? eventDate! : undefined,
      });
      setFile(null);
      setTitle('');
    } catch {
      // shown below
    }
  };
  return (
    <form onSubmit={submit} data-testid="document-form">
      <Stack gap="xs">
        <ErrorAlert error={upload.error} />
        <Group grow align="flex-start" wrap="wrap">
          <Select
            label={t('competition.documents.kind')}
            data={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`common:competition.document.${k}`) }))}
            value={kind}
            onChange={(v) => setKind((v as DocumentKind) ?? 'evidence')}
            allowDeselect={false}
            data-testid="document-kind"
          />
          {evidence && (
            <Select
              label={t('competition.documents.indicator')}
              data={INDICATOR_IDS.map((id) => ({ value: id, label: t(`common:competition.indicator.${id}`) }))}
              value={indicatorId}
              onChange={(v) => setIndicator(v as IndicatorId | null)}
              searchable
              data-testid="document-indicator"
            />
          )}
          {evidence && (
            <DateField
              label={t('common:competition.field.eventDate')}
              value={eventDate}
              onChange={setEventDate}
              data-testid="document-date"
            />
          )}
        </Group>
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            label={t('competition.documents.titleLabel')}
            value={title}
            maxLength={500}
            onChange={(e) => setTitle(e.currentTarget.value)}
            name="documentTitle"
          />
          <FileInput
            label={t('competition.documents.file')}
            description={t('competition.documents.fileHint')}
            accept="application/pdf,image/jpeg,image/png,video/mp4"
            value={file}
            onChange={setFile}
            clearable
            name="documentFile"
          />
        </Group>
        <Group justify="flex-end">
          <Button type="submit" variant="light" loading={upload.isPending} disabled={!ready} data-testid="document-upload">
            {t('competition.documents.upload')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
