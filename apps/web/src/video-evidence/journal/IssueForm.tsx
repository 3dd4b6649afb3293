import { Alert, Button, Checkbox, Group, NumberInput, Radio, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { useJournalRules } from '../evidence/evidence.queries.ts';
import type { Recorder } from '../recorders/recorders.queries.ts';
import { placeError } from './issueErrors.ts';
import { useIssueRecorder } from './journal.queries.ts';
import type { Credentials, JournalEntry } from './journal.types.ts';
import { RecorderFound } from './RecorderFound.tsx';
import { ScanField } from './ScanField.tsx';
import { credentialsOf, NO_CREDENTIALS, SignatureFields } from './SignatureFields.tsx';
import { useCounterOptions } from './useCounterOptions.ts';

interface State {
  inventory: string;
  recorder: Recorder | null | undefined;
  inspectorId: string | null;
  activityId: string | null;
  battery: number | string;
  clockConfirmed: boolean;
  offset: number | string;
  note: string;
  method: 'credentials_at_counter' | 'own_device';
  credentials: Credentials;
}

const EMPTY: State = {
  inventory: '',
  recorder: undefined,
  inspectorId: null,
  activityId: null,
  battery: '',
  clockConfirmed: false,
  offset: '',
  note: '',
  method: 'credentials_at_counter',
  credentials: NO_CREDENTIALS,
};

/**
 * R444-8/17/20 at the counter: scan, choose who and for what, battery and clock check, the inspector signs
 * on this screen; Enter issues, and the form is ready for the next inspector with the cursor in the scan field.
 */
export function IssueForm({ orgId, onClose }: { orgId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const issue = useIssueRecorder(orgId);
  const [s, setS] = useState<State>(EMPTY);
  const [tried, setTried] = useState(false);
  const [done, setDone] = useState<JournalEntry | null>(null);
  const scan = useRef<HTMLInputElement>(null);
  const inspectorRef = useRef<HTMLInputElement>(null);
  const opts = useCounterOptions(orgId, s.inspectorId, s.activityId);
  const set = (patch: Partial<State>) => setS((prev) => ({ ...prev, ...patch }));
  const err = placeError(issue.error);
  const need = (ok: boolean) => (tried && !ok ? t('form.required') : undefined);
  // Point 20: the server's setting decides; the form shows the same threshold and warns before submitting.
  const batteryMin = useJournalRules(orgId).data?.batteryMinPercent;
  const low = typeof s.battery === 'number' && batteryMin !== undefined && s.battery < batteryMin;

  const chooseInspector = (inspectorId: string | null) => {
    const mine = inspectorId ? opts.activities.filter((a) => a.inspectorIds.includes(inspectorId)) : [];
    const keep = mine.some((a) => a.id === s.activityId);
    // One running activity for this inspector: take it.
    set({ inspectorId, activityId: keep ? s.activityId : mine.length === 1 ? mine[0]!.id : null });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    setDone(null);
    const signing = s.method === 'credentials_at_counter';
    const signed =
      !signing || (s.credentials.login.trim() && s.credentials.password && (!opts.inspector?.totpEnabled || s.credentials.totpCode));
    if (!s.recorder || !s.inspectorId || !s.activityId || typeof s.battery !== 'number' || !signed) return;
    try {
      const entry = await issue.mutateAsync({
        recorderId: s.recorder.id,
        inspectorId: s.inspectorId,
        activityId: s.activityId,
        batteryPercent: s.battery,
        clockConfirmed: s.clockConfirmed,
        ...(typeof s.offset === 'number' ? { clockOffsetSeconds: s.offset } : {}),
        ...(s.note.trim() ? { note: s.note.trim() } : {}),
        signature: signing ? { method: 'credentials_at_counter', ...credentialsOf(s.credentials) } : { method: 'own_device' },
      });
      setDone(entry);
      setS(EMPTY);
      setTried(false);
      scan.current?.focus();
    } catch {
      // shown next to the field it concerns
    }
  };

  return (
    <form onSubmit={submit} noValidate autoComplete="off" data-testid="issue-form">
      <Stack gap="md">
        {done && (
          <Alert color="teal" variant="light" role="status" data-testid="issue-done">
            {t(done.inspectorSignedAt ? 'journal.issue.done' : 'journal.issue.donePending', {
              number: done.number,
              inventory: done.inventoryNumber,
              name: done.inspectorName,
            })}
          </Alert>
        )}
        {!err.placed && <ErrorAlert error={issue.error} />}
        <ScanField
          ref={scan}
          value={s.inventory}
          onChange={(inventory) => set({ inventory, recorder: undefined })}
          onFound={(recorder) => {
            set({ recorder });
            if (recorder) inspectorRef.current?.focus();
          }}
          description={s.recorder ? <RecorderFound recorder={s.recorder} /> : t('journal.scan.hint')}
          error={
            (s.recorder === null ? t('journal.scan.notFound', { number: s.inventory.trim() }) : undefined) ??
            err.at('recorder') ??
            (tried && !s.recorder ? t('journal.scan.first') : undefined)
          }
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            ref={inspectorRef}
            label={t('journal.issue.inspector')}
            required
            searchable
            selectFirstOptionOnChange
            data={opts.inspectorData}
            value={s.inspectorId}
            onChange={chooseInspector}
            description={s.activityId ? t('journal.issue.inspectorHint') : undefined}
            error={need(!!s.inspectorId) ?? err.at('inspector')}
            nothingFoundMessage={t('appointments.noPeople')}
          />
          <Select
            label={t('journal.issue.activity')}
            required
            searchable
            selectFirstOptionOnChange
            data={opts.activityData}
            value={s.activityId}
            onChange={(activityId) => set({ activityId })}
            description={opts.activity ? t(`activities.type.${opts.activity.type}`) : undefined}
            error={need(!!s.activityId) ?? err.at('activity')}
            nothingFoundMessage={t('journal.issue.noActivities')}
          />
          <NumberInput
            label={t('journal.issue.battery')}
            description={batteryMin !== undefined ? t('journal.issue.batteryHint', { threshold: batteryMin }) : undefined}
            required
            min={0}
            max={100}
            clampBehavior="strict"
            allowDecimal={false}
            suffix="%"
            value={s.battery}
            onChange={(battery) => set({ battery })}
            error={need(typeof s.battery === 'number') ?? err.at('battery')}
            styles={low && !err.at('battery') ? { description: { color: 'var(--mantine-color-orange-8)' } } : undefined}
          />
          <NumberInput
            label={t('journal.issue.offset')}
            description={t('journal.issue.offsetHint')}
            allowDecimal={false}
            min={-86_400}
            max={86_400}
            value={s.offset}
            onChange={(offset) => set({ offset })}
            error={err.at('offset')}
          />
        </SimpleGrid>
        <Checkbox
          label={t('journal.issue.clock')}
          checked={s.clockConfirmed}
          onChange={(e) => set({ clockConfirmed: e.currentTarget.checked })}
          error={err.at('clock')}
        />
        <TextInput label={t('journal.issue.note')} maxLength={1000} value={s.note} onChange={(e) => set({ note: e.currentTarget.value })} />
        <Radio.Group label={t('journal.sign.title')} value={s.method} onChange={(v) => set({ method: v as State['method'] })}>
          <Group mt={6} gap="lg">
            <Radio value="credentials_at_counter" label={t('journal.sign.atCounter')} />
            <Radio value="own_device" label={t('journal.sign.ownDevice')} />
          </Group>
        </Radio.Group>
        {s.method === 'credentials_at_counter' ? (
          <SignatureFields
            value={s.credentials}
            onChange={(credentials) => set({ credentials })}
            withCode={!!opts.inspector?.totpEnabled}
            error={err.at('signature')}
            missing={tried}
          />
        ) : (
          <Text size="sm" c="dimmed">
            {t('journal.sign.ownDeviceHint')}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('action.close')}
          </Button>
          <Button type="submit" loading={issue.isPending}>
            {t('journal.issue.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
