import { Button, Stack, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../kernel/components/DateField.tsx';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { todayInZone } from '../../kernel/format/datetime.ts';
import { useInstructionSteps } from './instructions.api.ts';

/**
 * The first head's order: naming performers outside the unit (R315-17), or cancelling the
 * instruction with the reason (R315-4, only by a written order).
 */
export function OrderForm({
  orgId,
  instructionId,
  kind,
  onDone,
}: {
  orgId: string;
  instructionId: string;
  kind: 'performers' | 'cancel';
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const steps = useInstructionSteps(orgId, instructionId);
  const step = kind === 'cancel' ? steps.cancel : steps.performersOrder;
  const [number, setNumber] = useState('');
  const [date, setDate] = useState<string | null>(todayInZone());
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const bad = { number: !number.trim(), date: !date, reason: kind === 'cancel' && reason.trim().length < 3 };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (bad.number || bad.date || bad.reason) return;
    const body = { number: number.trim(), orderDate: date!, ...(kind === 'cancel' ? { reason: reason.trim() } : {}) };
    await (kind === 'cancel' ? steps.cancel.mutateAsync(body as typeof body & { reason: string }) : steps.performersOrder.mutateAsync(body))
      .then(onDone)
      .catch(() => undefined);
  };
  return (
    <form onSubmit={submit} noValidate data-testid={`order-form-${kind}`}>
      <Stack gap="sm">
        <ErrorAlert error={step.error} />
        <TextInput
          label={t('pc.instr.orderNumber')}
          required
          maxLength={50}
          value={number}
          onChange={(e) => setNumber(e.currentTarget.value)}
          error={tried && bad.number ? t('pc.instr.required') : undefined}
        />
        <DateField
          label={t('pc.instr.orderDate')}
          required
          value={date}
          onChange={setDate}
          error={tried && bad.date ? t('pc.instr.required') : undefined}
        />
        {kind === 'cancel' && (
          <Textarea
            label={t('pc.instr.cancelReason')}
            required
            autosize
            minRows={3}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={tried && bad.reason ? t('pc.instr.atLeast3') : undefined}
          />
        )}
        <Button type="submit" color={kind === 'cancel' ? 'red' : undefined} loading={step.isPending}>
          {kind === 'cancel' ? t('pc.instr.cancelByOrder') : t('pc.instr.signPerformersOrder')}
        </Button>
      </Stack>
    </form>
  );
}
