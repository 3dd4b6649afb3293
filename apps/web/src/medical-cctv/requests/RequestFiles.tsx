import { Anchor, Badge, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../kernel/format/datetime.ts';
import { CLIP_FILES, DOCUMENT_FILES } from '../shared/cctv.api.ts';
import type { AccessRequest } from '../shared/cctv.types.ts';
import { FileForm } from '../shared/FileForm.tsx';
import { requestFileUrl, useUploadRequestFile } from './requests.queries.ts';
import { WHOLE } from '../shared/words.tsx';

/** A file's size as people read it: kilobytes, or megabytes to one decimal. */
const size = (t: (k: string, o: Record<string, unknown>) => string, n: number) =>
  n >= 1_048_576 ? t('cctv.size.mb', { n: (n / 1_048_576).toFixed(1) }) : t('cctv.size.kb', { n: Math.max(1, Math.round(n / 1024)) });

/**
 * The application's proof documents (while it is open) and the clips to hand over (once granted),
 * each stored write-once with its SHA-256; every download is in the ledger.
 */
export function RequestFiles({
  orgId,
  request: r,
  keeper,
  files,
}: {
  orgId: string;
  request: AccessRequest;
  keeper: boolean;
  files: boolean;
}) {
  const { t } = useTranslation();
  const upload = useUploadRequestFile(orgId, r.id);
  const kinds = [
    {
      kind: 'proof' as const,
      title: t('cctv.request.proofs'),
      open: r.state === 'received' || r.state === 'hold_confirmed',
      types: DOCUMENT_FILES,
    },
    { kind: 'clip' as const, title: t('cctv.request.clips'), open: r.state === 'granted', types: CLIP_FILES },
  ];
  return (
    <Stack gap="md">
      {kinds.map(({ kind, title, open, types }) => {
        const list = r.files.filter((f) => f.kind === kind);
        return (
          <Stack key={kind} gap={6} data-testid={`files-${kind}`}>
            <Text fw={600} size="sm">
              {title}
            </Text>
            {list.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('cctv.request.noFiles')}
              </Text>
            ) : (
              <List size="sm" spacing={4}>
                {list.map((f) => (
                  <List.Item key={f.id}>
                    <Group gap="xs" wrap="wrap">
                      {files ? (
                        <Anchor href={requestFileUrl(orgId, r.id, f.id)} download={f.fileName} size="sm">
                          {f.fileName}
                        </Anchor>
                      ) : (
                        <Text size="sm">{f.fileName}</Text>
                      )}
                      <Text size="xs" c="dimmed">
                        {size(t, f.size)} · {formatDateTime(f.uploadedAt)}
                      </Text>
                      <Badge styles={WHOLE} size="xs" variant="outline" color="gray" tt="none" title={f.sha256} ff="monospace">
                        SHA-256 {f.sha256.slice(0, 12)}…
                      </Badge>
                    </Group>
                  </List.Item>
                ))}
              </List>
            )}
            {keeper && open && (
              <FileForm
                label={kind === 'clip' ? t('cctv.request.clipFile') : t('cctv.request.proofFile')}
                description={kind === 'clip' ? t('cctv.request.clipHint') : t('cctv.request.proofHint')}
                types={types}
                submitLabel={t('cctv.request.addFile')}
                error={upload.variables?.kind === kind ? upload.error : null}
                pending={upload.isPending && upload.variables?.kind === kind}
                onPick={() => upload.reset()}
                onSubmit={(file, type) => upload.mutateAsync({ kind, file, type })}
                testId={`upload-${kind}`}
              />
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}
