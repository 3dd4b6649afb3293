import { Alert, Button, Group, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../kernel/format/datetime.ts';
import { Fact } from '../evidence/ActivityFacts.tsx';
import { formatSize } from '../evidence/evidenceText.ts';
import { actPdfUrl } from './retention.queries.ts';
import type { DeletionAct } from './retention.types.ts';

/** The deletion act's PDF in the two languages of the acts (Kazakh, Russian). */
export function ActPdfLinks({ orgId, act, size = 'xs' }: { orgId: string; act: DeletionAct; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      <Button component="a" href={actPdfUrl(orgId, act.id, 'kk')} download size={size} variant="light" data-testid="act-pdf-kk">
        {t('retention.acts.pdfKk')}
      </Button>
      <Button component="a" href={actPdfUrl(orgId, act.id, 'ru')} download size={size} variant="light" data-testid="act-pdf-ru">
        {t('retention.acts.pdfRu')}
      </Button>
    </Group>
  );
}

/** What a deletion produced: the act's number and facts, and its PDF. */
export function ActResult({ orgId, act }: { orgId: string; act: DeletionAct }) {
  const { t } = useTranslation();
  return (
    <Alert color="teal" variant="light" title={t('retention.acts.drawnUp', { number: act.number })} data-testid="act-result">
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm" mb="sm">
        <Fact label={t('retention.acts.executedAt')}>{formatDateTime(act.executedAt)}</Fact>
        <Fact label={t('retention.acts.count')}>{act.recordingCount}</Fact>
        <Fact label={t('retention.acts.size')}>{formatSize(act.totalBytes)}</Fact>
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('retention.acts.contentHash')}
      </Text>
      <Text ff="monospace" size="xs" mb="sm" style={{ wordBreak: 'break-all' }}>
        {act.contentHash}
      </Text>
      <ActPdfLinks orgId={orgId} act={act} size="sm" />
    </Alert>
  );
}
