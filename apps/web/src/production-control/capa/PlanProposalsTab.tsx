import { Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { PLAN_PROPOSAL_KINDS, type PlanProposalKind } from '@baqylau/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataState } from '../../kernel/components/DataState.tsx';
import { formatDateTime, todayInZone } from '../../kernel/format/datetime.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { usePcAccess } from '../access.ts';
import { useChecklists } from '../checklists/checklists.queries.ts';
import { usePeople } from '../facilities/facilities.queries.ts';
import { FormAlert } from '../shared/FormAlert.tsx';
import { serverError } from '../shared/formErrors.ts';
import { ProposalStatusBadge } from './CapaBadges.tsx';
import { useCapaAction, useCapaSummary, useCapas, usePlanProposals, type PlanProposal } from './capa.api.ts';

const nextYear = () => Number(todayInZone().slice(0, 4)) + 1;

/** Point 21: the year's CAPAs feed next year's plan — proposals and the first head's decisions; the year's figures. */
export function PlanProposalsTab() {
  const { t } = useTranslation();
  const { org } = useSession();
  const access = usePcAccess();
  const proposals = usePlanProposals(org!.id);
  return (
    <Stack>
      {access.report && <YearFigures />}
      {access.inspect && <ProposalForm />}
      <DataState query={proposals} empty={t('pc.capa.noProposals')}>
        {(rows) => (
          <Stack gap="sm" data-testid="plan-proposals">
            {rows.map((p) => (
              <ProposalCard key={p.id} p={p} />
            ))}
          </Stack>
        )}
      </DataState>
    </Stack>
  );
}

function YearFigures() {
  const { t } = useTranslation();
  const { org } = useSession();
  const year = nextYear() - 1;
  const s = useCapaSummary(org!.id, year, true).data;
  if (!s) return null;
  const cell = (label: string, n: number) => (
    <Paper withBorder p="xs" radius="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700}>{n}</Text>
    </Paper>
  );
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} data-testid="capa-summary">
      {cell(t('pc.capa.summary.opened', { year }), s.capas.opened)}
      {cell(t('pc.capa.summary.closed'), s.capas.closed)}
      {cell(t('pc.capa.summary.effective'), s.capas.evaluatedEffective)}
      {cell(t('pc.capa.summary.notEffective'), s.capas.evaluatedNotEffective)}
    </SimpleGrid>
  );
}

function ProposalForm() {
  const { t } = useTranslation();
  const { org } = useSession();
  const capas = useCapas(org!.id);
  const propose = useCapaAction(org!.id);
  const [capaId, setCapaId] = useState<string | null>(null);
  const [year, setYear] = useState<number>(nextYear());
  const [kind, setKind] = useState<PlanProposalKind>('inspection');
  const [description, setDescription] = useState('');
  const err = (f: string) => serverError(propose.error, f);
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs">
        <Text fw={600}>{t('pc.capa.propose')}</Text>
        <Group grow align="flex-start">
          <Select
            label={t('pc.capa.sourceCapa')}
            searchable
            data={(capas.data ?? []).map((c) => ({ value: c.id, label: `${c.number} — ${c.title}` }))}
            value={capaId}
            onChange={setCapaId}
          />
          <NumberInput label={t('common:pc.capaField.year')} value={year} onChange={(v) => setYear(Number(v))} error={err('year')} />
          <Select
            label={t('pc.capa.proposalKind')}
            data={PLAN_PROPOSAL_KINDS.map((k) => ({ value: k, label: t(`common:pc.planProposalKind.${k}`) }))}
            value={kind}
            onChange={(v) => setKind((v ?? 'other') as PlanProposalKind)}
          />
        </Group>
        <Textarea
          label={t('common:pc.capaField.description')}
          autosize
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={err('description')}
        />
        <FormAlert error={propose.error} fields={['year', 'description']} />
        <Group>
          <Button
            disabled={!capaId || !description.trim()}
            loading={propose.isPending}
            onClick={() =>
              propose.mutate(
                { path: '/capa/plan-proposals', body: { capaId, year, kind, description } },
                { onSuccess: () => setDescription('') },
              )
            }
          >
            {t('pc.capa.proposeSubmit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function ProposalCard({ p }: { p: PlanProposal }) {
  const { t } = useTranslation();
  const { org } = useSession();
  const access = usePcAccess();
  const decide = useCapaAction(org!.id);
  const [reason, setReason] = useState('');
  return (
    <Paper withBorder p="md" radius="md" data-testid={`plan-proposal-${p.status}`}>
      <Stack gap={6}>
        <Group gap="xs">
          <ProposalStatusBadge status={p.status} />
          <Text fw={600}>{t('pc.capa.forYear', { year: p.year })}</Text>
          <Text size="sm">{t(`common:pc.planProposalKind.${p.kind}`)}</Text>
          <Text size="sm" c="dimmed">
            {p.capaNumber} · {[p.facilityName, p.unitName].filter(Boolean).join(' — ')} · {p.proposedBy.fullName},{' '}
            {formatDateTime(p.proposedAt)}
          </Text>
        </Group>
        <Text>{p.description}</Text>
        {p.decidedAt && (
          <Text size="sm">
            {p.status === 'accepted'
              ? t(p.scheduleItemId ? 'pc.capa.acceptedInSchedule' : 'pc.capa.acceptedAsPlanItem', {
                  name: p.decidedBy?.fullName ?? '',
                  at: formatDateTime(p.decidedAt),
                })
              : t('pc.capa.rejectedBecause', {
                  reason: p.rejectionReason ?? '',
                  name: p.decidedBy?.fullName ?? '',
                  at: formatDateTime(p.decidedAt),
                })}
          </Text>
        )}
        {access.firstHead && p.status === 'pending' && (
          <Stack gap="xs">
            {p.kind === 'inspection' && <ScheduleLine p={p} />}
            <Group align="flex-end">
              <Button
                color="teal"
                loading={decide.isPending}
                onClick={() => decide.mutate({ path: `/capa/plan-proposals/${p.id}/accept`, body: {} })}
              >
                {t(p.kind === 'inspection' ? 'pc.capa.acceptWithoutLine' : 'pc.capa.accept')}
              </Button>
              <TextInput
                style={{ flex: 1 }}
                label={t('common:pc.capaField.reason')}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
              />
              <Button
                variant="default"
                disabled={!reason.trim()}
                loading={decide.isPending}
                onClick={() => decide.mutate({ path: `/capa/plan-proposals/${p.id}/reject`, body: { reason } })}
              >
                {t('pc.capa.reject')}
              </Button>
            </Group>
            <FormAlert error={decide.error} fields={[]} />
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

/** An accepted inspection with its line: a draft line of that year's schedule (the schedule's own rules apply). */
function ScheduleLine({ p }: { p: PlanProposal }) {
  const { t } = useTranslation();
  const { org } = useSession();
  const checklists = useChecklists(org!.id);
  const people = usePeople(org!.id);
  const accept = useCapaAction(org!.id);
  const [plannedOn, setPlannedOn] = useState('');
  const [checklistId, setChecklist] = useState<string | null>(null);
  const [official, setOfficial] = useState<string | null>(null);
  const officials = (people.data ?? []).filter((x) => x.roles.some((r) => r === 'pc_official' || r === 'pc_service_head'));
  const usable = (checklists.data ?? []).filter((c) => c.publishedVersion);
  return (
    <Stack gap="xs">
      <Group grow align="flex-end">
        <TextInput type="date" label={t('pc.capa.plannedOn')} value={plannedOn} onChange={(e) => setPlannedOn(e.currentTarget.value)} />
        <Select
          label={t('pc.capa.checklist')}
          data={usable.map((c) => ({ value: c.id, label: c.title }))}
          value={checklistId}
          onChange={setChecklist}
        />
        <Select
          label={t('pc.capa.official')}
          data={officials.map((o) => ({ value: o.id, label: o.fullName }))}
          value={official}
          onChange={setOfficial}
        />
        <Button
          disabled={!checklistId || !official || !plannedOn.startsWith(`${p.year}-`)}
          loading={accept.isPending}
          onClick={() =>
            accept.mutate({
              path: `/capa/plan-proposals/${p.id}/accept`,
              body: {
                schedule: {
                  kind: usable.find((c) => c.id === checklistId)?.purpose === 'comprehensive_programme' ? 'comprehensive' : 'scheduled',
                  plannedOn,
                  checklistId,
                  responsibleOfficialId: official,
                },
              },
            })
          }
          data-testid="accept-with-line"
        >
          {t('pc.capa.acceptWithLine')}
        </Button>
      </Group>
      <FormAlert error={accept.error} fields={[]} />
    </Stack>
  );
}
