import { Button, Group, NumberInput, Paper, Table, Text } from '@mantine/core';
import type { IndicatorId } from '@baqylau/contracts';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { useUpdateDraft } from '../competition.queries.ts';
import type { ApplicationDetail, Counts, Review, ScoreSheet } from '../competition.types.ts';
import { ReviewForm } from './ReviewForm.tsx';

type Rule = ScoreSheet['indicators'][number]['rule'];
export const ruleLabel = (t: (k: string, o?: Record<string, unknown>) => string, r: Rule) =>
  t(`common:competition.rule.${r.kind}`, { points: r.points, size: r.size, bonus: r.positiveBonus });

/**
 * Appendix 1 for one candidate: per indicator the rule, the count claimed (edited in a draft), and
 * — once the commission reviews — the count accepted and the points it earns (RC-A1, RC-19).
 */
export function IndicatorTable({
  orgId,
  application: a,
  editable,
  review,
  canReview,
}: {
  orgId: string;
  application: ApplicationDetail;
  editable: boolean;
  review?: { accepted: ScoreSheet; reviews: Review[] };
  canReview: boolean;
}) {
  const { t } = useTranslation();
  const update = useUpdateDraft(orgId, a.id);
  const [counts, setCounts] = useState<Counts>(a.counts);
  const [reviewing, setReviewing] = useState<IndicatorId | null>(null);
  const sheet = review?.accepted ?? a.claimed;
  const set = (id: IndicatorId, field: 'count' | 'positive', v: number | string) => {
    const c = { count: counts[id]?.count ?? 0, positive: counts[id]?.positive, [field]: Number(v) || 0 };
    setCounts({ ...counts, [id]: c });
  };
  const save = () => {
    const kept = Object.fromEntries(Object.entries(counts).filter(([, c]) => c && (c.count > 0 || (c.positive ?? 0) > 0))) as Counts;
    update.mutate({ counts: kept });
  };
  return (
    <Paper withBorder radius="md" p="xs">
      <Table verticalSpacing={4} fz="sm" striped data-testid="indicator-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('common:competition.pdf.sheet.col.indicator')}</Table.Th>
            <Table.Th w={150}>{t('common:competition.pdf.sheet.col.rule')}</Table.Th>
            <Table.Th w={130}>{t('common:competition.pdf.sheet.col.claimed')}</Table.Th>
            {review && <Table.Th w={90}>{t('common:competition.pdf.sheet.col.accepted')}</Table.Th>}
            <Table.Th w={70}>{t('common:competition.pdf.sheet.col.points')}</Table.Th>
            {canReview && <Table.Th w={100} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sheet.indicators.map((i) => {
            const claimed = a.counts[i.id] ?? { count: 0 };
            const participation = i.rule.kind === 'per_participation';
            const mine = review?.reviews.filter((r) => r.indicatorId === i.id) ?? [];
            return (
              <Fragment key={i.id}>
                <Table.Tr data-indicator={i.id}>
                  <Table.Td>{t(`common:competition.indicator.${i.id}`)}</Table.Td>
                  <Table.Td>{ruleLabel(t, i.rule)}</Table.Td>
                  <Table.Td>
                    {editable ? (
                      <Group gap={4} wrap="nowrap">
                        <NumberInput
                          size="xs"
                          min={0}
                          w={70}
                          aria-label={i.id}
                          value={counts[i.id]?.count ?? 0}
                          onChange={(v) => set(i.id, 'count', v)}
                        />
                        {participation && (
                          <NumberInput
                            size="xs"
                            min={0}
                            w={56}
                            prefix="+"
                            aria-label={`${i.id} +`}
                            value={counts[i.id]?.positive ?? 0}
                            onChange={(v) => set(i.id, 'positive', v)}
                          />
                        )}
                      </Group>
                    ) : (
                      `${claimed.count}${participation ? ` / +${claimed.positive ?? 0}` : ''}`
                    )}
                  </Table.Td>
                  {review && (
                    <Table.Td fw={i.count < claimed.count ? 700 : undefined} c={i.count < claimed.count ? 'red.8' : undefined}>
                      {i.count}
                      {participation ? ` / +${i.positive}` : ''}
                    </Table.Td>
                  )}
                  <Table.Td>{i.points}</Table.Td>
                  {canReview && (
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="light"
                        onClick={() => setReviewing(reviewing === i.id ? null : i.id)}
                        data-testid={`review-${i.id}`}
                      >
                        {t('competition.review.open')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
                {mine
                  .filter((r) => r.reason)
                  .map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td colSpan={6}>
                        <Text size="xs" c="dimmed">
                          {t('competition.review.line', {
                            member: r.memberName,
                            claimed: r.claimedCount,
                            accepted: r.acceptedCount,
                            reason: r.reason,
                          })}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                {reviewing === i.id && (
                  <Table.Tr>
                    <Table.Td colSpan={6}>
                      <ReviewForm
                        orgId={orgId}
                        applicationId={a.id}
                        indicatorId={i.id}
                        claimed={claimed}
                        participation={participation}
                        onDone={() => setReviewing(null)}
                      />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
      <Group justify="space-between" p="xs">
        <Text fw={700} data-testid="score-total">
          {t('competition.application.totals', { main: sheet.mainTotal, additional: sheet.additionalTotal, total: sheet.total })}
          {review && review.accepted.total !== a.claimed.total
            ? ` ${t('competition.application.claimedTotal', { total: a.claimed.total })}`
            : ''}
        </Text>
        {editable && (
          <Button onClick={save} loading={update.isPending} data-testid="save-counts">
            {t('competition.application.saveCounts')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={update.error} />
    </Paper>
  );
}
