import { Anchor, Badge, Container, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { PageLoader } from '../../kernel/components/PageLoader.tsx';
import { formatDateTime } from '../../kernel/format/datetime.ts';
import { organisationName } from '../../kernel/shell/access.ts';
import { LanguageSwitch } from '../../kernel/shell/LanguageSwitch.tsx';
import { usePublishedResults, usePublishedYears } from '../competition.queries.ts';
import { apiBase, publicResultsPath } from '../paths.ts';

/** RC-24: the published results and the winners' materials, for anyone, without signing in. Only published years exist here. */
export function PublicResultsPage() {
  const { t, i18n } = useTranslation();
  const { orgId = '', year } = useParams();
  const years = usePublishedYears(orgId);
  const chosen = year ? Number(year) : years.data?.[0]?.reportingYear;
  const results = usePublishedResults(orgId, chosen);
  return (
    <Container size="md" py="xl">
      <Group justify="space-between" mb="lg" wrap="nowrap" align="flex-start">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {t('competition.public.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('competition.public.description')}
          </Text>
        </Stack>
        <LanguageSwitch />
      </Group>
      {years.error && <ErrorAlert error={years.error} />}
      {years.data && years.data.length === 0 && <Text c="dimmed">{t('competition.public.none')}</Text>}
      {years.data && years.data.length > 1 && (
        <Group gap="xs" mb="md">
          {years.data.map((y) => (
            <Anchor
              key={y.reportingYear}
              component={Link}
              to={publicResultsPath(orgId, y.reportingYear)}
              fw={y.reportingYear === chosen ? 700 : undefined}
            >
              {y.reportingYear}
            </Anchor>
          ))}
        </Group>
      )}
      {results.error && <ErrorAlert error={results.error} />}
      {chosen !== undefined && !results.data && !results.error && <PageLoader />}
      {results.data && (
        <Stack gap="lg" data-testid="public-results">
          <Text size="sm">
            {t('competition.public.year', { year: results.data.reportingYear, at: formatDateTime(results.data.publishedAt) })}
            {results.data.late ? ` ${t('competition.results.late')}` : ''}
          </Text>
          {results.data.groups.map((g) => (
            <Paper key={g.group} withBorder radius="md" p="md">
              <Title order={2} size="h5" mb="xs">
                {t(`common:competition.group.${g.group}`)}
              </Title>
              <Table fz="sm">
                <Table.Tbody>
                  {g.ranking.map((e) => (
                    <Table.Tr key={`${e.position}-${e.candidate}`} data-candidate={e.candidate}>
                      <Table.Td w={110}>
                        {e.place ? (
                          <Badge tt="none" color={['yellow', 'gray', 'orange'][e.place - 1]}>
                            {t(`common:competition.place.${e.place}`)}
                          </Badge>
                        ) : (
                          e.position
                        )}
                      </Table.Td>
                      <Table.Td fw={e.place ? 700 : undefined}>{e.candidate}</Table.Td>
                      <Table.Td>{organisationName(e.memberOrganisation, i18n.language)}</Table.Td>
                      <Table.Td ta="right">{e.total}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {g.tieDecisions.map((d, i) => (
                <Text key={i} size="xs" c="dimmed" mt="xs">
                  {t('competition.public.tie', { candidates: d.candidates.join(', '), reason: d.reason })}
                </Text>
              ))}
            </Paper>
          ))}
          {results.data.materials.length > 0 && (
            <Paper withBorder radius="md" p="md">
              <Title order={2} size="h5" mb="xs">
                {t('competition.public.materials')}
              </Title>
              {results.data.materials.map((m) => (
                <Text key={m.documentId} size="sm">
                  <Anchor href={`${apiBase(orgId)}/published/${results.data!.reportingYear}/materials/${m.documentId}`}>{m.title}</Anchor> —{' '}
                  {m.candidate} ({t(`common:competition.document.${m.kind}`)})
                </Text>
              ))}
            </Paper>
          )}
          <Text size="xs" c="dimmed" ff="monospace">
            SHA-256 {results.data.protocolSha256}
          </Text>
        </Stack>
      )}
    </Container>
  );
}
