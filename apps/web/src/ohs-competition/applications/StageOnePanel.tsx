import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { useCompetitionAccess } from '../access.ts';
import { useEnterStageOne, useSelectForStageTwo } from '../competition.queries.ts';
import type { ApplicationDetail } from '../competition.types.ts';

/**
 * Stage I within the member organisation (points 10, 11, 13, 20): a draft is entered into it, its
 * commission reviews it, and the chair sends the group's winner on to stage II.
 */
export function StageOnePanel({ orgId, application: a }: { orgId: string; application: ApplicationDetail }) {
  const { t } = useTranslation();
  const access = useCompetitionAccess();
  const enter = useEnterStageOne(orgId, a.id);
  const select = useSelectForStageTwo(orgId, a.id);
  const [reason, setReason] = useState('');
  const canEnter = a.state === 'draft' && access.prepare;
  const canSelect = a.state === 'stage_i' && access.judge;
  if (!canEnter && !canSelect) return null;
  return (
    <Paper withBorder radius="md" p="md" data-testid="stage-one">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('competition.stageOne.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t(canEnter ? 'competition.stageOne.enterText' : 'competition.stageOne.selectText')}
        </Text>
        <ErrorAlert error={canEnter ? enter.error : select.error} />
        {canSelect && (
          <TextInput label={t('competition.stageOne.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        )}
        <Group justify="flex-end">
          {canEnter ? (
            <Button variant="light" onClick={() => enter.mutate()} loading={enter.isPending} data-testid="enter-stage-one">
              {t('competition.stageOne.enter')}
            </Button>
          ) : (
            <Button onClick={() => select.mutate(reason.trim())} loading={select.isPending} data-testid="select-for-stage-two">
              {t('competition.stageOne.select')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
