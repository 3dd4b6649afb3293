import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { formatDateTime } from '../../kernel/format/datetime.ts';
import { useCreateLink } from './packages.queries.ts';
import type { NewLink, PackageDetail } from './packages.types.ts';

/**
 * R444-14/21: the ZIP is downloaded through an expiring link (each use logged). The token is shown once, right
 * after the link is made; earlier links are listed with their expiry and how often they were used.
 */
export function PackageLinks({ orgId, pkg, canMake }: { orgId: string; pkg: PackageDetail; canMake: boolean }) {
  const { t } = useTranslation();
  const create = useCreateLink(orgId, pkg.id);
  const [link, setLink] = useState<NewLink | null>(null);
  const ready = pkg.state === 'ready';
  const expired = link !== null && Date.parse(link.expiresAt) <= Date.now();

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="pkg-links" data-testid="package-links">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title id="pkg-links" order={2} size="h4">
          {t('packages.links.title')}
        </Title>
        {canMake && ready && (
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => create.mutate(undefined, { onSuccess: setLink })}
            loading={create.isPending}
          >
            {t('packages.links.create')}
          </Button>
        )}
      </Group>
      <Stack gap="sm">
        {!ready && (
          <Text size="sm" c="dimmed">
            {t('packages.links.notReady')}
          </Text>
        )}
        <ErrorAlert error={create.error} />
        {link && (
          <Alert color={expired ? 'gray' : 'teal'} variant="light" title={t('packages.links.made')} data-testid="new-link">
            <Stack gap="xs" align="flex-start">
              <Text size="sm" data-testid="link-expiry">
                {t('packages.links.validUntil', { at: formatDateTime(link.expiresAt) })}
              </Text>
              <Button component="a" href={link.downloadUrl} download={`${pkg.number}.zip`} disabled={expired} data-testid="download-zip">
                {t('packages.links.download', { number: pkg.number })}
              </Button>
              <Text size="xs" c="dimmed">
                {t('packages.links.once')}
              </Text>
            </Stack>
          </Alert>
        )}
        {pkg.links.length > 0 && (
          <Table.ScrollContainer minWidth={320}>
            <Table verticalSpacing={4} fz="sm" data-testid="links-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('packages.links.createdBy')}</Table.Th>
                  <Table.Th>{t('packages.links.expires')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {pkg.links.map((l) => (
                  <Table.Tr key={l.id}>
                    <Table.Td>
                      {l.createdBy.fullName}
                      <Text size="xs" c="dimmed">
                        {formatDateTime(l.createdAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatDateTime(l.expiresAt)}{' '}
                      {l.expired && (
                        <Badge size="xs" color="gray" variant="light" tt="none">
                          {t('packages.links.expired')}
                        </Badge>
                      )}
                      <Text size="xs" c="dimmed" data-testid="link-used">
                        {t('packages.links.usedCount', { count: l.usedCount })}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
