import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../kernel/api/ApiContext.tsx';
import { formatDateTime } from '../../kernel/format/datetime.ts';
import { cctvBase, useInvalidateCctv } from '../shared/cctv.api.ts';
import type { AccessRequest } from '../shared/cctv.types.ts';
import { FormAlert } from '../shared/FormAlert.tsx';

/**
 * R335-3: the clips handed to the family as an evidence package — the originals with their SHA-256,
 * the signed manifest, the chain of custody and verify.html, checked offline by the recipient.
 * Every download is logged in the ledger.
 */
export function PackagesStep({ orgId, request: r, keeper }: { orgId: string; request: AccessRequest; keeper: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const invalidate = useInvalidateCctv(orgId);
  const build = useMutation({ mutationFn: () => api.post(`${cctvBase(orgId)}/requests/${r.id}/packages`, {}), onSuccess: invalidate });
  const clips = r.files.filter((f) => f.kind === 'clip').length;
  const canBuild = keeper && (r.state === 'granted' || r.state === 'provided') && clips > 0;
  return (
    <Stack gap="sm" data-testid="disclosure-packages">
      <Text size="sm" c="dimmed">
        {t('cctv.package.hint')}
      </Text>
      {r.packages.map((p) => (
        <Group key={p.id} justify="space-between" wrap="wrap" gap="xs">
          <Text size="sm">{t('cctv.package.line', { number: p.number, clips: p.clips, at: formatDateTime(p.createdAt) })}</Text>
          {keeper && (
            <Anchor href={p.downloadUrl} size="sm" download>
              {t('cctv.package.download')}
            </Anchor>
          )}
        </Group>
      ))}
      {r.packages.length === 0 && !canBuild && (
        <Text size="sm" c="dimmed">
          {t('cctv.package.none')}
        </Text>
      )}
      <FormAlert error={build.error} fields={[]} />
      {canBuild && (
        <Group>
          <Button variant="light" loading={build.isPending} onClick={() => build.mutate()}>
            {t('cctv.package.build')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
