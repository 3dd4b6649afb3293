import { Alert, Badge, Button, Code, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { PageLoader } from '../../kernel/components/PageLoader.tsx';
import { formatCalendarDate, formatDateTime } from '../../kernel/format/datetime.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { useCompetitionAccess } from '../access.ts';
import { useApplication, useReviews, useSubmitApplication } from '../competition.queries.ts';
import { DocumentsPanel } from './DocumentsPanel.tsx';
import { FatalAccidentForm } from './FatalAccidentForm.tsx';
import { IndicatorTable } from './IndicatorTable.tsx';
import { QuestionnaireForm } from './QuestionnaireForm.tsx';
import { StageOnePanel } from './StageOnePanel.tsx';

/** One candidate's application: Appendices 2–4, the indicator table with its evidence, submission, and the commission's review. */
export function ApplicationPage() {
  const { t } = useTranslation();
  const { applicationId = '' } = useParams();
  const { org } = useSession();
  const access = useCompetitionAccess();
  const orgId = org!.id;
  const app = useApplication(orgId, applicationId);
  const underReview = app.data?.state === 'stage_i' || app.data?.state === 'nominated' || app.data?.state === 'submitted';
  const reviews = useReviews(orgId, applicationId, access.judging && underReview);
  const submit = useSubmitApplication(orgId, applicationId);
  if (app.error) return <ErrorAlert error={app.error} />;
  if (!app.data) return <PageLoader />;
  const a = app.data;
  const draft = a.state === 'draft' && access.prepare;
  return (
    <>
      <PageHeader
        title={a.candidate || t('competition.applications.unnamed')}
        description={`${t(`common:competition.group.${a.group}`)} · ${t(`common:competition.educationType.${a.educationOrganisationType}`)}`}
        actions={
          <Badge size="lg" variant="light" tt="none" data-testid="application-state">
            {t(`common:competition.state.${a.state}`)}
          </Badge>
        }
      />
      <Stack gap="lg">
        {a.state === 'submitted' && a.receiptSha256 && (
          <Alert color="teal" variant="light" title={t('competition.application.receipt')}>
            {t('competition.application.receiptText', { at: formatDateTime(a.submittedAt!) })}{' '}
            <Code data-testid="receipt">{a.receiptSha256}</Code>
          </Alert>
        )}
        {a.state === 'excluded' && (
          <Alert color="red" variant="light" title={t('common:competition.state.excluded')}>
            {t('competition.application.excludedText', { point: a.excludedPoint, date: formatCalendarDate(a.fatalAccidentOn) })}{' '}
            {a.fatalAccidentNote}
          </Alert>
        )}
        {a.flags.length > 0 && (
          <Alert color="orange" variant="light" title={t('competition.application.flags')} data-testid="evidence-flags">
            <List size="sm">
              {a.flags.map((f, i) => (
                <List.Item key={i}>
                  {t(`common:competition.indicator.${f.indicatorId}`)} — {t(`common:competition.flag.${f.flag}`)}
                  {f.eventDate ? ` (${formatCalendarDate(f.eventDate)})` : ''}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        <QuestionnaireForm orgId={orgId} application={a} editable={draft} />
        <Title order={2} size="h4">
          {t('competition.application.table')}
        </Title>
        <IndicatorTable
          orgId={orgId}
          application={a}
          editable={draft}
          review={reviews.data}
          canReview={access.judge && (a.state === 'stage_i' || a.state === 'submitted')}
        />
        <DocumentsPanel orgId={orgId} application={a} editable={draft} />
        {(draft || (a.state === 'nominated' && access.prepare)) && (
          <Paper withBorder radius="md" p="md">
            <Stack gap="xs">
              {a.missingForSubmission.length > 0 ? (
                <Text size="sm" c="dimmed">
                  {t('competition.application.missing', {
                    list: a.missingForSubmission.map((m) => t(`common:competition.field.${m}`)).join('; '),
                  })}
                </Text>
              ) : (
                <Text size="sm">{t('competition.application.ready')}</Text>
              )}
              <ErrorAlert error={submit.error} />
              <Group justify="flex-end">
                <Button
                  onClick={() => submit.mutate()}
                  loading={submit.isPending}
                  disabled={a.missingForSubmission.length > 0}
                  data-testid="submit-application"
                >
                  {t('competition.application.submit')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        )}
        <StageOnePanel orgId={orgId} application={a} />
        {access.prepare && a.state !== 'excluded' && <FatalAccidentForm orgId={orgId} applicationId={a.id} />}
      </Stack>
    </>
  );
}
