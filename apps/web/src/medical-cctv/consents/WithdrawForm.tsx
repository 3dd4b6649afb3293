import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../kernel/components/DateField.tsx';
import { formatCalendarDate, todayInZone } from '../../kernel/format/datetime.ts';
import type { Consent } from '../shared/cctv.types.ts';
import { FormAlert } from '../shared/FormAlert.tsx';
import { serverError } from '../shared/formErrors.ts';
import { useWithdrawConsent } from './consents.queries.ts';

/** A consent is withdrawn: when it was the last of its side, the room's cameras lose their basis at once. */
export function WithdrawForm({ orgId, consent, onDone }: { orgId: string; consent: Consent; onDone: (basisLost: boolean) => void }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawConsent(orgId);
  const [withdrawnOn, setWithdrawnOn] = useState<string | null>(todayInZone());
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!withdrawnOn || note.trim().length < 3) return;
    try {
      const r = await withdraw.mutateAsync({ id: consent.id, withdrawnOn, note: note.trim() });
      onDone(r.basisLost);
    } catch {
      // shown under its field
    }
  };
  return (
    <form onSubmit={submit} noValidate data-testid="withdraw-form">
      <Stack gap="md">
        <Text size="sm">{t('cctv.consent.withdrawText', { name: consent.personName, date: formatCalendarDate(consent.givenOn) })}</Text>
        <FormAlert error={withdraw.error} fields={['withdrawnOn', 'note']} />
        <DateField
          label={t('cctv.consent.withdrawnOn')}
          required
          value={withdrawnOn}
          onChange={setWithdrawnOn}
          error={(tried && !withdrawnOn ? t('form.required') : undefined) ?? serverError(withdraw.error, 'withdrawnOn')}
        />
        <Textarea
          label={t('cctv.consent.note')}
          required
          autosize
          minRows={2}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={(tried && note.trim().length < 3 ? t('cctv.form.atLeast3') : undefined) ?? serverError(withdraw.error, 'note')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone(false)}>
            {t('action.cancel')}
          </Button>
          <Button type="submit" color="red" loading={withdraw.isPending}>
            {t('cctv.consent.withdraw')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
