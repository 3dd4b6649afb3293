import { Alert, Badge, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataState } from '../../kernel/components/DataState.tsx';
import { formatDateTime } from '../../kernel/format/datetime.ts';
import { useOrder444Access } from '../access.ts';
import { formatSize } from '../evidence/evidenceText.ts';
import { RemoveUploadButton } from './RemoveUploadButton.tsx';
import { usePartialUploads, type StagingDisk } from './uploads.queries.ts';

/** How long ago, in whole minutes, hours or days: what the catalog words ("5 минут бұрын"). */
function age(iso: string): { unit: 'minute' | 'hour' | 'day'; count: number } {
  const minutes = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 60_000));
  if (minutes < 60) return { unit: 'minute', count: minutes };
  if (minutes < 48 * 60) return { unit: 'hour', count: Math.round(minutes / 60) };
  return { unit: 'day', count: Math.round(minutes / 1440) };
}

function DiskLine({ disk }: { disk: StagingDisk }) {
  const { t } = useTranslation();
  const low = disk.freeBytes < disk.reserveBytes;
  const used = disk.totalBytes ? 100 - (disk.freeBytes / disk.totalBytes) * 100 : 0;
  return (
    <Stack gap={4} mb="sm" data-testid="staging-disk">
      <Text size="sm">
        {t('dashboard.uploads.free', {
          free: formatSize(disk.freeBytes),
          total: formatSize(disk.totalBytes),
          reserve: formatSize(disk.reserveBytes),
        })}
      </Text>
      <Progress value={used} color={low ? 'red' : used > 80 ? 'orange' : 'teal'} aria-label={t('dashboard.uploads.used')} />
      {low && (
        <Alert color="red" variant="light" role="alert" data-testid="disk-full-alert">
          {t('dashboard.uploads.low')}
        </Alert>
      )}
    </Stack>
  );
}

/** R444-11: the uploads the dock agents left unfinished, which hold disk space until they finish or expire. */
export function PartialUploadsPanel({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const order444 = useOrder444Access();
  const disk = usePartialUploads(orgId);
  return (
    <Paper withBorder radius="md" p="md" data-testid="partial-uploads-panel" component="section" aria-labelledby="partial-uploads-title">
      <Title id="partial-uploads-title" order={2} size="h4" mb={4}>
        {t('dashboard.uploads.title')}
      </Title>
      {disk.data && <DiskLine disk={disk.data} />}
      <DataState query={{ isPending: disk.isPending, error: disk.error, data: disk.data?.uploads }} empty={t('dashboard.uploads.empty')}>
        {(rows) => (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {rows.map((u) => (
              <Group
                key={u.uploadId}
                component="li"
                justify="space-between"
                align="flex-start"
                wrap="nowrap"
                gap="sm"
                data-upload={u.uploadId}
              >
                <div style={{ minWidth: 0, flex: '1 1 0' }}>
                  <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {u.fileName}{' '}
                    <Text span size="sm" fw={400}>
                      {u.inventoryNumber}
                    </Text>{' '}
                    {u.awaitingConfirmation && (
                      <Badge size="sm" variant="light">
                        {t('dashboard.uploads.awaiting')}
                      </Badge>
                    )}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('dashboard.uploads.line', {
                      received: formatSize(u.receivedBytes),
                      size: u.sizeBytes === null ? '—' : formatSize(u.sizeBytes),
                      started: formatDateTime(u.createdAt),
                      touched: t(`dashboard.uploads.age.${age(u.lastWrittenAt).unit}`, { count: age(u.lastWrittenAt).count }),
                    })}
                  </Text>
                </div>
                {order444.keeper && <RemoveUploadButton orgId={orgId} upload={u} />}
              </Group>
            ))}
          </Stack>
        )}
      </DataState>
    </Paper>
  );
}
