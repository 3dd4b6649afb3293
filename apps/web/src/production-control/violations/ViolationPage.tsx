import { Anchor, Badge, Group, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { PageLoader } from '../../kernel/components/PageLoader.tsx';
import { formatCalendarDate, formatDateTime } from '../../kernel/format/datetime.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { PC_HOME } from '../navigation.ts';
import { SeverityBadge, ViolationStatusBadge, referenceText } from '../shared/Words.tsx';
import { attachmentUrl, useViolation } from './violations.queries.ts';

/** One violation: its reference, state, history (found → … → re-checked or reopened, R315-14) and files. */
export function ViolationPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const { violationId = '' } = useParams();
  const v = useViolation(org!.id, violationId);
  if (v.error) return <ErrorAlert error={v.error} />;
  if (!v.data) return <PageLoader />;
  const d = v.data;
  return (
    <>
      <PageHeader title={d.description} description={`${d.facilityName}${d.unitName ? ` — ${d.unitName}` : ''}`} />
      <Stack gap="lg" maw={860}>
        <Paper withBorder radius="md" p="md">
          <Group gap="xs" mb="xs">
            <ViolationStatusBadge status={d.status} />
            <SeverityBadge severity={d.severity} />
            {d.dangerous && <Badge color="red">{t('pc.violation.dangerous')}</Badge>}
            {d.eliminatedOnSpot && <Badge color="teal">{t('pc.violation.eliminatedOnSpot')}</Badge>}
            {d.overdue && (
              <Badge color="red" variant="filled">
                {t('pc.violation.overdue')}
              </Badge>
            )}
          </Group>
          <Text size="sm">{referenceText(d.reference, t)}</Text>
          {d.dueOn && <Text size="sm">{t('pc.violation.dueOn', { date: formatCalendarDate(d.dueOn) })}</Text>}
          <Anchor component={Link} to={`${PC_HOME}/inspections/${d.inspectionId}`} size="sm">
            {t('pc.violation.inspection')}
          </Anchor>
        </Paper>
        <Paper withBorder radius="md" p="md">
          <Title order={2} size="h4" mb="sm">
            {t('pc.violation.history')}
          </Title>
          <Timeline active={d.events.length} bulletSize={14} data-testid="violation-history">
            {d.events.map((e) => (
              <Timeline.Item key={e.id} title={t(`common:pc.violationEvent.${e.kind}`)}>
                <Text size="xs" c="dimmed">
                  {formatDateTime(e.at)} · {e.actorName}
                </Text>
                {e.note && <Text size="sm">{e.note}</Text>}
              </Timeline.Item>
            ))}
          </Timeline>
        </Paper>
        <Paper withBorder radius="md" p="md">
          <Title order={2} size="h4" mb="sm">
            {t('pc.violation.files')}
          </Title>
          {d.attachments.length === 0 ? (
            <Text c="dimmed">{t('pc.violation.noFiles')}</Text>
          ) : (
            <Stack gap={4}>
              {d.attachments.map((a) => (
                <Anchor key={a.id} href={attachmentUrl(org!.id, d.id, a.id)} target="_blank" rel="noreferrer">
                  {a.fileName} · {t(`pc.violation.purpose.${a.purpose}`)} · {formatDateTime(a.uploadedAt)}
                </Anchor>
              ))}
            </Stack>
          )}
        </Paper>
      </Stack>
    </>
  );
}
