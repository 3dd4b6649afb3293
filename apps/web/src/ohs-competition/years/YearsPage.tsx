import { Anchor, Badge, Button, Group, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { DataState } from '../../kernel/components/DataState.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { formatCalendarDate } from '../../kernel/format/datetime.ts';
import { organisationName } from '../../kernel/shell/access.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { useCompetitionAccess } from '../access.ts';
import { useMemberOrganisations, useOpenYear, usePeople, useYears } from '../competition.queries.ts';
import { publicResultsPath, yearPath } from '../paths.ts';
import { AddMemberOrganisationForm } from './AddMemberOrganisationForm.tsx';
import { AssignCoordinatorForm } from './AssignCoordinatorForm.tsx';

/** RC-4: the competition year by year, and the union's member organisations with their coordinators. */
export function YearsPage() {
  const { t, i18n } = useTranslation();
  const { org } = useSession();
  const access = useCompetitionAccess();
  const orgId = org!.id;
  const years = useYears(orgId);
  const members = useMemberOrganisations(orgId);
  const people = usePeople(orgId, access.organise);
  return (
    <>
      <PageHeader
        title={t('competition.title')}
        description={t('competition.description')}
        actions={
          <Anchor component={Link} to={publicResultsPath(orgId)} size="sm">
            {t('competition.publicPage')}
          </Anchor>
        }
      />
      {access.organise && <OpenYearForm orgId={orgId} />}
      <Paper withBorder radius="md" p="xs" mb="lg">
        <DataState query={years} empty={t('competition.years.empty')}>
          {(rows) => (
            <Table verticalSpacing="xs" fz="sm" striped data-testid="competition-years">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('competition.years.year')}</Table.Th>
                  <Table.Th>{t('competition.years.submission')}</Table.Th>
                  <Table.Th>{t('competition.years.results')}</Table.Th>
                  <Table.Th>{t('competition.years.state')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((y) => (
                  <Table.Tr key={y.id}>
                    <Table.Td>
                      <Anchor component={Link} to={yearPath(y.id)} fw={600}>
                        {t('competition.years.label', { year: y.reportingYear })}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{formatCalendarDate(y.submission.dueOn)}</Table.Td>
                    <Table.Td>{formatCalendarDate(y.results.dueOn)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={y.publishedAt ? 'teal' : y.submission.passed ? 'orange' : 'blue'}>
                        {t(
                          y.publishedAt
                            ? 'competition.years.published'
                            : y.submission.passed
                              ? 'competition.years.judging'
                              : 'competition.years.open',
                        )}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </DataState>
      </Paper>
      <Title order={2} size="h4" mb="xs">
        {t('competition.members.title')}
      </Title>
      <Paper withBorder radius="md" p="xs">
        <DataState query={members} empty={t('competition.members.empty')}>
          {(rows) => (
            <Stack gap={6} p="xs">
              {rows.map((m) => (
                <Group key={m.id} justify="space-between" wrap="wrap">
                  <Text size="sm" fw={600}>
                    {organisationName(m, i18n.language)}
                  </Text>
                  <Group gap="sm" wrap="wrap">
                    <Text size="xs" c="dimmed">
                      {m.coordinators.map((c) => c.fullName).join(', ') || t('competition.members.noCoordinator')}
                    </Text>
                    {access.organise && <AssignCoordinatorForm orgId={orgId} memberOrganisation={m} people={people.data ?? []} />}
                  </Group>
                </Group>
              ))}
            </Stack>
          )}
        </DataState>
        {access.organise && <AddMemberOrganisationForm orgId={orgId} />}
      </Paper>
    </>
  );
}

function OpenYearForm({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const open = useOpenYear(orgId);
  const navigate = useNavigate();
  const [year, setYear] = useState<number | string>(new Date().getFullYear() - 1);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      navigate(yearPath((await open.mutateAsync(Number(year))).id));
    } catch {
      // shown below
    }
  };
  return (
    <Paper withBorder radius="md" p="md" mb="lg">
      <form onSubmit={submit}>
        <Stack gap="xs">
          <ErrorAlert error={open.error} />
          <Group align="flex-end">
            <NumberInput label={t('competition.years.reportingYear')} value={year} onChange={setYear} min={2000} max={2200} w={180} />
            <Button type="submit" loading={open.isPending}>
              {t('competition.years.openSubmit')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {t('competition.years.openHint')}
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}
