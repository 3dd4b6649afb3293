import { Badge, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import type { PlanDocument } from '@baqylau/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { DataState } from '../../kernel/components/DataState.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { formatCalendarDate } from '../../kernel/format/datetime.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { usePcAccess } from '../access.ts';
import { PlanForm } from './PlanForm.tsx';
import { usePlans } from './plans.api.ts';

export const VALIDITY_COLOR: Record<string, string> = { valid: 'green', expiring: 'yellow', expired: 'red', not_in_force: 'gray' };

/** What a plan's card says about it: the version in force, one waiting for the head, measures, validity. */
export function PlanBadges({ plan }: { plan: PlanDocument }) {
  const { t } = useTranslation();
  const inForce = plan.versions.find((v) => v.version === plan.inForce);
  return (
    <Group gap="xs">
      {plan.inForce ? (
        <Badge color="green" variant="light">
          {t('pc.plans.inForce', { version: plan.inForce })}
        </Badge>
      ) : (
        <Badge color="gray" variant="light">
          {t('pc.plans.noneInForce')}
        </Badge>
      )}
      {plan.pending && (
        <Badge color="blue" variant="light">
          {t('pc.plans.pending', { version: plan.pending })}
        </Badge>
      )}
      {plan.validity && plan.validity !== 'not_in_force' && (
        <Badge color={VALIDITY_COLOR[plan.validity]} variant={plan.validity === 'valid' ? 'light' : 'filled'}>
          {t(`pc.plans.validity.${plan.validity}`, { date: formatCalendarDate(inForce?.validUntil) })}
        </Badge>
      )}
      {plan.kind === 'safety_measures' && plan.inForce && (
        <Badge color={plan.measures.overdue ? 'red' : 'gray'} variant="light">
          {t('pc.plans.measuresDone', { done: plan.measures.done, total: plan.measures.total, overdue: plan.measures.overdue })}
        </Badge>
      )}
    </Group>
  );
}

/** R315-4, R315-26 sections 1 and 4: the plan of measures per year and the accident-response plan per facility. */
export function PlansPage() {
  const { t } = useTranslation();
  const orgId = useSession().org!.id;
  const access = usePcAccess();
  const plans = usePlans(orgId);
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  return (
    <>
      <PageHeader
        title={t('pc.plans.title')}
        description={t('pc.plans.description')}
        actions={access.organise && <Button onClick={() => setAdding(true)}>{t('pc.plans.create')}</Button>}
      />
      <DataState query={plans} empty={t('pc.plans.empty')}>
        {(rows) => (
          <Stack gap="md">
            {rows.map((p) => (
              <Paper key={p.id} withBorder radius="md" p="md" data-testid="pc-plan">
                <Stack gap={6}>
                  <Title order={2} size="h5">
                    <Link to={p.id}>{p.title}</Link>
                  </Title>
                  <Text size="sm" c="dimmed">
                    {t(`pc.plans.kind.${p.kind}`)} · {p.kind === 'safety_measures' ? p.year : p.facility}
                  </Text>
                  <PlanBadges plan={p} />
                </Stack>
              </Paper>
            ))}
          </Stack>
        )}
      </DataState>
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('pc.plans.create')} size="lg">
        <PlanForm
          orgId={orgId}
          onDone={(id) => {
            setAdding(false);
            if (id) navigate(id);
          }}
        />
      </Modal>
    </>
  );
}
