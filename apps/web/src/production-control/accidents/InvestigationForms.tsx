import { ActionIcon, Button, FileInput, Group, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { AccidentDetail } from '@baqylau/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInZone } from '../../kernel/format/datetime.ts';
import { useChecklists } from '../checklists/checklists.queries.ts';
import { usePeople } from '../facilities/facilities.queries.ts';
import { FormAlert } from '../shared/FormAlert.tsx';
import { serverError } from '../shared/formErrors.ts';
import { useAccidentSteps, type CommissionMember, type NewMeasure } from './accidents.queries.ts';

const swallow = () => undefined;

/** The order appointing the investigating commission: one chair and the members (point 4.12). */
export function CommissionForm({ orgId, accidentId }: { orgId: string; accidentId: string }) {
  const { t } = useTranslation();
  const { commission } = useAccidentSteps(orgId, accidentId);
  const [orderNumber, setOrderNumber] = useState('');
  const [orderDate, setOrderDate] = useState(todayInZone());
  const [members, setMembers] = useState<CommissionMember[]>([
    { fullName: '', position: '', role: 'chair' },
    { fullName: '', position: '', role: 'member' },
  ]);
  const edit = (i: number, patch: Partial<CommissionMember>) => setMembers((ms) => ms.map((m, n) => (n === i ? { ...m, ...patch } : m)));
  const err = commission.error;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    commission.mutateAsync({ orderNumber, orderDate, commission: members }).catch(swallow);
  };
  return (
    <form onSubmit={submit} noValidate data-testid="commission-form">
      <Stack gap="sm">
        <FormAlert error={err} fields={['orderNumber', 'orderDate', 'commission']} />
        <SimpleGrid cols={2}>
          <TextInput
            label={t('common:pc.regField.orderNumber')}
            required
            maxLength={50}
            value={orderNumber}
            onChange={(e) => setOrderNumber(e.currentTarget.value)}
            error={serverError(err, 'orderNumber')}
          />
          <TextInput
            type="date"
            label={t('common:pc.regField.orderDate')}
            required
            value={orderDate}
            onChange={(e) => setOrderDate(e.currentTarget.value)}
            error={serverError(err, 'orderDate')}
          />
        </SimpleGrid>
        <Text fw={600}>{t('common:pc.regField.commission')}</Text>
        {members.map((m, i) => (
          <Group key={i} align="flex-end" wrap="nowrap">
            <Select
              w={150}
              data={(['chair', 'member'] as const).map((r) => ({ value: r, label: t(`pc.accidents.role.${r}`) }))}
              value={m.role}
              onChange={(v) => edit(i, { role: (v ?? 'member') as CommissionMember['role'] })}
              aria-label={t('pc.accidents.roleLabel')}
            />
            <TextInput
              style={{ flex: 1 }}
              placeholder={t('common:pc.regField.fullName')}
              value={m.fullName}
              onChange={(e) => edit(i, { fullName: e.currentTarget.value })}
              maxLength={300}
            />
            <TextInput
              style={{ flex: 1 }}
              placeholder={t('common:pc.regField.position')}
              value={m.position}
              onChange={(e) => edit(i, { position: e.currentTarget.value })}
              maxLength={300}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              onClick={() => setMembers((ms) => ms.filter((_, n) => n !== i))}
              aria-label={t('pc.accidents.removeRow')}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        {serverError(err, 'commission') && (
          <Text c="red" size="sm">
            {serverError(err, 'commission')}
          </Text>
        )}
        <Group justify="space-between">
          <Button variant="default" onClick={() => setMembers((ms) => [...ms, { fullName: '', position: '', role: 'member' }])}>
            {t('pc.accidents.addMember')}
          </Button>
          <Button type="submit" loading={commission.isPending}>
            {t('pc.accidents.appoint')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The signed act: its scan first (JPEG/PNG/PDF), then number, date, causes and the measures it prescribes. */
export function ActForm({ orgId, accidentId, hasFile }: { orgId: string; accidentId: string; hasFile: boolean }) {
  const { t } = useTranslation();
  const { act, actFile } = useAccidentSteps(orgId, accidentId);
  const [file, setFile] = useState<File | null>(null);
  const [f, setF] = useState({ actNumber: '', actDate: todayInZone(), causes: '' });
  const [measures, setMeasures] = useState<NewMeasure[]>([{ measure: '', responsible: '', dueOn: '' }]);
  const edit = (i: number, patch: Partial<NewMeasure>) => setMeasures((ms) => ms.map((m, n) => (n === i ? { ...m, ...patch } : m)));
  const err = act.error;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    act.mutateAsync({ ...f, measures }).catch(swallow);
  };
  return (
    <Stack gap="sm">
      <Group align="flex-end">
        <FileInput
          label={t('pc.accidents.actScan')}
          accept=".pdf,.jpg,.jpeg,.png"
          value={file}
          onChange={setFile}
          style={{ flex: 1 }}
          error={actFile.error instanceof Error ? actFile.error.message : undefined}
        />
        <Button
          variant="default"
          disabled={!file}
          loading={actFile.isPending}
          onClick={() => file && actFile.mutateAsync(file).catch(swallow)}
          data-testid="upload-act"
        >
          {hasFile ? t('pc.accidents.replaceFile') : t('pc.accidents.uploadFile')}
        </Button>
      </Group>
      <form onSubmit={submit} noValidate data-testid="act-form">
        <Stack gap="sm">
          <FormAlert error={err} fields={['actNumber', 'actDate', 'causes', 'measures', 'measure', 'responsible', 'dueOn']} />
          <SimpleGrid cols={2}>
            <TextInput
              label={t('common:pc.regField.actNumber')}
              required
              maxLength={50}
              value={f.actNumber}
              onChange={(e) => setF({ ...f, actNumber: e.currentTarget.value })}
              error={serverError(err, 'actNumber')}
            />
            <TextInput
              type="date"
              label={t('common:pc.regField.actDate')}
              required
              value={f.actDate}
              onChange={(e) => setF({ ...f, actDate: e.currentTarget.value })}
              error={serverError(err, 'actDate')}
            />
          </SimpleGrid>
          <Textarea
            label={t('common:pc.regField.causes')}
            required
            autosize
            minRows={2}
            maxLength={4000}
            value={f.causes}
            onChange={(e) => setF({ ...f, causes: e.currentTarget.value })}
            error={serverError(err, 'causes')}
          />
          <Text fw={600}>{t('common:pc.regField.measures')}</Text>
          {measures.map((m, i) => (
            <Group key={i} align="flex-end" wrap="nowrap">
              <TextInput
                style={{ flex: 2 }}
                placeholder={t('common:pc.regField.measure')}
                value={m.measure}
                onChange={(e) => edit(i, { measure: e.currentTarget.value })}
                maxLength={2000}
              />
              <TextInput
                style={{ flex: 1 }}
                placeholder={t('common:pc.regField.responsible')}
                value={m.responsible}
                onChange={(e) => edit(i, { responsible: e.currentTarget.value })}
                maxLength={300}
              />
              <TextInput
                type="date"
                value={m.dueOn}
                onChange={(e) => edit(i, { dueOn: e.currentTarget.value })}
                aria-label={t('common:pc.regField.dueOn')}
              />
            </Group>
          ))}
          {(['measure', 'responsible', 'dueOn'] as const).map(
            (k) =>
              serverError(err, k) && (
                <Text key={k} c="red" size="sm">
                  {serverError(err, k)}
                </Text>
              ),
          )}
          <Group justify="space-between">
            <Button variant="default" onClick={() => setMeasures((ms) => [...ms, { measure: '', responsible: '', dueOn: '' }])}>
              {t('pc.accidents.addMeasure')}
            </Button>
            <Button type="submit" loading={act.isPending} disabled={!hasFile}>
              {t('pc.accidents.recordAct')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

/** The first head's order opening the extraordinary inspection (point 8): a published checklist and an appointed official. */
export function ExtraordinaryForm({ orgId, accident }: { orgId: string; accident: AccidentDetail }) {
  const { t } = useTranslation();
  const { extraordinary } = useAccidentSteps(orgId, accident.id);
  const checklists = useChecklists(orgId);
  const people = usePeople(orgId);
  const [f, setF] = useState({ checklistId: '', officialId: '', orderNumber: '', orderDate: todayInZone() });
  const err = extraordinary.error;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    extraordinary.mutateAsync(f).catch(swallow);
  };
  return (
    <form onSubmit={submit} noValidate data-testid="extraordinary-form">
      <Stack gap="sm">
        <FormAlert error={err} fields={['orderNumber', 'orderDate']} />
        <SimpleGrid cols={2}>
          <Select
            label={t('pc.accidents.checklist')}
            required
            data={(checklists.data ?? []).filter((c) => c.publishedVersion).map((c) => ({ value: c.id, label: c.title }))}
            value={f.checklistId || null}
            onChange={(v) => setF({ ...f, checklistId: v ?? '' })}
          />
          <Select
            label={t('pc.accidents.official')}
            required
            data={(people.data ?? [])
              .filter((p) => p.roles.some((r) => r === 'pc_official' || r === 'pc_service_head'))
              .map((p) => ({ value: p.id, label: p.fullName }))}
            value={f.officialId || null}
            onChange={(v) => setF({ ...f, officialId: v ?? '' })}
          />
          <TextInput
            label={t('common:pc.regField.orderNumber')}
            required
            maxLength={50}
            value={f.orderNumber}
            onChange={(e) => setF({ ...f, orderNumber: e.currentTarget.value })}
            error={serverError(err, 'orderNumber')}
          />
          <TextInput
            type="date"
            label={t('common:pc.regField.orderDate')}
            required
            value={f.orderDate}
            onChange={(e) => setF({ ...f, orderDate: e.currentTarget.value })}
            error={serverError(err, 'orderDate')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" color="orange" loading={extraordinary.isPending} disabled={!f.checklistId || !f.officialId}>
            {t('pc.accidents.orderInspection')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
