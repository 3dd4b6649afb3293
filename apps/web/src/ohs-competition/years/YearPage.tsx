import { Anchor, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { DataState } from '../../kernel/components/DataState.tsx';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { PageLoader } from '../../kernel/components/PageLoader.tsx';
import { formatCalendarDate } from '../../kernel/format/datetime.ts';
import { organisationName } from '../../kernel/shell/access.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { useCompetitionAccess } from '../access.ts';
import { useApplications, useMemberOrganisations, useYear } from '../competition.queries.ts';
import type { Deadline } from '../competition.types.ts';
import { applicationPath, resultsPath } from '../paths.ts';
import { CommissionPanel } from './CommissionPanel.tsx';
import { NewApplicationForm } from './NewApplicationForm.tsx';

const STATE_COLOR = { draft: 'gray', stage_i: 'violet', nominated: 'teal', submitted: 'blue', excluded: 'red' } as const;

function DeadlineCard({ label, d }: { label: string; d: Deadline }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Group gap="xs">
        <Text fw={700}>{formatCalendarDate(d.dueOn)}</Text>
        <Badge variant="light" color={d.passed ? 'orange' : 'teal'}>
          {t(d.passed ? 'competition.year.passed' : 'competition.year.ahead')}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        {t('competition.year.deadlineHint', { point: d.point })}
      </Text>
    </Paper>
  );
}

/** A competition year: its deadlines (RC-16, RC-21), the table's readings, the applications by group, the commission. */
export function YearPage() {
  const { t, i18n } = useTranslation();
  const { yearId = '' } = useParams();
  const { org } = useSession();
  const access = useCompetitionAccess();
  const orgId = org!.id;
  const year = useYear(orgId, yearId);
  const applications = useApplications(orgId, yearId);
  const members = useMemberOrganisations(orgId);
  const [creating, setCreating] = useState(false);
  if (year.error) return <ErrorAlert error={year.error} />;
  if (!year.data) return <PageLoader />;
  const y = year.data;
  const memberName = (id: string) => {
    const m = members.data?.find((x) => x.id === id);
    return m ? organisationName(m, i18n.language) : '';
  };
  return (
    <>
      <PageHeader
        title={t('competition.years.label', { year: y.reportingYear })}
        description={t(`common:competition.rules.${y.rules.id}`)}
        actions={
          <>
            {access.judging && (
              <Button component={Link} to={resultsPath(y.id)} variant="light">
                {t('competition.results.title')}
              </Button>
            )}
            {access.prepare && !y.submission.passed && !y.publishedAt && (
              <Button onClick={() => setCreating(true)} data-testid="new-application">
                {t('competition.applications.new')}
              </Button>
            )}
          </>
        }
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} mb="md">
        <DeadlineCard label={t('competition.year.submission')} d={y.submission} />
        <DeadlineCard label={t('competition.year.results')} d={y.results} />
      </SimpleGrid>
      <Paper withBorder radius="md" p="sm" mb="lg">
        <Text size="sm" fw={600} mb={4}>
          {t('competition.year.readings')}
        </Text>
        {Object.entries(y.rules.readings).map(([k, v]) => (
          <Text key={k} size="xs">
            — {t(`common:competition.reading.${k}.${v}`)}
          </Text>
        ))}
      </Paper>
      <Title order={2} size="h4" mb="xs">
        {t('competition.applications.title')}
      </Title>
      <Paper withBorder radius="md" p="xs" mb="lg">
        <DataState query={applications} empty={t('competition.applications.empty')}>
          {(rows) => (
            <Table verticalSpacing="xs" fz="sm" striped data-testid="competition-applications">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('competition.applications.candidate')}</Table.Th>
                  <Table.Th>{t('competition.applications.memberOrganisation')}</Table.Th>
                  <Table.Th>{t('competition.applications.group')}</Table.Th>
                  <Table.Th>{t('competition.applications.state')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <Anchor component={Link} to={applicationPath(a.id)} fw={600}>
                        {a.candidate || t('competition.applications.unnamed')}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{memberName(a.memberOrganisationId)}</Table.Td>
                    <Table.Td>{a.group}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" tt="none" color={STATE_COLOR[a.state]}>
                        {t(`common:competition.state.${a.state}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </DataState>
      </Paper>
      <CommissionPanel orgId={orgId} yearId={y.id} />
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('competition.applications.new')} size="lg">
        <Stack>
          <NewApplicationForm orgId={orgId} yearId={y.id} onCancel={() => setCreating(false)} />
        </Stack>
      </Modal>
    </>
  );
}
