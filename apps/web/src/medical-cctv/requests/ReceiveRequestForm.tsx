import { Alert, Button, Divider, Group, MultiSelect, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { APPLICANT_RELATIONSHIPS, type ApplicantRelationship } from '@baqylau/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { DateField } from '../../kernel/components/DateField.tsx';
import { DateTimeFields, normaliseTime, type DateTimeValue } from '../../kernel/components/DateTimeFields.tsx';
import { todayInZone, zonedDateTime } from '../../kernel/format/datetime.ts';
import { CCTV_HOME } from '../navigation.ts';
import type { Camera, Place } from '../shared/cctv.types.ts';
import { FormAlert } from '../shared/FormAlert.tsx';
import { serverError } from '../shared/formErrors.ts';
import { cameraSpots, groupedOptions } from '../shared/placeTree.ts';
import { useReceiveRequest } from './requests.queries.ts';

const FIELDS = [
  'receivedOn',
  'applicantName',
  'applicantIin',
  'applicantContact',
  'relationship',
  'patientName',
  'patientIin',
  'dateOfDeath',
  'periodFrom',
  'periodTo',
  'placeIds',
];
const EMPTY_TIME: DateTimeValue = { date: null, time: '' };
const instant = (v: DateTimeValue) => {
  const time = normaliseTime(v.time);
  return v.date && time ? zonedDateTime(v.date, time) : null;
};

/** R335-3: an application of a deceased patient's child or surviving spouse (any applicant is registered). */
export function ReceiveRequestForm({
  orgId,
  places,
  cameras,
  onDone,
}: {
  orgId: string;
  places: Place[];
  cameras: Camera[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const receive = useReceiveRequest(orgId);
  const [f, setF] = useState({
    receivedOn: todayInZone() as string | null,
    applicantName: '',
    applicantIin: '',
    applicantContact: '',
    relationship: null as ApplicantRelationship | null,
    patientName: '',
    patientIin: '',
    dateOfDeath: null as string | null,
  });
  const [from, setFrom] = useState<DateTimeValue>(EMPTY_TIME);
  const [to, setTo] = useState<DateTimeValue>(EMPTY_TIME);
  const [placeIds, setPlaceIds] = useState<string[]>([]);
  const [tried, setTried] = useState(false);
  const err = receive.error;
  const set = (patch: Partial<typeof f>) => setF({ ...f, ...patch });
  const need = (bad: boolean) => (tried && bad ? t('form.required') : undefined);
  const iinShape = (v: string) => (tried && v && !/^\d{12}$/.test(v) ? t('cctv.request.iinShape') : undefined);
  const short = (v: string) => (tried && v.trim().length > 0 && v.trim().length < 3 ? t('cctv.form.atLeast3') : undefined);
  const numbers = new Map<string, string[]>();
  for (const c of cameras) if (!c.removedOn) numbers.set(c.placeId, [...(numbers.get(c.placeId) ?? []), c.number]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    const periodFrom = instant(from);
    const periodTo = instant(to);
    const ok =
      f.receivedOn &&
      f.applicantName.trim().length >= 3 &&
      /^\d{12}$/.test(f.applicantIin) &&
      f.relationship &&
      f.patientName.trim().length >= 3 &&
      /^\d{12}$/.test(f.patientIin) &&
      f.dateOfDeath &&
      periodFrom &&
      periodTo &&
      placeIds.length > 0;
    if (!ok) return;
    try {
      const r = await receive.mutateAsync({
        receivedOn: f.receivedOn!,
        applicantName: f.applicantName.trim(),
        applicantIin: f.applicantIin,
        ...(f.applicantContact.trim() ? { applicantContact: f.applicantContact.trim() } : {}),
        relationship: f.relationship!,
        patientName: f.patientName.trim(),
        patientIin: f.patientIin,
        dateOfDeath: f.dateOfDeath!,
        periodFrom: periodFrom!,
        periodTo: periodTo!,
        placeIds,
      });
      onDone();
      navigate(`${CCTV_HOME}/requests/${r.id}`);
    } catch {
      // shown under its field
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="request-form">
      <Stack gap="md">
        <FormAlert error={err} fields={FIELDS} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField
            label={t('cctv.request.receivedOn')}
            required
            value={f.receivedOn}
            onChange={(receivedOn) => set({ receivedOn })}
            error={need(!f.receivedOn) ?? serverError(err, 'receivedOn')}
          />
          <Select
            label={t('cctv.request.relationship')}
            description={t('cctv.request.relationshipHint')}
            required
            data={APPLICANT_RELATIONSHIPS.map((r) => ({ value: r, label: t(`common:cctv.relationship.${r}`) }))}
            value={f.relationship}
            onChange={(v) => set({ relationship: v as ApplicantRelationship | null })}
            error={need(!f.relationship) ?? serverError(err, 'relationship')}
          />
        </SimpleGrid>
        {f.relationship === 'other' && (
          <Alert color="orange" variant="light">
            {t('cctv.request.notEntitled')}
          </Alert>
        )}
        <Divider label={t('cctv.request.applicant')} labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('cctv.request.applicantName')}
            required
            data-autofocus
            maxLength={300}
            value={f.applicantName}
            onChange={(e) => set({ applicantName: e.currentTarget.value })}
            error={need(!f.applicantName.trim()) ?? short(f.applicantName) ?? serverError(err, 'applicantName')}
          />
          <TextInput
            label={t('cctv.request.applicantIin')}
            required
            inputMode="numeric"
            maxLength={12}
            value={f.applicantIin}
            onChange={(e) => set({ applicantIin: e.currentTarget.value.replace(/\D/g, '') })}
            error={need(!f.applicantIin) ?? iinShape(f.applicantIin) ?? serverError(err, 'applicantIin')}
          />
        </SimpleGrid>
        <TextInput
          label={t('cctv.request.contact')}
          maxLength={300}
          value={f.applicantContact}
          onChange={(e) => set({ applicantContact: e.currentTarget.value })}
          error={serverError(err, 'applicantContact')}
        />
        <Divider label={t('cctv.request.patient')} labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('cctv.request.patientName')}
            required
            maxLength={300}
            value={f.patientName}
            onChange={(e) => set({ patientName: e.currentTarget.value })}
            error={need(!f.patientName.trim()) ?? short(f.patientName) ?? serverError(err, 'patientName')}
          />
          <TextInput
            label={t('cctv.request.patientIin')}
            required
            inputMode="numeric"
            maxLength={12}
            value={f.patientIin}
            onChange={(e) => set({ patientIin: e.currentTarget.value.replace(/\D/g, '') })}
            error={need(!f.patientIin) ?? iinShape(f.patientIin) ?? serverError(err, 'patientIin')}
          />
          <DateField
            label={t('cctv.request.dateOfDeath')}
            required
            value={f.dateOfDeath}
            onChange={(dateOfDeath) => set({ dateOfDeath })}
            error={need(!f.dateOfDeath) ?? serverError(err, 'dateOfDeath')}
          />
        </SimpleGrid>
        <Divider label={t('cctv.request.recordings')} labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateTimeFields
            label={t('cctv.request.periodFrom')}
            required
            value={from}
            onChange={setFrom}
            error={need(!instant(from)) ?? serverError(err, 'periodFrom')}
          />
          <DateTimeFields
            label={t('cctv.request.periodTo')}
            required
            value={to}
            onChange={setTo}
            error={need(!instant(to)) ?? serverError(err, 'periodTo')}
          />
        </SimpleGrid>
        <MultiSelect
          label={t('cctv.request.places')}
          description={t('cctv.request.placesHint')}
          required
          searchable
          data={groupedOptions(cameraSpots(places), places, (p) => (numbers.get(p.id) ?? []).join(', '))}
          value={placeIds}
          onChange={setPlaceIds}
          error={need(placeIds.length === 0) ?? serverError(err, 'placeIds')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('action.cancel')}
          </Button>
          <Button type="submit" loading={receive.isPending}>
            {t('cctv.request.receive')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
