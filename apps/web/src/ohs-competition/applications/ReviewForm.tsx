import { Button, Group, NumberInput, Stack, Textarea } from '@mantine/core';
import type { IndicatorId } from '@baqylau/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { useReviewIndicator } from '../competition.queries.ts';

/** RC-19: a commission member accepts the claimed count or reduces it with a written reason (never raises it). */
export function ReviewForm({
  orgId,
  applicationId,
  indicatorId,
  claimed,
  participation,
  onDone,
}: {
  orgId: string;
  applicationId: string;
  indicatorId: IndicatorId;
  claimed: { count: number; positive?: number };
  participation: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const review = useReviewIndicator(orgId, applicationId);
  const [count, setCount] = useState<number>(claimed.count);
  const [positive, setPositive] = useState<number>(claimed.positive ?? 0);
  const [reason, setReason] = useState('');
  const reduced = count < claimed.count || positive < (claimed.positive ?? 0);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await review.mutateAsync({
        indicatorId,
        acceptedCount: count,
        acceptedPositive: participation ? positive : undefined,
        reason: reason.trim() || undefined,
      });
      onDone();
    } catch {
      // shown below
    }
  };
  return (
    <form onSubmit={submit} data-testid="review-form">
      <Stack gap="xs">
        <ErrorAlert error={review.error} />
        <Group align="flex-start" wrap="wrap">
          <NumberInput
            label={t('competition.review.accepted')}
            min={0}
            max={claimed.count}
            w={120}
            value={count}
            onChange={(v) => setCount(Number(v) || 0)}
            name="acceptedCount"
          />
          {participation && (
            <NumberInput
              label={t('competition.review.positive')}
              min={0}
              max={claimed.positive ?? 0}
              w={120}
              value={positive}
              onChange={(v) => setPositive(Number(v) || 0)}
            />
          )}
          <Textarea
            label={t('competition.review.reason')}
            description={reduced ? t('competition.review.reasonRequired') : undefined}
            autosize
            minRows={1}
            style={{ flex: 1, minWidth: 220 }}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            name="reason"
          />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('action.cancel')}
          </Button>
          <Button type="submit" loading={review.isPending} color={reduced ? 'orange' : undefined} data-testid="review-submit">
            {t(reduced ? 'competition.review.reduce' : 'competition.review.accept')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
