import { Button, Group, NumberInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldError } from '../../kernel/api/errors.ts';
import { DateField } from '../../kernel/components/DateField.tsx';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { todayInZone } from '../../kernel/format/datetime.ts';
import { useCloseJournal, useOpenJournal } from './journal.queries.ts';
import type { Journal } from './journal.types.ts';

/** R444-9: a book is registered in the chancellery (number and date) before the first entry. */
export function OpenJournalForm({ orgId, onDone }: { orgId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const open = useOpenJournal(orgId);
  const today = todayInZone();
  const [number, setNumber] = useState('');
  const [registered, setRegistered] = useState<string | null>(today);
  const [started, setStarted] = useState<string | null>(today);
  const [tried, setTried] = useState(false);
  const need = (ok: boolean) => (tried && !ok ? t('form.required') : undefined);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!number.trim() || !registered || !started) return;
    try {
      await open.mutateAsync({ registrationNumber: number.trim(), registrationDate: registered, startedOn: started });
      onDone();
    } catch {
      // shown below
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ErrorAlert error={open.error} shownFields={['registrationNumber', 'registrationDate', 'startedOn']} />
        <TextInput
          data-autofocus
          label={t('journal.book.number')}
          description={t('journal.book.numberHint')}
          required
          maxLength={50}
          value={number}
          onChange={(e) => setNumber(e.currentTarget.value)}
          error={need(!!number.trim()) ?? fieldError(open.error, 'registrationNumber')}
        />
        <DateField
          label={t('journal.book.registeredOn')}
          required
          value={registered}
          onChange={setRegistered}
          error={need(!!registered) ?? fieldError(open.error, 'registrationDate')}
        />
        <DateField
          label={t('journal.book.startedOn')}
          required
          value={started}
          onChange={setStarted}
          error={need(!!started) ?? fieldError(open.error, 'startedOn')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('action.cancel')}
          </Button>
          <Button type="submit" loading={open.isPending}>
            {t('journal.book.open')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** R444-9: the book is closed with its end date and the certified number of sheets. */
export function CloseJournalForm({ orgId, journal, onDone }: { orgId: string; journal: Journal; onDone: () => void }) {
  const { t } = useTranslation();
  const close = useCloseJournal(orgId);
  const [ended, setEnded] = useState<string | null>(todayInZone());
  const [sheets, setSheets] = useState<number | string>('');
  const [tried, setTried] = useState(false);
  const err = close.error;
  const periodError = err instanceof ApiError && err.code === 'journal.period_invalid' ? err.message : undefined;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!ended || typeof sheets !== 'number') return;
    try {
      await close.mutateAsync({ id: journal.id, endedOn: ended, sheetCount: sheets });
      onDone();
    } catch {
      // shown below
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {!periodError && <ErrorAlert error={err} shownFields={['endedOn', 'sheetCount']} />}
        <DateField
          data-autofocus
          label={t('journal.book.endedOn')}
          required
          value={ended}
          onChange={setEnded}
          error={(tried && !ended ? t('form.required') : undefined) ?? periodError ?? fieldError(err, 'endedOn')}
        />
        <NumberInput
          label={t('journal.book.sheets')}
          description={t('journal.book.sheetsHint')}
          required
          min={1}
          max={10_000}
          allowDecimal={false}
          value={sheets}
          onChange={setSheets}
          error={(tried && typeof sheets !== 'number' ? t('form.required') : undefined) ?? fieldError(err, 'sheetCount')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('action.cancel')}
          </Button>
          <Button type="submit" color="red" loading={close.isPending}>
            {t('journal.book.close')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
