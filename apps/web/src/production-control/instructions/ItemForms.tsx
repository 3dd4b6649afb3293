import { Button, FileButton, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../kernel/components/DateField.tsx';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { evidenceType, useInstructionSteps } from './instructions.api.ts';

interface ItemProps {
  orgId: string;
  instructionId: string;
  itemId: string;
}
const short = (s: string) => s.trim().length < 3;

/** R315-16, R315-17: the unit head agrees the deadline, or disputes it with a proposed date and the reason. */
export function AgreementForm({ orgId, instructionId, itemId }: ItemProps) {
  const { t } = useTranslation();
  const { agreement } = useInstructionSteps(orgId, instructionId);
  const [disputing, setDisputing] = useState(false);
  const [date, setDate] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const dispute = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!date || short(reason)) return;
    await agreement.mutateAsync({ itemId, agree: false, proposedDeadline: date, reason: reason.trim() }).catch(() => undefined);
  };
  return (
    <Stack gap="xs" data-testid={`agreement-${itemId}`}>
      <ErrorAlert error={agreement.error} />
      {!disputing ? (
        <Group gap="sm">
          <Button size="sm" color="green" loading={agreement.isPending} onClick={() => agreement.mutate({ itemId, agree: true })}>
            {t('pc.instr.agree')}
          </Button>
          <Button size="sm" variant="default" onClick={() => setDisputing(true)}>
            {t('pc.instr.dispute')}
          </Button>
        </Group>
      ) : (
        <form onSubmit={dispute} noValidate>
          <Stack gap="xs">
            <DateField
              label={t('pc.instr.proposedDeadline')}
              required
              value={date}
              onChange={setDate}
              error={tried && !date ? t('pc.instr.required') : undefined}
            />
            <Textarea
              label={t('pc.instr.disputeReason')}
              required
              autosize
              minRows={2}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={tried && short(reason) ? t('pc.instr.atLeast3') : undefined}
            />
            <Group gap="sm">
              <Button type="submit" size="sm" color="red" loading={agreement.isPending}>
                {t('pc.instr.sendDispute')}
              </Button>
              <Button size="sm" variant="subtle" onClick={() => setDisputing(false)}>
                {t('pc.instr.back')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

/** R315-17: the first head settles a disputed deadline; the decision and its note are recorded. */
export function SettlementForm({ orgId, instructionId, itemId, proposed }: ItemProps & { proposed: string | null }) {
  const { t } = useTranslation();
  const { settlement } = useInstructionSteps(orgId, instructionId);
  const [date, setDate] = useState<string | null>(proposed);
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!date || short(note)) return;
    await settlement.mutateAsync({ itemId, deadline: date, note: note.trim() }).catch(() => undefined);
  };
  return (
    <form onSubmit={submit} noValidate data-testid={`settlement-${itemId}`}>
      <Stack gap="xs">
        <ErrorAlert error={settlement.error} />
        <DateField
          label={t('pc.instr.settledDeadline')}
          required
          value={date}
          onChange={setDate}
          error={tried && !date ? t('pc.instr.required') : undefined}
        />
        <Textarea
          label={t('pc.instr.settlementNote')}
          required
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={tried && short(note) ? t('pc.instr.atLeast3') : undefined}
        />
        <Button type="submit" size="sm" loading={settlement.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('pc.instr.settle')}
        </Button>
      </Stack>
    </form>
  );
}

/** R315-27: the official verifies the violation eliminated, or turns the report back with the reason. */
export function VerificationForm({ orgId, instructionId, itemId }: ItemProps) {
  const { t } = useTranslation();
  const { verification } = useInstructionSteps(orgId, instructionId);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const reject = async () => {
    setTried(true);
    if (short(reason)) return;
    await verification.mutateAsync({ itemId, accept: false, reason: reason.trim() }).catch(() => undefined);
  };
  return (
    <Stack gap="xs" data-testid={`verification-${itemId}`}>
      <ErrorAlert error={verification.error} />
      <Textarea
        label={t('pc.instr.rejectReason')}
        autosize
        minRows={1}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={tried && short(reason) ? t('pc.instr.atLeast3') : undefined}
      />
      <Group gap="sm">
        <Button size="sm" color="green" loading={verification.isPending} onClick={() => verification.mutate({ itemId, accept: true })}>
          {t('pc.instr.verify')}
        </Button>
        <Button size="sm" color="red" variant="light" loading={verification.isPending} onClick={() => void reject()}>
          {t('pc.instr.reject')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * R315-27: the performer photographs the work done (the phone's camera opens at once) or attaches a
 * document, then reports the measure done. At least one file is required.
 */
export function ReportForm({ orgId, instructionId, itemId, evidence }: ItemProps & { evidence: number }) {
  const { t } = useTranslation();
  const steps = useInstructionSteps(orgId, instructionId);
  const [note, setNote] = useState('');
  const [added, setAdded] = useState(0);
  const [typeError, setTypeError] = useState(false);
  const upload = async (file: File | null) => {
    if (!file) return;
    const type = evidenceType(file);
    setTypeError(!type);
    if (!type) return;
    await steps.evidence
      .mutateAsync({ itemId, file, type })
      .then(() => setAdded((n) => n + 1))
      .catch(() => undefined);
  };
  return (
    <Stack gap="xs" data-testid={`report-${itemId}`}>
      <ErrorAlert error={steps.evidence.error ?? steps.report.error} />
      {typeError && (
        <Text size="sm" c="red.8">
          {t('pc.instr.evidenceTypes')}
        </Text>
      )}
      <Group gap="sm" wrap="wrap">
        <FileButton onChange={(f) => void upload(f)} accept="image/*" capture="environment">
          {(props) => (
            <Button {...props} size="md" loading={steps.evidence.isPending} data-testid="evidence-photo">
              {t('pc.instr.takePhoto')}
            </Button>
          )}
        </FileButton>
        <FileButton onChange={(f) => void upload(f)} accept="image/jpeg,image/png,application/pdf">
          {(props) => (
            <Button {...props} size="md" variant="default">
              {t('pc.instr.attachFile')}
            </Button>
          )}
        </FileButton>
      </Group>
      <Text size="xs" c="dimmed">
        {t('pc.instr.evidenceCount', { n: evidence + added })}
      </Text>
      <Textarea label={t('pc.instr.reportNote')} autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      <Button
        size="md"
        color="teal"
        loading={steps.report.isPending}
        onClick={() => steps.report.mutate({ itemId, note: note.trim() || undefined })}
        data-testid="report-done"
      >
        {t('pc.instr.reportDone')}
      </Button>
    </Stack>
  );
}
