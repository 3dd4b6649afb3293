import {
  Alert,
  Anchor,
  Badge,
  Button,
  Center,
  CopyButton,
  Grid,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { formatDateTime } from '../../kernel/format/datetime.ts';
import { Fact } from '../evidence/ActivityFacts.tsx';
import { formatSize } from '../evidence/evidenceText.ts';
import { recordingPath } from '../evidence/paths.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { PackageLinks } from './PackageLinks.tsx';
import { PackageState } from './PackageState.tsx';
import { usePackage } from './packages.queries.ts';
import type { PackageDetail } from './packages.types.ts';
import { packagesPath } from './paths.ts';
import { useOrder444Access } from '../access.ts';

/** R444-14: one package — recipient and case, contents, build progress or result, and its download links. */
export function PackagePage() {
  const { t } = useTranslation();
  const { packageId } = useParams();
  const { org } = useSession();
  const order444 = useOrder444Access();
  const orgId = org!.id;
  const q = usePackage(orgId, packageId!);
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data)
    return (
      <Center p="xl">
        <Loader size="sm" aria-label={t('loading')} />
      </Center>
    );
  const p = q.data;
  return (
    <>
      <Anchor component={Link} to={packagesPath} size="sm">
        ← {t('packages.back')}
      </Anchor>
      <PageHeader title={t('packages.detailTitle', { number: p.number })} actions={<PackageState pkg={p} />} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <Paper withBorder radius="md" p="md" component="section" aria-labelledby="pkg-request" data-testid="package-request">
              <Title id="pkg-request" order={2} size="h4" mb="sm">
                {t('packages.request')}
              </Title>
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="sm">
                <Fact label={t(`packages.kind.${p.recipient.kind}`)}>{p.recipient.name}</Fact>
                <Fact label={t('packages.form.caseNumber')}>{p.recipient.caseNumber}</Fact>
                <Fact label={t('packages.created')}>
                  {p.createdBy.fullName} ({t(`common:role.${p.createdBy.role}`)})
                  <Text size="xs" c="dimmed">
                    {formatDateTime(p.createdAt)}
                  </Text>
                </Fact>
                <Fact label={t('packages.builtAt')}>{p.builtAt ? formatDateTime(p.builtAt) : '—'}</Fact>
              </SimpleGrid>
              <Stack mt="sm">
                <Fact label={t('packages.form.purpose')}>{p.purpose}</Fact>
              </Stack>
            </Paper>
            {p.state === 'failed' && p.error && (
              <Alert color="red" variant="light" title={t('packages.failed')} role="alert">
                {p.error.message}
              </Alert>
            )}
            <Contents pkg={p} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <Integrity pkg={p} />
            <PackageLinks orgId={orgId} pkg={p} canMake={order444.makePackages} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

function Contents({ pkg }: { pkg: PackageDetail }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="pkg-contents" data-testid="package-contents">
      <Title id="pkg-contents" order={2} size="h4" mb="sm">
        {t('packages.contents')}
      </Title>
      <Table.ScrollContainer minWidth={520}>
        <Table verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>№</Table.Th>
              <Table.Th>{t('packages.form.recording')}</Table.Th>
              <Table.Th>{t('packages.excerpt.title')}</Table.Th>
              <Table.Th ta="right">{t('retention.col.size')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pkg.recordings.map((r) => (
              <Table.Tr key={r.position} data-recording={r.originalName}>
                <Table.Td>{r.position}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={recordingPath(r.recordingId)} size="sm" fw={600}>
                    {r.originalName}
                  </Anchor>
                  <Text size="xs" c="dimmed" ff="monospace" title={r.sha256}>
                    {r.sha256.slice(0, 16)}…
                  </Text>
                </Table.Td>
                <Table.Td>
                  {r.excerpt
                    ? t('packages.excerpt.value', { from: r.excerpt.fromSeconds, to: r.excerpt.toSeconds })
                    : t('packages.excerpt.whole')}
                </Table.Td>
                <Table.Td ta="right">{formatSize(r.size)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Title order={3} size="h5" mt="md" mb="xs">
        {t('packages.form.materialsTitle')}
      </Title>
      {pkg.materials.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('packages.noMaterials')}
        </Text>
      ) : (
        <Stack gap={4} component="ul" style={{ margin: 0, paddingLeft: 18 }}>
          {pkg.materials.map((m) => (
            <Text component="li" size="sm" key={m.position}>
              {m.title}{' '}
              <Text span size="xs" c="dimmed">
                ({m.fileName}, {formatSize(m.size)})
              </Text>
            </Text>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

/** What lets the recipient check the package without our software: the manifest's hash and the signing key. */
function Integrity({ pkg }: { pkg: PackageDetail }) {
  const { t } = useTranslation();
  const line = (label: string, value: string | null, testId: string) => (
    <Stack gap={2}>
      <Group gap="xs" justify="space-between">
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {label}
        </Text>
        {value && (
          <CopyButton value={value}>
            {({ copied, copy }) => (
              <Button size="compact-xs" variant="subtle" onClick={copy}>
                {copied ? t('action.copied') : t('action.copy')}
              </Button>
            )}
          </CopyButton>
        )}
      </Group>
      <Text ff="monospace" size="xs" style={{ wordBreak: 'break-all' }} data-testid={testId}>
        {value ?? t('packages.notYet')}
      </Text>
    </Stack>
  );
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="pkg-integrity">
      <Title id="pkg-integrity" order={2} size="h4" mb="sm">
        {t('packages.integrity')}
      </Title>
      <Stack gap="sm">
        {line(t('packages.manifestHash'), pkg.manifestSha256, 'manifest-hash')}
        {line(t('packages.keyFingerprint'), pkg.keyFingerprint, 'key-fingerprint')}
        <Text size="xs" c="dimmed">
          {t('packages.verifyHint')}
        </Text>
        <Group gap={6}>
          <Badge variant="light" color="gray" tt="none">
            {t('packages.counts', { count: pkg.counts.recordings, excerpts: pkg.counts.excerpts, materials: pkg.counts.materials })}
          </Badge>
        </Group>
      </Stack>
    </Paper>
  );
}
