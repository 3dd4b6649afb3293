import { Alert, Button, Code, CopyButton, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { formatDateTime } from '../format/datetime.ts';
import { useCheckpoints, useInstanceKey, useSignCheckpoint, useVerifyLedger } from './audit.queries.ts';
import { VerificationResult } from './VerificationResult.tsx';

/** Verify the chain, sign a checkpoint, and the instance key anyone can check signatures with. */
export function IntegrityPanel({ orgId, canSign }: { orgId: string; canSign: boolean }) {
  const { t } = useTranslation();
  const verify = useVerifyLedger(orgId);
  const sign = useSignCheckpoint(orgId);
  const key = useInstanceKey();
  const checkpoints = useCheckpoints(orgId);
  const last = checkpoints.data?.reduce<(typeof checkpoints.data)[number] | null>((a, c) => (!a || c.seq > a.seq ? c : a), null);

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="integrity-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="integrity-title">
            {t('audit.integrity')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('audit.integrityHint')}
          </Text>
          <Group gap="sm">
            <Button onClick={() => verify.mutate()} loading={verify.isPending}>
              {t('audit.verify.button')}
            </Button>
            {canSign && (
              <Button variant="default" onClick={() => sign.mutate()} loading={sign.isPending}>
                {t('audit.checkpoint.sign')}
              </Button>
            )}
          </Group>
          <ErrorAlert error={verify.error ?? sign.error} />
          {verify.data && <VerificationResult result={verify.data} />}
          {sign.isSuccess && (
            <Alert color={sign.data ? 'teal' : 'gray'} variant="light" role="status">
              {sign.data ? t('audit.checkpoint.signed', { seq: sign.data.seq }) : t('audit.checkpoint.nothingNew')}
            </Alert>
          )}
        </Stack>
      </Paper>
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="key-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="key-title">
            {t('audit.key.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('audit.key.hint')}
          </Text>
          <ErrorAlert error={key.error} />
          {key.data && (
            <Group gap="xs" wrap="nowrap" align="center">
              <Text size="sm" fw={500} style={{ flexShrink: 0 }}>
                {key.data.algorithm}
              </Text>
              <Code data-testid="key-fingerprint" style={{ wordBreak: 'break-all' }}>
                {key.data.fingerprint}
              </Code>
              <CopyButton value={key.data.publicKeyPem}>
                {({ copied, copy }) => (
                  <Button size="compact-xs" variant="light" onClick={copy} style={{ flexShrink: 0 }}>
                    {copied ? t('action.copied') : t('audit.key.copyPem')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          )}
          <Text size="sm">
            {last
              ? t('audit.checkpoint.last', { seq: last.seq, at: formatDateTime(last.signedAt) })
              : checkpoints.data
                ? t('audit.checkpoint.none')
                : ''}
          </Text>
        </Stack>
      </Paper>
    </SimpleGrid>
  );
}
