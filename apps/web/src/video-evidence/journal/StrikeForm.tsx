import { Button, Divider, Group, NumberInput, Radio, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { formatDateTime } from '../../kernel/format/datetime.ts';
import { useRecorders } from '../recorders/recorders.queries.ts';
import { placeError } from './issueErrors.ts';
import { useStrikeEntry } from './journal.queries.ts';
import type { Correction, Credentials, JournalEntry } from './journal.types.ts';
import { credentialsOf, NO_CREDENTIALS, SignatureFields } from './SignatureFields.tsx';
import { useCounterOptions } from './useCounterOptions.ts';

/**
 * R444-9: a wrong entry is struck with a reason signed by the responsible person; the corrected values,
 * if any, become a new entry that refers to it. Empty fields keep the struck entry's values. A correction
 * that names another inspector needs that inspector's own signature, as at an issue (R444-8); one that keeps
 * the inspector carries their signature over.
 */
export function StrikeForm({ orgId, entry, onDone }: { orgId: string; entry: JournalEntry; onDone: () => void }) {
  const { t } = useTranslation();
  const strike = useStrikeEntry(orgId);
  const recorders = useRecorders(orgId, null);
  const [reason, setReason] = useState('');
  const [c, setC] = useState<{ recorderId: string | null; inspectorId: string | null; activityId: string | null }>({
    recorderId: null,
    inspectorId: null,
    activityId: null,
  });
  const [battery, setBattery] = useState<number | string>('');
  const [offset, setOffset] = useState<number | string>('');
  const [note, setNote] = useState('');
  const [method, setMethod] = useState<'credentials_at_counter' | 'own_device'>('credentials_at_counter');
  const [credentials, setCredentials] = useState<Credentials>(NO_CREDENTIALS);
  const [tried, setTried] = useState(false);
  const opts = useCounterOptions(orgId, c.inspectorId ?? entry.inspectorId, c.activityId ?? entry.activityId);
  const err = placeError(strike.error);
  const short = tried && reason.trim().length < 3 ? t('recorders.noteTooShort') : undefined;

  const newHolder = c.inspectorId !== null && c.inspectorId !== entry.inspectorId;
  const signing = newHolder && method === 'credentials_at_counter';
  const signatureMissing =
    signing && !(credentials.login.trim() && credentials.password && (!opts.inspector?.totpEnabled || credentials.totpCode));
  const correction: Correction = {
    ...(c.recorderId ? { recorderId: c.recorderId } : {}),
    ...(c.inspectorId ? { inspectorId: c.inspectorId } : {}),
    ...(c.activityId ? { activityId: c.activityId } : {}),
    ...(typeof battery === 'number' ? { batteryPercent: battery } : {}),
    ...(typeof offset === 'number' ? { clockOffsetSeconds: offset } : {}),
    ...(note.trim() ? { note: note.trim() } : {}),
  };
  const correcting = Object.keys(correction).length > 0;
  if (newHolder)
    correction.signature = signing ? { method: 'credentials_at_counter', ...credentialsOf(credentials) } : { method: 'own_device' };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (reason.trim().length < 3 || signatureMissing) return;
    try {
      await strike.mutateAsync({ id: entry.id, reason: reason.trim(), ...(correcting ? { correction } : {}) });
      onDone();
    } catch {
      // shown in the form
    }
  };

  const recorderData = (recorders.data?.items ?? [])
    .filter((r) => r.id === entry.recorderId || r.status === 'in_storage')
    .map((r) => ({ value: r.id, label: r.inventoryNumber }));
  return (
    <form onSubmit={submit} noValidate data-testid="strike-form">
      <Stack gap="md">
        <Text size="sm">
          {t('journal.strike.what', {
            number: entry.number,
            inventory: entry.inventoryNumber,
            name: entry.inspectorName,
            at: formatDateTime(entry.issuedAt),
          })}
        </Text>
        {!err.placed && <ErrorAlert error={strike.error} />}
        <Textarea
          data-autofocus
          label={t('journal.strike.reason')}
          description={t('journal.strike.reasonHint')}
          required
          autosize
          minRows={2}
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={short ?? err.at('reason')}
        />
        <Divider label={t('journal.strike.correction')} labelPosition="left" />
        <Text size="xs" c="dimmed">
          {t('journal.strike.correctionHint')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('journal.col.inventory')}
            placeholder={entry.inventoryNumber}
            clearable
            searchable
            data={recorderData}
            value={c.recorderId}
            onChange={(recorderId) => setC({ ...c, recorderId })}
            error={err.at('recorder')}
          />
          <Select
            label={t('journal.issue.inspector')}
            placeholder={entry.inspectorName}
            clearable
            searchable
            data={opts.inspectorData}
            value={c.inspectorId}
            onChange={(inspectorId) => setC({ ...c, inspectorId })}
            error={err.at('inspector')}
          />
          <Select
            label={t('journal.issue.activity')}
            placeholder={opts.activities.find((a) => a.id === entry.activityId)?.referenceNumber}
            clearable
            searchable
            data={opts.activityData}
            value={c.activityId}
            onChange={(activityId) => setC({ ...c, activityId })}
            error={err.at('activity')}
          />
          <NumberInput
            label={t('journal.strike.battery')}
            placeholder={`${entry.batteryPercent}%`}
            min={0}
            max={100}
            allowDecimal={false}
            suffix="%"
            value={battery}
            onChange={setBattery}
            error={err.at('battery')}
          />
          <NumberInput
            label={t('journal.issue.offset')}
            placeholder={String(entry.clockOffsetSeconds)}
            allowDecimal={false}
            value={offset}
            onChange={setOffset}
            error={err.at('offset')}
          />
          <TextInput
            label={t('journal.issue.note')}
            placeholder={entry.note}
            maxLength={1000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
        </SimpleGrid>
        {newHolder ? (
          <Stack gap="xs" data-testid="strike-signature">
            <Radio.Group
              label={t('journal.sign.title')}
              description={t('journal.strike.newHolderSigns', { name: opts.inspector?.fullName ?? '' })}
              value={method}
              onChange={(v) => setMethod(v as typeof method)}
            >
              <Group mt={6} gap="lg">
                <Radio value="credentials_at_counter" label={t('journal.sign.atCounter')} />
                <Radio value="own_device" label={t('journal.sign.ownDevice')} />
              </Group>
            </Radio.Group>
            {signing ? (
              <SignatureFields
                value={credentials}
                onChange={setCredentials}
                withCode={!!opts.inspector?.totpEnabled}
                error={err.at('signature')}
                missing={tried}
              />
            ) : (
              <Text size="sm" c="dimmed">
                {t('journal.sign.ownDeviceHint')}
              </Text>
            )}
          </Stack>
        ) : (
          correcting && (
            <Text size="xs" c="dimmed">
              {t('journal.strike.signatureCarried', { name: entry.inspectorName, number: entry.number })}
            </Text>
          )
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('action.cancel')}
          </Button>
          <Button type="submit" color="red" loading={strike.isPending}>
            {correcting ? t('journal.strike.submitCorrect') : t('journal.strike.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
