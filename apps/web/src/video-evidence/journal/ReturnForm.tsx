import { Alert, Button, Group, Paper, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { formatDateTime } from '../../kernel/format/datetime.ts';
import { useMembers } from '../../kernel/members/members.queries.ts';
import { useRecorder, type Recorder } from '../recorders/recorders.queries.ts';
import { placeError } from './issueErrors.ts';
import { useJournals, useReturnRecorder } from './journal.queries.ts';
import { isOpenEntry, type Credentials, type JournalEntry } from './journal.types.ts';
import { ScanField } from './ScanField.tsx';
import { credentialsOf, NO_CREDENTIALS, SignatureFields } from './SignatureFields.tsx';

/** R444-10: the inspector hands the recorder back; its condition and their signature close the entry. */
export function ReturnForm({ orgId, entries, onClose }: { orgId: string; entries: JournalEntry[]; onClose: () => void }) {
  const { t } = useTranslation();
  const ret = useReturnRecorder(orgId);
  const members = useMembers(orgId);
  const [inventory, setInventory] = useState('');
  const [recorder, setRecorder] = useState<Recorder | null | undefined>(undefined);
  const [condition, setCondition] = useState<'serviceable' | 'damaged'>('serviceable');
  const [note, setNote] = useState('');
  const [credentials, setCredentials] = useState<Credentials>(NO_CREDENTIALS);
  const [tried, setTried] = useState(false);
  const [done, setDone] = useState<JournalEntry | null>(null);
  const scan = useRef<HTMLInputElement>(null);
  const conditionRef = useRef<HTMLInputElement>(null);
  // The entry may be in an earlier journal book (issued before the open book began): the recorder page knows it.
  const detail = useRecorder(orgId, recorder?.id);
  const journals = useJournals(orgId);
  const inBook = recorder ? entries.find((e) => e.recorderId === recorder.id && isOpenEntry(e)) : undefined;
  const fromDetail = detail.data && detail.data.recorder.id === recorder?.id ? (detail.data.openEntry ?? undefined) : undefined;
  const open = inBook ?? fromDetail;
  const earlierBook = open && !inBook ? journals.data?.find((j) => j.id === open.journalId) : undefined;
  const withCode = !!members.data?.find((m) => m.id === open?.inspectorId)?.totpEnabled;
  const err = placeError(ret.error);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    setDone(null);
    if (!recorder || !credentials.login.trim() || !credentials.password || (withCode && !credentials.totpCode)) return;
    try {
      const entry = await ret.mutateAsync({
        recorderId: recorder.id,
        condition,
        ...(note.trim() ? { note: note.trim() } : {}),
        signature: credentialsOf(credentials),
      });
      setDone(entry);
      setInventory('');
      setRecorder(undefined);
      setCondition('serviceable');
      setNote('');
      setCredentials(NO_CREDENTIALS);
      setTried(false);
      scan.current?.focus();
    } catch {
      // shown next to the field it concerns
    }
  };

  const notOut =
    recorder && !open && detail.data?.recorder.id === recorder.id
      ? t('journal.return.notOut', { number: recorder.inventoryNumber })
      : undefined;
  return (
    <form onSubmit={submit} noValidate autoComplete="off" data-testid="return-form">
      <Stack gap="md">
        {done && (
          <Alert color="teal" variant="light" role="status" data-testid="return-done">
            {t('journal.return.done', { number: done.number, inventory: done.inventoryNumber, name: done.inspectorName })}
          </Alert>
        )}
        {!err.placed && <ErrorAlert error={ret.error} />}
        <ScanField
          ref={scan}
          value={inventory}
          onChange={(v) => {
            setInventory(v);
            setRecorder(undefined);
          }}
          onFound={(r) => {
            setRecorder(r);
            if (r) conditionRef.current?.focus();
          }}
          description={t('journal.scan.hint')}
          error={
            (recorder === null ? t('journal.scan.notFound', { number: inventory.trim() }) : undefined) ??
            err.at('recorder') ??
            notOut ??
            (tried && !recorder ? t('journal.scan.first') : undefined)
          }
        />
        {open && (
          <Paper withBorder p="sm" radius="sm" bg="gray.0" data-testid="open-entry">
            <Text size="sm" fw={600}>
              {t('journal.return.entry', { number: open.number, inventory: open.inventoryNumber })}
            </Text>
            <Text size="sm">{open.inspectorName}</Text>
            <Text size="xs" c="dimmed">
              {t('journal.return.issuedAt', { at: formatDateTime(open.issuedAt), battery: open.batteryPercent })}
            </Text>
            {!inBook && (
              <Text size="xs" c="orange.9" data-testid="earlier-book">
                {earlierBook
                  ? t('journal.return.earlierBook', { registration: earlierBook.registrationNumber })
                  : t('journal.return.earlierBookUnknown')}
              </Text>
            )}
          </Paper>
        )}
        <Radio.Group label={t('journal.return.condition')} value={condition} onChange={(v) => setCondition(v as typeof condition)}>
          <Group mt={6} gap="lg">
            <Radio ref={conditionRef} value="serviceable" label={t('journal.condition.serviceable')} />
            <Radio value="damaged" label={t('journal.condition.damaged')} />
          </Group>
        </Radio.Group>
        <TextInput
          label={t('journal.return.note')}
          description={condition === 'damaged' ? t('journal.return.damagedHint') : undefined}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Text size="sm" fw={500}>
          {t('journal.return.signTitle')}
        </Text>
        <SignatureFields value={credentials} onChange={setCredentials} withCode={withCode} error={err.at('signature')} missing={tried} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('action.close')}
          </Button>
          <Button type="submit" loading={ret.isPending}>
            {t('journal.return.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
