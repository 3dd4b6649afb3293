import { Anchor, Button, Center, Loader, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { useActivity } from '../activities/activities.queries.ts';
import { MaterialsPanel } from '../activities/MaterialsPanel.tsx';
import { RetentionBadge } from '../activities/RetentionBadge.tsx';
import { newPackagePath } from '../packages/paths.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { ActivityFacts } from './ActivityFacts.tsx';
import { EntryTimelineCard } from './EntryTimelineCard.tsx';
import { useTimeline } from './evidence.queries.ts';
import { useOrder444Access } from '../access.ts';

/** R444-5/17/18/19: one control activity, and for each issue of a recorder its coverage from issue to return. */
export function ActivityPage() {
  const { t } = useTranslation();
  const { activityId } = useParams();
  const { org } = useSession();
  const order444 = useOrder444Access();
  const orgId = org!.id;
  const activity = useActivity(orgId, activityId!);
  const timeline = useTimeline(orgId, activityId!);
  const [now] = useState(() => Date.now());
  if (activity.error) return <ErrorAlert error={activity.error} />;
  if (!activity.data)
    return (
      <Center p="xl">
        <Loader size="sm" aria-label={t('loading')} />
      </Center>
    );
  const a = activity.data;
  return (
    <>
      <Anchor component={Link} to="/app/recorders/activities" size="sm">
        ← {t('evidence.activity.back')}
      </Anchor>
      <PageHeader
        title={t('evidence.activity.title', { reference: a.referenceNumber })}
        description={order444.playback ? t('evidence.activity.description') : t('evidence.activity.descriptionNoMedia')}
        actions={
          order444.makePackages ? (
            <Button component={Link} to={newPackagePath(a.id)} variant="default">
              {t('packages.new')}
            </Button>
          ) : undefined
        }
      />
      <Stack gap="lg">
        <Paper withBorder radius="md" p="md">
          <ActivityFacts activity={a} cols={3} />
          <RetentionBadge retention={a.retention} />
        </Paper>
        {timeline.error && <ErrorAlert error={timeline.error} />}
        {timeline.isPending && (
          <Center p="lg">
            <Loader size="sm" aria-label={t('loading')} />
          </Center>
        )}
        {timeline.data?.length === 0 && (
          <Text c="dimmed" ta="center" p="md">
            {t('evidence.timeline.noIssues')}
          </Text>
        )}
        {timeline.data?.map((item) => (
          <EntryTimelineCard key={item.entry.id} item={item} now={now} orgId={orgId} playable={order444.playback} />
        ))}
        <MaterialsPanel activityId={a.id} />
      </Stack>
    </>
  );
}
