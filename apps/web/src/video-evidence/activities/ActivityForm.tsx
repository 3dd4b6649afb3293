import { Button, Group, MultiSelect, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldError } from '../../kernel/api/errors.ts';
import { DateTimeFields, normaliseTime, type DateTimeValue } from '../../kernel/components/DateTimeFields.tsx';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { todayInZone, zonedDateTime } from '../../kernel/format/datetime.ts';
import { useMembers } from '../../kernel/members/members.queries.ts';
import { ACTIVITY_TYPES, useRegisterActivity, type ActivityType } from './activities.queries.ts';

const TEXT_FIELDS = ['referenceNumber', 'subjectBin', 'subjectName', 'objectName', 'objectAddress'] as const;
type TextField = (typeof TEXT_FIELDS)[number];

/** R444-4/5: what is controlled, where, when and by whom; the recorder issue will name it. */
export function ActivityForm({ orgId, onDone }: { orgId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const members = useMembers(orgId);
  const register = useRegisterActivity(orgId);
  const today = todayInZone();
  const [type, setType] = useState<ActivityType | null>(null);
  const [text, setText] = useState<Record<TextField, string>>({
    referenceNumber: '',
    subjectBin: '',
    subjectName: '',
    objectName: '',
    objectAddress: '',
  });
  const [start, setStart] = useState<DateTimeValue>({ date: today, time: '09:00' });
  const [end, setEnd] = useState<DateTimeValue>({ date: today, time: '18:00' });
  const [inspectorIds, setInspectorIds] = useState<string[]>([]);
  const [tried, setTried] = useState(false);
  const err = register.error;
  const code = err instanceof ApiError ? err.code : '';
  const binError = code === 'activity.subject_bin_invalid' ? (err as ApiError).message : undefined;
  const periodError = code === 'activity.period_invalid' ? (err as ApiError).message : undefined;
  const inspectorError = code === 'activity.inspector_not_member' ? (err as ApiError).message : undefined;
  const need = (ok: boolean) => (tried && !ok ? t('form.required') : undefined);
  const binFormat = tried && text.subjectBin && !/^\d{12}$/.test(text.subjectBin) ? t('activities.binFormat') : undefined;
  const inspectors = (members.data ?? [])
    .filter((m) => !m.disabled && m.roles.includes('inspector'))
    .map((m) => ({ value: m.id, label: m.fullName }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    const [startTime, endTime] = [normaliseTime(start.time), normaliseTime(end.time)];
    const texts = TEXT_FIELDS.every((f) => text[f].trim()) && /^\d{12}$/.test(text.subjectBin);
    if (!type || !texts || !start.date || !end.date || !startTime || !endTime || inspectorIds.length === 0) return;
    try {
      await register.mutateAsync({
        type,
        referenceNumber: text.referenceNumber.trim(),
        subjectBin: text.subjectBin,
        subjectName: text.subjectName.trim(),
        objectName: text.objectName.trim(),
        objectAddress: text.objectAddress.trim(),
        plannedStart: zonedDateTime(start.date, startTime),
        plannedEnd: zonedDateTime(end.date, endTime),
        inspectorIds,
      });
      onDone();
    } catch {
      // shown in the form
    }
  };

  const input = (f: TextField, extra: { error?: string; description?: string; maxLength: number }) => (
    <TextInput
      label={t(`activities.field.${f}`)}
      required
      value={text[f]}
      onChange={(e) => setText({ ...text, [f]: e.currentTarget.value })}
      description={extra.description}
      maxLength={extra.maxLength}
      error={need(!!text[f].trim()) ?? extra.error ?? fieldError(err, f)}
    />
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {!binError && !periodError && !inspectorError && <ErrorAlert error={err} shownFields={[...TEXT_FIELDS, 'type', 'inspectorIds']} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            data-autofocus
            label={t('activities.field.type')}
            required
            data={ACTIVITY_TYPES.map((v) => ({ value: v, label: t(`activities.type.${v}`) }))}
            value={type}
            onChange={(v) => setType(v as ActivityType | null)}
            error={need(!!type) ?? fieldError(err, 'type')}
          />
          {input('referenceNumber', { maxLength: 100, description: t('activities.referenceHint') })}
          {input('subjectBin', { maxLength: 12, error: binFormat ?? binError, description: t('activities.binHint') })}
          {input('subjectName', { maxLength: 300 })}
          {input('objectName', { maxLength: 300 })}
          {input('objectAddress', { maxLength: 500 })}
          <DateTimeFields
            label={t('activities.field.plannedStart')}
            required
            value={start}
            onChange={setStart}
            error={need(!!start.date && !!start.time)}
          />
          <DateTimeFields
            label={t('activities.field.plannedEnd')}
            required
            value={end}
            onChange={setEnd}
            error={need(!!end.date && !!end.time) ?? periodError}
          />
        </SimpleGrid>
        <MultiSelect
          label={t('activities.field.inspectors')}
          required
          searchable
          data={inspectors}
          value={inspectorIds}
          onChange={setInspectorIds}
          error={need(inspectorIds.length > 0) ?? inspectorError ?? fieldError(err, 'inspectorIds')}
          nothingFoundMessage={t('appointments.noPeople')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('action.cancel')}
          </Button>
          <Button type="submit" loading={register.isPending}>
            {t('activities.registerSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
