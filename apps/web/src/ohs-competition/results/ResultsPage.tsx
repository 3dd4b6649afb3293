import { Alert, Anchor, Badge, Button, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { PageLoader } from '../../kernel/components/PageLoader.tsx';
import { formatDateTime } from '../../kernel/format/datetime.ts';
import { organisationName } from '../../kernel/shell/access.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { useCompetitionAccess } from '../access.ts';
import { usePublishResults, useResults, useSignProtocol, useYear } from '../competition.queries.ts';
import { apiBase, applicationPath, publicResultsPath } from '../paths.ts';
import { TieForm } from './TieForm.tsx';

/** RC-19, RC-22, RC-24: ranking per group with places I–III, ties for the commission, signatures, protocol PDF, publication. */
export function ResultsPage() {
  const { t, i18n } = useTranslation();
  const { yearId = '' } = useParams();
  const { org } = useSession();
  const access = useCompetitionAccess();
  const orgId = org!.id;
  const year = useYear(orgId, yearId);
  const results = useResults(orgId, yearId);
  const sign = useSignProtocol(orgId, yearId);
  const publish = usePublishResults(orgId, yearId);
  if (results.error) return <ErrorAlert error={results.error} />;
  if (!results.data || !year.data) return <PageLoader />;
  const r = results.data;
  const names = new Map(r.protocol.groups.flatMap((g) => g.ranking.map((e) => [e.applicationId, e.candidate] as const)));
  return (
    <>
      <PageHeader
        title={t('competition.results.heading', { year: year.data.reportingYear })}
        description={t('competition.results.description')}
        actions={
          <>
            <Button
              component="a"
              href={`${apiBase(orgId)}/years/${yearId}/protocol.pdf?lang=kk`}
              variant="default"
              data-testid="protocol-kk"
            >
              {t('competition.results.pdfKk')}
            </Button>
            <Button
              component="a"
              href={`${apiBase(orgId)}/years/${yearId}/protocol.pdf?lang=ru`}
              variant="default"
              data-testid="protocol-ru"
            >
              {t('competition.results.pdfRu')}
            </Button>
          </>
        }
      />
      <Stack gap="lg">
        {r.publishedAt && (
          <Alert color="teal" variant="light" title={t('competition.results.published', { at: formatDateTime(r.publishedAt) })}>
            <Anchor component={Link} to={publicResultsPath(orgId, year.data.reportingYear)}>
              {t('competition.publicPage')}
            </Anchor>
          </Alert>
        )}
        {r.late && <Alert color="orange">{t('competition.results.late')}</Alert>}
        {r.protocol.groups.map((g) => (
          <Paper key={g.group} withBorder radius="md" p="md" data-testid={`ranking-${g.group}`}>
            <Title order={2} size="h5" mb="xs">
              {t(`common:competition.group.${g.group}`)}
            </Title>
            {g.ranking.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('common:competition.pdf.none')}
              </Text>
            ) : (
              <Table fz="sm" verticalSpacing={4}>
                <Table.Tbody>
                  {g.ranking.map((e) => (
                    <Table.Tr key={e.applicationId} data-candidate={e.candidate}>
                      <Table.Td w={40}>{e.position}</Table.Td>
                      <Table.Td w={110}>
                        {e.place ? (
                          <Badge tt="none" color={['yellow', 'gray', 'orange'][e.place - 1]}>
                            {t(`common:competition.place.${e.place}`)}
                          </Badge>
                        ) : e.tie ? (
                          <Badge variant="outline" tt="none">
                            {t('competition.results.tie')}
                          </Badge>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={applicationPath(e.applicationId)}>
                          {e.candidate}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{organisationName(e.memberOrganisation, i18n.language)}</Table.Td>
                      <Table.Td fw={700} ta="right">
                        {e.total}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {g.ties.map((tie) =>
              tie.decision ? (
                <Text key={tie.key} size="sm" mt="xs">
                  {t('common:competition.pdf.tieDecided', {
                    total: tie.total,
                    candidates: tie.decision.order.map((id) => names.get(id)).join(', '),
                    reason: tie.decision.reason,
                  })}
                </Text>
              ) : (
                <Alert
                  key={tie.key}
                  color="orange"
                  variant="light"
                  mt="xs"
                  title={t('common:competition.pdf.tieOpen', {
                    total: tie.total,
                    candidates: tie.applicationIds.map((id) => names.get(id)).join(', '),
                  })}
                >
                  {access.judge && !r.publishedAt && <TieForm orgId={orgId} yearId={yearId} group={g.group} tie={tie} names={names} />}
                </Alert>
              ),
            )}
            {g.excluded.map((x) => (
              <Text key={x.applicationId} size="sm" c="red.8" mt="xs">
                {t('competition.results.excluded', { candidate: x.candidate, point: x.point })}
              </Text>
            ))}
          </Paper>
        ))}
        <Paper withBorder radius="md" p="md" data-testid="signatures">
          <Stack gap={4}>
            <Text fw={600}>{t('common:competition.pdf.signatures')}</Text>
            {r.signatures.map((s) => (
              <Text key={s.userId} size="sm">
                {t('common:competition.pdf.signed', { name: s.fullName, at: formatDateTime(s.signedAt) })}
              </Text>
            ))}
            {r.unsigned.map((n) => (
              <Text key={n} size="sm" c="dimmed">
                {t('common:competition.pdf.unsigned', { name: n })}
              </Text>
            ))}
            <Text size="xs" c="dimmed">
              SHA-256 <Code>{r.protocolSha256}</Code>
            </Text>
            <ErrorAlert error={sign.error ?? publish.error} />
            {!r.publishedAt && (
              <Group justify="flex-end">
                {access.judge && (
                  <Button
                    variant="light"
                    onClick={() => sign.mutate()}
                    loading={sign.isPending}
                    disabled={r.undecidedTies.length > 0}
                    data-testid="sign-protocol"
                  >
                    {t('competition.results.sign')}
                  </Button>
                )}
                {access.organise && (
                  <Button
                    onClick={() => publish.mutate()}
                    loading={publish.isPending}
                    disabled={r.undecidedTies.length > 0 || r.unsigned.length > 0}
                    data-testid="publish"
                  >
                    {t('competition.results.publish')}
                  </Button>
                )}
              </Group>
            )}
          </Stack>
        </Paper>
      </Stack>
    </>
  );
}
