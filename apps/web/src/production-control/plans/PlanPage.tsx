import { Anchor, Badge, Button, Group, Modal, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { PlanMeasure, PlanVersion } from '@baqylau/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { DateField } from '../../kernel/components/DateField.tsx';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { formatCalendarDate, formatDateTime } from '../../kernel/format/datetime.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { usePcAccess } from '../access.ts';
import { PlanBadges } from './PlansPage.tsx';
import { VersionForm } from './VersionForm.tsx';
import { planDocumentUrl, useApproveVersion, useCompleteMeasure, usePlan } from './plans.api.ts';

const MEASURE_COLOR = { done: 'green', overdue: 'red', open: 'gray' } as const;

/** R315-4, R315-26: one plan — its history (who submitted, who approved), the head's approval, measures recorded done. */
export function PlanPage() {
  const { t } = useTranslation();
  const orgId = useSession().org!.id;
  const { planId } = useParams();
  const access = usePcAccess();
  const q = usePlan(orgId, planId!);
  const approve = useApproveVersion(orgId, planId!);
  const complete = useCompleteMeasure(orgId, planId!);
  const [submitting, setSubmitting] = useState(false);
  const [approving, setApproving] = useState<PlanVersion | null>(null);
  const [orderNumber, setOrderNumber] = useState('');
  const [doing, setDoing] = useState<PlanMeasure | null>(null);
  const [doneOn, setDoneOn] = useState<string | null>(null);
  const [note, setNote] = useState('');
  if (q.error) return <ErrorAlert error={q.error} />;
  const plan = q.data;
  if (!plan) return null;
  const inForce = plan.versions.find((v) => v.version === plan.inForce);
  return (
    <>
      <PageHeader
        title={plan.title}
        description={`${t(`pc.plans.kind.${plan.kind}`)} · ${plan.kind === 'safety_measures' ? plan.year : plan.facility}`}
        actions={access.organise && <Button onClick={() => setSubmitting(true)}>{t('pc.plans.newVersion')}</Button>}
      />
      <Stack gap="md">
        <PlanBadges plan={plan} />
        {inForce && inForce.measures.length > 0 && (
          <Paper withBorder p="md" radius="md">
            <Title order={2} size="h5" mb="xs">
              {t('pc.plans.measuresTitle', { version: inForce.version })}
            </Title>
            <Table.ScrollContainer minWidth={640}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>№</Table.Th>
                    <Table.Th>{t('common:pc.field.measure')}</Table.Th>
                    <Table.Th>{t('common:pc.field.responsible')}</Table.Th>
                    <Table.Th>{t('common:pc.field.dueOn')}</Table.Th>
                    <Table.Th>{t('pc.plans.state')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {inForce.measures.map((m) => (
                    <Table.Tr key={m.id} data-testid="pc-plan-measure">
                      <Table.Td>{m.ordinal}</Table.Td>
                      <Table.Td>
                        {m.measure}
                        {m.facility && (
                          <Text size="xs" c="dimmed">
                            {m.facility}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{m.responsible}</Table.Td>
                      <Table.Td>{formatCalendarDate(m.dueOn)}</Table.Td>
                      <Table.Td>
                        <Badge color={MEASURE_COLOR[m.state]} variant="light">
                          {t(`pc.plans.measureState.${m.state}`)}
                        </Badge>
                        {m.completion ? (
                          <Text size="xs">
                            {formatCalendarDate(m.completion.doneOn)} · {m.completion.recordedBy.fullName}
                            {m.completion.note ? ` · ${m.completion.note}` : ''}
                          </Text>
                        ) : (
                          access.inspect && (
                            <Button size="compact-xs" variant="subtle" onClick={() => setDoing(m)}>
                              {t('pc.plans.markDone')}
                            </Button>
                          )
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
        <Title order={2} size="h5">
          {t('pc.plans.history')}
        </Title>
        {plan.versions.length === 0 && <Text c="dimmed">{t('pc.plans.noVersions')}</Text>}
        {plan.versions.map((v, i) => (
          <Paper key={v.id} withBorder p="md" radius="md" data-testid="pc-plan-version">
            <Group justify="space-between" align="flex-start" wrap="wrap">
              <Stack gap={2}>
                <Text fw={600} component="div">
                  {t('pc.plans.version', { version: v.version })}{' '}
                  {v.approval ? (
                    <Badge color="green" variant="light">
                      {t('pc.plans.approved')}
                    </Badge>
                  ) : (
                    <Badge color={i === 0 ? 'blue' : 'gray'} variant="light">
                      {i === 0 ? t('pc.plans.awaiting') : t('pc.plans.superseded')}
                    </Badge>
                  )}
                </Text>
                {v.summary && <Text size="sm">{v.summary}</Text>}
                {(v.validFrom || v.validUntil) && (
                  <Text size="sm">
                    {t('pc.plans.validityRange', { from: formatCalendarDate(v.validFrom), until: formatCalendarDate(v.validUntil) })}
                  </Text>
                )}
                <Text size="sm" c="dimmed">
                  {t('pc.plans.submittedBy', { name: v.submittedBy.fullName, at: formatDateTime(v.submittedAt) })}
                </Text>
                {v.approval && (
                  <Text size="sm" c="dimmed">
                    {t('pc.plans.approvedBy', { name: v.approval.approvedBy.fullName, at: formatDateTime(v.approval.approvedAt) })}
                    {v.approval.orderNumber ? ` · ${t('pc.plans.order', { number: v.approval.orderNumber })}` : ''}
                  </Text>
                )}
                {v.file && (
                  <Anchor size="sm" href={planDocumentUrl(orgId, plan.id, v.id)} target="_blank" rel="noreferrer">
                    {v.file.fileName}
                  </Anchor>
                )}
              </Stack>
              {access.firstHead && i === 0 && !v.approval && <Button onClick={() => setApproving(v)}>{t('pc.plans.approve')}</Button>}
            </Group>
          </Paper>
        ))}
      </Stack>
      <Modal opened={submitting} onClose={() => setSubmitting(false)} title={t('pc.plans.newVersion')} size="xl">
        <VersionForm orgId={orgId} plan={plan} onDone={() => setSubmitting(false)} />
      </Modal>
      <Modal opened={!!approving} onClose={() => setApproving(null)} title={t('pc.plans.approveTitle', { version: approving?.version })}>
        <Stack gap="sm">
          <ErrorAlert error={approve.error} />
          <TextInput label={t('common:pc.field.orderNumber')} value={orderNumber} onChange={(e) => setOrderNumber(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button
              loading={approve.isPending}
              onClick={() =>
                void approve
                  .mutateAsync({ versionId: approving!.id, orderNumber: orderNumber.trim() || null })
                  .then(() => setApproving(null))
                  .catch(() => undefined)
              }
            >
              {t('pc.plans.approve')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={!!doing} onClose={() => setDoing(null)} title={doing?.measure}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('pc.plans.doneHint')}
          </Text>
          <ErrorAlert error={complete.error} />
          <DateField label={t('common:pc.field.doneOn')} required value={doneOn} onChange={setDoneOn} />
          <TextInput label={t('common:pc.field.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button
              disabled={!doneOn}
              loading={complete.isPending}
              onClick={() =>
                void complete
                  .mutateAsync({ measureId: doing!.id, doneOn: doneOn!, note })
                  .then(() => {
                    setDoing(null);
                    setNote('');
                  })
                  .catch(() => undefined)
              }
            >
              {t('pc.plans.markDone')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
