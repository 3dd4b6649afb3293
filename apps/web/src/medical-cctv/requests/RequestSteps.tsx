import { Alert, Button, Group, Radio, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { ENTITLED_RELATIONSHIPS } from '@baqylau/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../kernel/components/DateField.tsx';
import { formatDateTime, todayInZone } from '../../kernel/format/datetime.ts';
import type { AccessRequest } from '../shared/cctv.types.ts';
import { FormAlert } from '../shared/FormAlert.tsx';
import { serverError } from '../shared/formErrors.ts';
import { useRequestStep } from './requests.queries.ts';

const short = (s: string) => s.trim().length < 3;

/** The instruction given on receipt to keep the period in the video system, and who confirmed it is kept. */
export function HoldStep({
  orgId,
  request: r,
  places,
  keeper,
}: {
  orgId: string;
  request: AccessRequest;
  places: string;
  keeper: boolean;
}) {
  const { t } = useTranslation();
  const { confirmHold } = useRequestStep(orgId, r.id);
  const [by, setBy] = useState('');
  const [tried, setTried] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (short(by)) return;
    await confirmHold.mutateAsync({ confirmedBy: by.trim() }).catch(() => undefined);
  };
  return (
    <Stack gap="sm">
      <Alert color="blue" variant="light" title={t('cctv.request.holdTitle')} data-testid="hold-instruction">
        {t('cctv.request.holdText', {
          from: formatDateTime(r.periodFrom),
          to: formatDateTime(r.periodTo),
          places,
          number: r.number,
        })}
      </Alert>
      {r.holdConfirmedAt ? (
        <Text size="sm" data-testid="hold-confirmed">
          {t('cctv.request.holdConfirmed', { by: r.holdConfirmedBy ?? '', at: formatDateTime(r.holdConfirmedAt) })}
        </Text>
      ) : keeper && r.state === 'received' ? (
        <form onSubmit={submit} noValidate data-testid="hold-form">
          <Stack gap="xs">
            <FormAlert error={confirmHold.error} fields={['confirmedBy']} />
            <Group align="flex-end" gap="sm" wrap="wrap">
              <TextInput
                label={t('cctv.request.confirmedBy')}
                description={t('cctv.request.confirmedByHint')}
                required
                maxLength={300}
                value={by}
                onChange={(e) => setBy(e.currentTarget.value)}
                error={(tried && short(by) ? t('cctv.form.atLeast3') : undefined) ?? serverError(confirmHold.error, 'confirmedBy')}
                style={{ flex: '1 1 360px' }}
              />
              <Button type="submit" loading={confirmHold.isPending}>
                {t('cctv.request.confirmHold')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Text size="sm" c="dimmed">
          {t('cctv.request.holdAwaiting')}
        </Text>
      )}
    </Stack>
  );
}

/** The head's decision with reasons; point 3 lets only the children and the surviving spouse be granted. */
export function DecisionStep({ orgId, request: r, decide }: { orgId: string; request: AccessRequest; decide: boolean }) {
  const { t } = useTranslation();
  const step = useRequestStep(orgId, r.id).decide;
  const entitled = ENTITLED_RELATIONSHIPS.includes(r.relationship);
  const [grant, setGrant] = useState<'grant' | 'refuse' | null>(entitled ? null : 'refuse');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!grant || short(reason)) return;
    await step.mutateAsync({ grant: grant === 'grant', reason: reason.trim() }).catch(() => undefined);
  };

  if (r.decidedAt)
    return (
      <Stack gap={4} data-testid="decision">
        <Text fw={700} c={r.state === 'refused' ? 'red.8' : 'teal.8'}>
          {r.state === 'refused' ? t('cctv.request.refused') : t('cctv.request.granted')}
        </Text>
        <Text size="sm">{t('cctv.request.reasonWas', { reason: r.decisionReason ?? '' })}</Text>
        <Text size="xs" c="dimmed">
          {t('cctv.request.decidedAt', { at: formatDateTime(r.decidedAt) })}
        </Text>
      </Stack>
    );
  if (r.state === 'received')
    return (
      <Text size="sm" c="dimmed">
        {t('cctv.request.decisionAfterHold')}
      </Text>
    );
  if (!decide)
    return (
      <Text size="sm" c="dimmed">
        {t('cctv.request.decisionByHead')}
      </Text>
    );
  return (
    <form onSubmit={submit} noValidate data-testid="decision-form">
      <Stack gap="sm">
        {!entitled && (
          <Alert color="orange" variant="light">
            {t('cctv.request.notEntitled')}
          </Alert>
        )}
        <FormAlert error={step.error} fields={['grant', 'reason']} />
        <Radio.Group
          label={t('cctv.request.decision')}
          required
          value={grant}
          onChange={(v) => setGrant(v as 'grant' | 'refuse')}
          error={(tried && !grant ? t('form.required') : undefined) ?? serverError(step.error, 'grant')}
        >
          <Group mt="xs">
            <Radio value="grant" label={t('cctv.request.grant')} disabled={!entitled} />
            <Radio value="refuse" label={t('cctv.request.refuse')} />
          </Group>
        </Radio.Group>
        <Textarea
          label={t('cctv.request.reason')}
          description={t('cctv.request.reasonHint')}
          required
          autosize
          minRows={3}
          maxLength={4000}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={(tried && short(reason) ? t('cctv.form.atLeast3') : undefined) ?? serverError(step.error, 'reason')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={step.isPending}>
            {t('cctv.request.decide')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The clips handed to the applicant: logged as a disclosure (recipient, date, purpose) in the ledger. */
export function HandOverStep({ orgId, request: r, keeper }: { orgId: string; request: AccessRequest; keeper: boolean }) {
  const { t } = useTranslation();
  const step = useRequestStep(orgId, r.id).disclose;
  const [on, setOn] = useState<string | null>(todayInZone());
  const clips = r.files.filter((f) => f.kind === 'clip').length;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!on) return;
    await step.mutateAsync({ handedOverOn: on }).catch(() => undefined);
  };
  if (r.providedAt)
    return (
      <Text size="sm" data-testid="handed-over">
        {t('cctv.request.handedOver', { at: formatDateTime(r.providedAt), name: r.applicantName })}
      </Text>
    );
  if (r.state !== 'granted' || !keeper)
    return (
      <Text size="sm" c="dimmed">
        {r.state === 'refused' ? t('cctv.request.nothingToHand') : t('cctv.request.handOverAfterGrant')}
      </Text>
    );
  return (
    <form onSubmit={submit} noValidate data-testid="handover-form">
      <Stack gap="sm">
        {clips === 0 && (
          <Text size="sm" c="orange.8">
            {t('cctv.request.clipsFirst')}
          </Text>
        )}
        <FormAlert error={step.error} fields={['handedOverOn']} />
        <Group align="flex-end" gap="sm" wrap="wrap">
          <DateField
            label={t('cctv.request.handedOverOn')}
            required
            value={on}
            onChange={setOn}
            error={serverError(step.error, 'handedOverOn')}
            w={200}
          />
          <Button type="submit" loading={step.isPending} disabled={clips === 0}>
            {t('cctv.request.recordHandOver')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
