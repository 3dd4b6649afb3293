import { Alert, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataState } from '../../kernel/components/DataState.tsx';
import { formatCalendarDate, formatDateTime, todayInZone } from '../../kernel/format/datetime.ts';
import { Fact } from '../evidence/ActivityFacts.tsx';
import type { RecordingDetail } from '../evidence/evidence.types.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { ActPdfLinks } from './ActResult.tsx';
import { HoldList } from './HoldList.tsx';
import { LiftHoldForm, PlaceHoldForm } from './HoldForms.tsx';
import { useDeletionActs, useHolds } from './retention.queries.ts';
import type { LegalHold } from './retention.types.ts';
import { useMemberNames } from './useMemberNames.ts';
import { useOrder444Access } from '../access.ts';

/**
 * R444-12: the recording's retention class and last kept day, its deletion if the retention process deleted
 * it, and its legal holds; the head places and lifts holds here.
 */
export function RecordingRetention({ detail }: { detail: RecordingDetail }) {
  const { t } = useTranslation();
  const { org } = useSession();
  const order444 = useOrder444Access();
  const orgId = org!.id;
  const r = detail.recording;
  const holds = useHolds(orgId, r.id);
  const names = useMemberNames(orgId);
  const [placing, setPlacing] = useState(false);
  const [lifting, setLifting] = useState<LegalHold | null>(null);
  const canHold = order444.holds && !r.deletedAt;
  const active = (holds.data ?? []).filter((h) => h.liftedAt === null);
  const due = r.retainUntil !== null && r.retainUntil < todayInZone();

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="rec-retention" data-testid="recording-retention">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title id="rec-retention" order={2} size="h4">
          {t('retention.recording.title')}
        </Title>
        {canHold && (
          <Button size="compact-sm" variant="light" color="grape" onClick={() => setPlacing(true)}>
            {t('holds.place.button')}
          </Button>
        )}
      </Group>
      {r.deletedAt && <DeletionFacts orgId={orgId} deletedAt={r.deletedAt} names={names} />}
      {r.retainUntil === null ? (
        <Text size="sm" c="orange.9">
          {t('retention.recording.noPeriod')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="sm">
          <Fact label={t('retention.recording.class')}>
            {t('activities.retention.years', { count: r.retentionYears ?? 0 })}
            <Text size="xs" c={r.retentionCoveredByPoint12 ? 'dimmed' : 'orange.8'}>
              {r.retentionCoveredByPoint12 ? t('activities.retention.point12') : t('activities.retention.notCoveredHint')}
            </Text>
          </Fact>
          <Fact label={t('retention.recording.keptUntil')}>
            <Text span fw={600} size="sm" data-testid="kept-until">
              {formatCalendarDate(r.retainUntil)}
            </Text>
            {!r.deletedAt && (
              <Group gap={4} mt={2}>
                {due && active.length === 0 && (
                  <Badge color="red" variant="light" tt="none" size="sm">
                    {t('retention.recording.due')}
                  </Badge>
                )}
                {active.length > 0 && (
                  <Badge color="grape" variant="light" tt="none" size="sm" data-testid="held-badge">
                    {t('retention.held')}
                  </Badge>
                )}
              </Group>
            )}
          </Fact>
        </SimpleGrid>
      )}
      <Title order={3} size="h5" mt="md" mb="xs">
        {t('holds.title')}
      </Title>
      <DataState query={holds} empty={t('holds.none')}>
        {(list) => <HoldList holds={list} names={names} onLift={canHold ? setLifting : undefined} />}
      </DataState>
      <Modal opened={placing} onClose={() => setPlacing(false)} title={t('holds.place.title', { name: r.originalName })} size="lg">
        <PlaceHoldForm orgId={orgId} recordingId={r.id} onDone={() => setPlacing(false)} />
      </Modal>
      <Modal opened={lifting !== null} onClose={() => setLifting(null)} title={t('holds.lift.title')} size="lg">
        {lifting && <LiftHoldForm orgId={orgId} hold={lifting} onDone={() => setLifting(null)} />}
      </Modal>
    </Paper>
  );
}

/** The tombstone's facts: when, by which act, by whom; the act's PDF. The act is the one executed at that instant. */
function DeletionFacts({ orgId, deletedAt, names }: { orgId: string; deletedAt: string; names: Map<string, string> }) {
  const { t } = useTranslation();
  const acts = useDeletionActs(orgId);
  const act = acts.data?.find((a) => Date.parse(a.executedAt) === Date.parse(deletedAt));
  return (
    <Alert color="red" variant="light" mb="md" title={t('retention.recording.deletedTitle')} data-testid="deletion-facts">
      <Stack gap="xs">
        <Text size="sm">
          {act
            ? t('retention.recording.deletedBy', {
                at: formatDateTime(deletedAt),
                number: act.number,
                name: names.get(act.executedBy) ?? '—',
              })
            : t('retention.recording.deletedAt', { at: formatDateTime(deletedAt) })}
        </Text>
        <Text size="xs">{t('retention.recording.deletedKept')}</Text>
        {act && <ActPdfLinks orgId={orgId} act={act} />}
      </Stack>
    </Alert>
  );
}
