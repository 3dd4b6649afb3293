import { Alert, Button, Card, Group, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { formatDateTime } from '../../kernel/format/datetime.ts';
import { hasRole } from '../../kernel/shell/access.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { PdfMenu } from '../instructions/words.tsx';
import {
  documentPdfUrl,
  useApproveDocument,
  usePresentDocument,
  useSaveTexts,
  type DocumentRef,
  type DocumentVersion,
  type LiveDocument,
} from './documents.api.ts';

export interface DocumentSection {
  key: string;
  heading: string;
  /** The section's figures and tables from the data. */
  body: ReactNode;
  /** The editable texts shown under it (the parts the data cannot say). */
  texts: { key: string; label: string; required?: boolean }[];
}

function VersionLine({ v, latest, orgId, doc }: { v: DocumentVersion; latest: boolean; orgId: string; doc: DocumentRef }) {
  const { t } = useTranslation();
  const { org } = useSession();
  const approve = useApproveDocument(orgId, doc);
  return (
    <Group justify="space-between" data-testid={`document-version-${v.version}`}>
      <div>
        <Text fw={700}>{t('pc.report.version', { n: v.version })}</Text>
        <Text size="sm" c="dimmed">
          {t('pc.report.presented', { at: formatDateTime(v.presentedAt), name: v.presentedBy.fullName })}
        </Text>
        {v.approval ? (
          <Text size="sm" c="teal.8" fw={700} data-testid="document-approved">
            {t('pc.report.approved', { at: formatDateTime(v.approval.approvedAt), name: v.approval.approvedBy.fullName })}
          </Text>
        ) : !latest ? (
          <Text size="sm" c="dimmed">
            {t('pc.report.superseded')}
          </Text>
        ) : null}
        <ErrorAlert error={approve.error} />
      </div>
      <Group gap="xs">
        <PdfMenu label={t('pc.report.pdf')} url={(l) => documentPdfUrl(orgId, doc, l, v.version)} />
        {latest && !v.approval && hasRole(org, ['head']) && (
          <Button loading={approve.isPending} onClick={() => approve.mutate(v.id)} data-testid="document-approve">
            {t('pc.report.approve')}
          </Button>
        )}
      </Group>
    </Group>
  );
}

/**
 * A document generated from the data (R315-26, R315-6): its sections in the act's order with the
 * figures, the editable texts (the service writes them), presenting a version, the first head's
 * approval, the versions and the PDF in kk and ru.
 */
export function DocumentPage<F>(p: {
  orgId: string;
  doc: DocumentRef;
  live: LiveDocument<F> | undefined;
  sections: DocumentSection[];
  /** Why presenting is not possible now (a year not over), if so. */
  notPresentable?: string;
}) {
  const { t } = useTranslation();
  const { org } = useSession();
  const writer = hasRole(org, ['pc_service_head', 'pc_official']);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const save = useSaveTexts(p.orgId, p.doc);
  const present = usePresentDocument(p.orgId, p.doc);
  // Reset to the saved texts only when they change on the server (a refetch of the same texts keeps the edits).
  const saved = JSON.stringify(p.live?.texts ?? {});
  useEffect(() => setTexts(JSON.parse(saved) as Record<string, string>), [saved]);
  if (!p.live) return null;
  const versions = p.live.versions;
  const dirty = Object.keys(texts).some((k) => texts[k] !== p.live!.texts[k]);
  return (
    <Stack gap="lg">
      <ErrorAlert error={save.error ?? present.error} />
      <Card withBorder radius="md">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} size="h4">
              {t('pc.report.versions')}
            </Title>
            <PdfMenu label={t('pc.report.draftPdf')} url={(l) => documentPdfUrl(p.orgId, p.doc, l)} testId="document-draft-pdf" />
          </Group>
          {versions.length === 0 && <Text c="dimmed">{t('pc.report.notPresented')}</Text>}
          {versions.map((v, i) => (
            <VersionLine key={v.id} v={v} latest={i === 0} orgId={p.orgId} doc={p.doc} />
          ))}
          {writer &&
            (p.notPresentable ? (
              <Alert variant="light" color="gray">
                {p.notPresentable}
              </Alert>
            ) : (
              <Button
                style={{ alignSelf: 'flex-start' }}
                loading={present.isPending}
                disabled={dirty}
                onClick={() => present.mutate()}
                data-testid="document-present"
              >
                {versions.length ? t('pc.report.presentAgain') : t('pc.report.present')}
              </Button>
            ))}
          {p.live.draft && (
            <Text size="sm" c="dimmed">
              {t('pc.docs.draftSaved', { at: formatDateTime(p.live.draft.updatedAt), name: p.live.draft.updatedBy.fullName })}
            </Text>
          )}
        </Stack>
      </Card>
      {p.sections.map((s) => (
        <Card key={s.key} withBorder radius="md" data-testid={`document-section-${s.key}`}>
          <Stack gap="sm">
            <Title order={2} size="h5">
              {s.heading}
            </Title>
            {s.body}
            {s.texts.map((x) =>
              writer ? (
                <Textarea
                  key={x.key}
                  label={x.label}
                  withAsterisk={x.required}
                  autosize
                  minRows={2}
                  maxLength={8000}
                  value={texts[x.key] ?? ''}
                  onChange={(e) => setTexts((old) => ({ ...old, [x.key]: e.currentTarget.value }))}
                  data-testid={`document-text-${x.key}`}
                />
              ) : texts[x.key] ? (
                <Text key={x.key} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {texts[x.key]}
                </Text>
              ) : null,
            )}
          </Stack>
        </Card>
      ))}
      {writer && (
        <Group>
          <Button loading={save.isPending} disabled={!dirty} onClick={() => save.mutate(texts)} data-testid="document-save">
            {t('pc.docs.save')}
          </Button>
          {dirty && (
            <Text size="sm" c="dimmed">
              {t('pc.docs.unsaved')}
            </Text>
          )}
        </Group>
      )}
    </Stack>
  );
}

/** Label: value lines of a section's figures. */
export function Figures({ lines }: { lines: [string, ReactNode][] }) {
  return (
    <Stack gap={2}>
      {lines.map(([label, value]) => (
        <Text key={label} size="sm">
          {label}: <b>{value}</b>
        </Text>
      ))}
    </Stack>
  );
}

/** A section's table (nothing when it has no rows). */
export function SimpleTable({ heads, rows, testId }: { heads: string[]; rows: ReactNode[][]; testId?: string }) {
  if (!rows.length) return null;
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table verticalSpacing={4} withTableBorder data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {heads.map((h) => (
              <Table.Th key={h}>{h}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => (
            <Table.Tr key={i}>
              {r.map((c, j) => (
                <Table.Td key={j}>{c}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
