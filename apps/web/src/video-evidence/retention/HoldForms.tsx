import { Button, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../kernel/api/errors.ts';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { useLiftHold, usePlaceHold } from './retention.queries.ts';
import type { LegalHold } from './retention.types.ts';

/** The head places a legal hold: the recording will not fall due while it is active (R444-12, R444-14). */
export function PlaceHoldForm({ orgId, recordingId, onDone }: { orgId: string; recordingId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const place = usePlaceHold(orgId, recordingId);
  const [reason, setReason] = useState('');
  const [reference, setReference] = useState('');
  const [tried, setTried] = useState(false);
  const reasonBad = reason.trim().length < 3;
  const referenceBad = reference.trim().length < 1;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (reasonBad || referenceBad) return;
    try {
      await place.mutateAsync({ reason: reason.trim(), reference: reference.trim() });
      onDone();
    } catch {
      // shown below
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="hold-form">
      <Stack gap="md">
        <Text size="sm">{t('holds.place.explain')}</Text>
        <ErrorAlert error={place.error} shownFields={['reason', 'reference']} />
        <TextInput
          data-autofocus
          name="reference"
          label={t('holds.reference')}
          description={t('holds.referenceHint')}
          required
          maxLength={200}
          value={reference}
          onChange={(e) => setReference(e.currentTarget.value)}
          error={(tried && referenceBad ? t('form.required') : undefined) ?? fieldError(place.error, 'reference')}
        />
        <Textarea
          name="reason"
          label={t('holds.reason')}
          description={t('holds.reasonHint')}
          required
          autosize
          minRows={2}
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={(tried && reasonBad ? t('holds.reasonShort') : undefined) ?? fieldError(place.error, 'reason')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('action.cancel')}
          </Button>
          <Button type="submit" loading={place.isPending}>
            {t('holds.place.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The head lifts a hold with a reason; the hold stays in the history with who, when and why. */
export function LiftHoldForm({ orgId, hold, onDone }: { orgId: string; hold: LegalHold; onDone: () => void }) {
  const { t } = useTranslation();
  const lift = useLiftHold(orgId);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const reasonBad = reason.trim().length < 3;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (reasonBad) return;
    try {
      await lift.mutateAsync({ holdId: hold.id, reason: reason.trim() });
      onDone();
    } catch {
      // shown below
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="lift-form">
      <Stack gap="md">
        <Text size="sm">{t('holds.lift.explain', { reference: hold.reference })}</Text>
        <ErrorAlert error={lift.error} shownFields={['reason']} />
        <Textarea
          data-autofocus
          name="liftReason"
          label={t('holds.lift.reason')}
          required
          autosize
          minRows={2}
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={(tried && reasonBad ? t('holds.reasonShort') : undefined) ?? fieldError(lift.error, 'reason')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('action.cancel')}
          </Button>
          <Button type="submit" color="orange" loading={lift.isPending}>
            {t('holds.lift.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
