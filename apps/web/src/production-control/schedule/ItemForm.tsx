import { Button, Group, Select, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../kernel/components/DateField.tsx';
import { useChecklists } from '../checklists/checklists.queries.ts';
import { useFacilities } from '../facilities/facilities.queries.ts';
import { useAppointments } from '../officials/officials.queries.ts';
import { FormAlert } from '../shared/FormAlert.tsx';
import { serverError } from '../shared/formErrors.ts';
import { useScheduleActions } from './schedule.queries.ts';

const FIELDS = ['facilityId', 'unitId', 'kind', 'plannedOn', 'checklistId', 'responsibleOfficialId'];

/** R315-7: a line of the draft schedule; officials offered are those appointed over the facility (R315-3). */
export function ItemForm({ orgId, scheduleId, year, onDone }: { orgId: string; scheduleId: string; year: number; onDone: () => void }) {
  const { t } = useTranslation();
  const { addItem } = useScheduleActions(orgId);
  const facilities = useFacilities(orgId);
  const checklists = useChecklists(orgId);
  const appointments = useAppointments(orgId);
  const [v, setV] = useState({
    facilityId: null as string | null,
    unitId: null as string | null,
    kind: 'scheduled' as 'scheduled' | 'comprehensive',
    plannedOn: null as string | null,
    checklistId: null as string | null,
    responsibleOfficialId: null as string | null,
  });
  const [tried, setTried] = useState(false);
  const err = addItem.error;
  const req = (ok: boolean) => (tried && !ok ? t('form.required') : undefined);
  const facility = facilities.data?.find((f) => f.id === v.facilityId);
  const purpose = v.kind === 'comprehensive' ? 'comprehensive_programme' : 'inspection';
  const lists = (checklists.data ?? []).filter((c) => c.purpose === purpose && c.publishedVersion);
  const officials = new Map(
    (appointments.data ?? [])
      .filter((a) => !a.validTo && v.facilityId && a.facilityIds.includes(v.facilityId))
      .map((a) => [a.personId, a.personName]),
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!v.facilityId || !v.plannedOn || !v.checklistId || !v.responsibleOfficialId) return;
    try {
      await addItem.mutateAsync({
        scheduleId,
        ...v,
        facilityId: v.facilityId,
        plannedOn: v.plannedOn,
        checklistId: v.checklistId,
        responsibleOfficialId: v.responsibleOfficialId,
      });
      onDone();
    } catch {
      // shown in the form
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="pc-item-form">
      <Stack gap="md">
        <FormAlert error={err} fields={FIELDS} />
        <Select
          label={t('common:pc.field.facilityId')}
          required
          searchable
          data={(facilities.data ?? []).filter((f) => !f.decommissionedOn).map((f) => ({ value: f.id, label: f.name }))}
          value={v.facilityId}
          onChange={(x) => setV({ ...v, facilityId: x, unitId: null, responsibleOfficialId: null })}
          error={req(!!v.facilityId) ?? serverError(err, 'facilityId')}
        />
        <Select
          label={t('common:pc.field.unitId')}
          clearable
          data={(facility?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
          value={v.unitId}
          onChange={(x) => setV({ ...v, unitId: x })}
          error={serverError(err, 'unitId')}
        />
        <Select
          label={t('common:pc.field.kind')}
          allowDeselect={false}
          data={(['scheduled', 'comprehensive'] as const).map((k) => ({ value: k, label: t(`common:pc.inspectionKind.${k}`) }))}
          value={v.kind}
          onChange={(x) => x && setV({ ...v, kind: x as 'scheduled' | 'comprehensive', checklistId: null })}
        />
        <DateField
          label={t('common:pc.field.plannedOn')}
          required
          minDate={`${year}-01-01`}
          maxDate={`${year}-12-31`}
          value={v.plannedOn}
          onChange={(d) => setV({ ...v, plannedOn: d })}
          error={req(!!v.plannedOn) ?? serverError(err, 'plannedOn')}
        />
        <Select
          label={t('common:pc.field.checklistId')}
          description={v.kind === 'comprehensive' ? t('pc.item.programmeHint') : undefined}
          required
          data={lists.map((c) => ({ value: c.id, label: c.title }))}
          value={v.checklistId}
          onChange={(x) => setV({ ...v, checklistId: x })}
          error={req(!!v.checklistId) ?? serverError(err, 'checklistId')}
        />
        <Select
          label={t('common:pc.field.responsibleOfficialId')}
          description={t('pc.item.officialHint')}
          required
          data={[...officials].map(([value, label]) => ({ value, label }))}
          value={v.responsibleOfficialId}
          onChange={(x) => setV({ ...v, responsibleOfficialId: x })}
          error={req(!!v.responsibleOfficialId) ?? serverError(err, 'responsibleOfficialId')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('action.cancel')}
          </Button>
          <Button type="submit" loading={addItem.isPending}>
            {t('pc.item.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
