import { Button, Group, SegmentedControl, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInZone } from '../../kernel/format/datetime.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { usePcAccess } from '../access.ts';
import { FormAlert } from '../shared/FormAlert.tsx';
import { serverError } from '../shared/formErrors.ts';
import { useCapaAction, type CapaDetail, type CapaMeasure } from './capa.api.ts';

/** Points 22(4), 23(3): the first head's decision approving the measures proposed. */
export function DecisionForm({ c }: { c: CapaDetail }) {
  const { t } = useTranslation();
  const { org } = useSession();
  const access = usePcAccess();
  const decide = useCapaAction(org!.id);
  const [number, setNumber] = useState('');
  const [decidedOn, setDecidedOn] = useState(todayInZone());
  const [wording, setWording] = useState('');
  const proposed = c.measures.filter((m) => m.status === 'proposed');
  if (!access.firstHead || !proposed.length || c.status === 'closed') return null;
  const err = (f: string) => serverError(decide.error, f);
  return (
    <Stack gap="xs" data-testid="decision-form">
      <Group grow align="flex-start">
        <TextInput
          label={t('common:pc.capaField.number')}
          value={number}
          onChange={(e) => setNumber(e.currentTarget.value)}
          error={err('number')}
        />
        <TextInput
          type="date"
          label={t('common:pc.capaField.decidedOn')}
          value={decidedOn}
          onChange={(e) => setDecidedOn(e.currentTarget.value)}
          error={err('decidedOn')}
        />
      </Group>
      <Textarea
        label={t('common:pc.capaField.wording')}
        autosize
        value={wording}
        onChange={(e) => setWording(e.currentTarget.value)}
        error={err('wording')}
      />
      <FormAlert error={decide.error} fields={['number', 'decidedOn', 'wording']} />
      <Group>
        <Button
          color="teal"
          loading={decide.isPending}
          disabled={!number.trim() || !wording.trim()}
          onClick={() => decide.mutate({ path: `/capas/${c.id}/decisions`, body: { number, decidedOn, wording } })}
        >
          {t('pc.capa.approveMeasures', { n: proposed.length })}
        </Button>
      </Group>
    </Stack>
  );
}

/** An approved measure reported done, by the service or its responsible unit head. */
export function MeasureDoneForm({ c, m }: { c: CapaDetail; m: CapaMeasure }) {
  const { t } = useTranslation();
  const { org, me } = useSession();
  const access = usePcAccess();
  const done = useCapaAction(org!.id);
  const [summary, setSummary] = useState('');
  if (m.status !== 'approved' || c.status !== 'measures_in_progress' || !(access.inspect || m.responsible.id === me.id)) return null;
  return (
    <Group gap="xs" align="flex-end" mt={4}>
      <TextInput
        size="xs"
        placeholder={t('common:pc.capaField.summary')}
        value={summary}
        onChange={(e) => setSummary(e.currentTarget.value)}
      />
      <Button
        size="xs"
        loading={done.isPending}
        disabled={!summary.trim()}
        onClick={() => done.mutate({ path: `/capas/${c.id}/measures/${m.id}/done`, body: { summary } })}
      >
        {t('pc.capa.markDone')}
      </Button>
      <FormAlert error={done.error} fields={[]} />
    </Group>
  );
}

/** Point 22(4): effectiveness, once every measure of the round is done. Not effective → new measures. */
export function EvaluationForm({ c }: { c: CapaDetail }) {
  const { t } = useTranslation();
  const { org } = useSession();
  const access = usePcAccess();
  const evaluate = useCapaAction(org!.id);
  const [effective, setEffective] = useState<'yes' | 'no'>('yes');
  const [conclusion, setConclusion] = useState('');
  if (!access.inspect || c.status !== 'measures_done') return null;
  return (
    <Stack gap="xs" data-testid="evaluation-form">
      <SegmentedControl
        value={effective}
        onChange={(v) => setEffective(v as 'yes' | 'no')}
        data={[
          { value: 'yes', label: t('pc.capa.effective') },
          { value: 'no', label: t('pc.capa.notEffective') },
        ]}
      />
      <Textarea
        label={t('common:pc.capaField.conclusion')}
        autosize
        minRows={2}
        value={conclusion}
        onChange={(e) => setConclusion(e.currentTarget.value)}
        error={serverError(evaluate.error, 'conclusion')}
      />
      <FormAlert error={evaluate.error} fields={['conclusion']} />
      <Group>
        <Button
          loading={evaluate.isPending}
          disabled={!conclusion.trim()}
          onClick={() => evaluate.mutate({ path: `/capas/${c.id}/evaluations`, body: { effective: effective === 'yes', conclusion } })}
        >
          {t('pc.capa.evaluate')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Point 23(4): the information on the actions taken, presented to management. */
export function ManagementReportForm({ c }: { c: CapaDetail }) {
  const { t } = useTranslation();
  const { org } = useSession();
  const access = usePcAccess();
  const report = useCapaAction(org!.id);
  const [summary, setSummary] = useState('');
  if (!access.inspect || c.status === 'closed' || c.kind !== 'preventive') return null;
  return (
    <Group align="flex-end" gap="xs">
      <TextInput
        style={{ flex: 1 }}
        label={t('pc.capa.reportToManagement')}
        value={summary}
        onChange={(e) => setSummary(e.currentTarget.value)}
      />
      <Button
        variant="default"
        loading={report.isPending}
        disabled={!summary.trim()}
        onClick={() => report.mutate({ path: `/capas/${c.id}/management-reports`, body: { summary } })}
      >
        {t('pc.capa.report')}
      </Button>
      <FormAlert error={report.error} fields={[]} />
    </Group>
  );
}

/** Only the head or the service's head closes, and only once evaluated effective (the server refuses otherwise, with the reason). */
export function CloseForm({ c }: { c: CapaDetail }) {
  const { t } = useTranslation();
  const { org } = useSession();
  const access = usePcAccess();
  const close = useCapaAction(org!.id);
  const [note, setNote] = useState('');
  if (!access.organise || c.status === 'closed') return null;
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="xs">
        <TextInput
          style={{ flex: 1 }}
          label={t('common:pc.capaField.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Button
          color="gray"
          loading={close.isPending}
          disabled={c.status !== 'evaluated'}
          title={c.status !== 'evaluated' ? t('pc.capa.closeHint') : undefined}
          onClick={() => close.mutate({ path: `/capas/${c.id}/close`, body: { note: note || null } })}
          data-testid="close-capa"
        >
          {t('pc.capa.close')}
        </Button>
      </Group>
      <FormAlert error={close.error} fields={[]} />
    </Stack>
  );
}
