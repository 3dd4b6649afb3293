import { Button, Group, Radio, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldError } from '../api/errors.ts';
import { DateField } from '../components/DateField.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { todayInZone } from '../format/datetime.ts';
import { useMembers } from '../members/members.queries.ts';
import { useAppoint, type AppointmentKind } from './appointments.queries.ts';

const FIELDS = ['personId', 'kind', 'orderNumber', 'orderDate', 'validFrom', 'validTo'];

interface FormState {
  personId: string | null;
  kind: AppointmentKind;
  orderNumber: string;
  orderDate: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export function AppointForm({ orgId, onDone }: { orgId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const members = useMembers(orgId);
  const appoint = useAppoint(orgId);
  const today = todayInZone();
  const [form, setForm] = useState<FormState>({
    personId: null,
    kind: 'primary',
    orderNumber: '',
    orderDate: today,
    validFrom: today,
    validTo: null,
  });
  const [missing, setMissing] = useState<string[]>([]);
  const set = (patch: Partial<FormState>) => setForm({ ...form, ...patch });
  const err = appoint.error;
  const periodError = err instanceof ApiError && err.code === 'appointment.period_invalid' ? err.message : undefined;
  const need = (field: keyof FormState) => (missing.includes(field) ? t('form.required') : undefined);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const empty = (['personId', 'orderNumber', 'orderDate', 'validFrom'] as const).filter((f) => !form[f]?.trim());
    setMissing(empty);
    if (empty.length) return;
    try {
      await appoint.mutateAsync({
        personId: form.personId!,
        kind: form.kind,
        orderNumber: form.orderNumber.trim(),
        orderDate: form.orderDate!,
        validFrom: form.validFrom!,
        validTo: form.validTo,
      });
      onDone();
    } catch {
      // shown in the form
    }
  };

  const people = (members.data ?? []).filter((m) => !m.disabled).map((m) => ({ value: m.id, label: m.fullName }));
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {!periodError && <ErrorAlert error={err} shownFields={FIELDS} />}
        <Select
          label={t('appointments.person')}
          placeholder={t('appointments.choosePerson')}
          searchable
          required
          data={people}
          value={form.personId}
          onChange={(v) => set({ personId: v })}
          error={need('personId') ?? fieldError(err, 'personId')}
          nothingFoundMessage={t('appointments.noPeople')}
        />
        <Radio.Group label={t('appointments.kind')} required value={form.kind} onChange={(v) => set({ kind: v as AppointmentKind })}>
          <Group mt={6} gap="lg">
            <Radio value="primary" label={t('common:appointmentKind.primary')} />
            <Radio value="deputy" label={t('common:appointmentKind.deputy')} />
          </Group>
        </Radio.Group>
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput
            label={t('appointments.orderNumber')}
            required
            maxLength={50}
            value={form.orderNumber}
            onChange={(e) => set({ orderNumber: e.currentTarget.value })}
            error={need('orderNumber') ?? fieldError(err, 'orderNumber')}
          />
          <DateField
            label={t('appointments.orderDate')}
            required
            value={form.orderDate}
            onChange={(v) => set({ orderDate: v })}
            error={need('orderDate') ?? fieldError(err, 'orderDate')}
          />
          <DateField
            label={t('appointments.validFrom')}
            required
            value={form.validFrom}
            onChange={(v) => set({ validFrom: v })}
            error={need('validFrom') ?? fieldError(err, 'validFrom')}
          />
          <DateField
            label={t('appointments.validTo')}
            description={t('appointments.validToHint')}
            clearable
            value={form.validTo}
            onChange={(v) => set({ validTo: v })}
            error={periodError ?? fieldError(err, 'validTo')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('action.cancel')}
          </Button>
          <Button type="submit" loading={appoint.isPending}>
            {t('appointments.appoint')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
