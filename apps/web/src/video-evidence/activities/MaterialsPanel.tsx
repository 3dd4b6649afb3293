import { Anchor, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataState } from '../../kernel/components/DataState.tsx';
import { formatDateTime } from '../../kernel/format/datetime.ts';
import { formatSize } from '../evidence/evidenceText.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { MaterialUploadForm } from './MaterialUploadForm.tsx';
import { materialFileUrl, useMaterials, type Material } from './materials.queries.ts';
import { useOrder444Access } from '../access.ts';

/**
 * R444-14/18: the materials drawn up during the activity, which go to a court or authority with the recordings.
 * Head, responsible person and the assigned inspector upload; head, responsible person and auditor see the list;
 * head and responsible person download (logged).
 */
export function MaterialsPanel({ activityId }: { activityId: string }) {
  const { t } = useTranslation();
  const { org } = useSession();
  const orgId = org!.id;
  const a = useOrder444Access();
  const materials = useMaterials(orgId, activityId, a.materials);
  // An inspector cannot read the list: they see what they uploaded now.
  const [mine, setMine] = useState<Material[]>([]);
  if (!a.materials && !a.uploadMaterials) return null;
  const query = a.materials ? materials : { isPending: false, error: null, data: mine };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="materials-title" data-testid="materials-panel">
      <Title id="materials-title" order={2} size="h4" mb="xs">
        {t('materials.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('materials.description')}
      </Text>
      <Stack gap="md">
        <DataState query={query} empty={t(a.materials ? 'materials.empty' : 'materials.emptyMine')}>
          {(rows) => (
            <Table.ScrollContainer minWidth={560}>
              <Table verticalSpacing={4} fz="sm" data-testid="materials-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('materials.titleLabel')}</Table.Th>
                    <Table.Th>{t('materials.uploaded')}</Table.Th>
                    <Table.Th ta="right">{t('materials.size')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((m) => (
                    <Table.Tr key={m.id} data-material={m.title}>
                      <Table.Td>
                        {a.downloadMaterials ? (
                          <Anchor href={materialFileUrl(orgId, activityId, m.id)} download={m.fileName} fw={600} size="sm">
                            {m.title}
                          </Anchor>
                        ) : (
                          <Text fw={600} size="sm">
                            {m.title}
                          </Text>
                        )}
                        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                          {m.fileName} · SHA-256 <span title={m.sha256}>{m.sha256.slice(0, 12)}…</span>
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {m.uploadedBy.fullName}
                        <Text size="xs" c="dimmed">
                          {formatDateTime(m.uploadedAt)}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {formatSize(m.size)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </DataState>
        {a.uploadMaterials && (
          <MaterialUploadForm orgId={orgId} activityId={activityId} onUploaded={(m) => setMine((list) => [...list, m])} />
        )}
      </Stack>
    </Paper>
  );
}
