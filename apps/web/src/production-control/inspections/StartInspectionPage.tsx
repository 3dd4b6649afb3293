import { Button, Paper, Radio, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { DateField } from '../../kernel/components/DateField.tsx';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { usePcAccess } from '../access.ts';
import { PC_HOME } from '../navigation.ts';
import { useSetupList, useStartInspection, type ExtraordinaryOrder } from './inspections.queries.ts';
import { PickOrType, optionsOf } from './PickOrType.tsx';

type Named = { id: string; name?: string; title?: string; fullName?: string; personId?: string; units?: { id: string; name: string }[] };

/** Start an inspection: a scheduled or comprehensive one from the approved schedule (R315-7, R315-11), or the head's order for an extraordinary one (R315-8). */
export function StartInspectionPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const orgId = org!.id;
  const access = usePcAccess();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const start = useStartInspection(orgId);
  const [itemId, setItemId] = useState(params.get('scheduleItemId') ?? '');
  const toBrief = (id: string) => navigate(`${PC_HOME}/inspections/${id}/brief`);

  const submitScheduled = async (e: FormEvent) => {
    e.preventDefault();
    const i = await start.scheduled.mutateAsync({ scheduleItemId: itemId }).catch(() => null);
    if (i) toBrief(i.id);
  };

  return (
    <>
      <PageHeader title={t('pc.start.title')} description={t('pc.start.description')} />
      <Stack gap="lg" maw={720}>
        {access.inspect && (
          <Paper withBorder radius="md" p="md" component="form" onSubmit={submitScheduled} noValidate data-testid="start-scheduled">
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('pc.start.scheduledTitle')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('pc.start.scheduledHint')}
              </Text>
              <ErrorAlert error={start.scheduled.error} />
              <TextInput
                label={t('pc.start.scheduleItem')}
                value={itemId}
                onChange={(e) => setItemId(e.currentTarget.value.trim())}
                required
              />
              <Button type="submit" loading={start.scheduled.isPending} disabled={!itemId}>
                {t('pc.start.begin')}
              </Button>
            </Stack>
          </Paper>
        )}
        {access.firstHead && <ExtraordinaryForm orgId={orgId} onStarted={toBrief} />}
      </Stack>
    </>
  );
}

function ExtraordinaryForm({ orgId, onStarted }: { orgId: string; onStarted: (id: string) => void }) {
  const { t } = useTranslation();
  const { extraordinary } = useStartInspection(orgId);
  const facilities = useSetupList<Named>(orgId, 'facilities');
  const checklists = useSetupList<Named>(orgId, 'checklists');
  const officials = useSetupList<Named>(orgId, 'officials');
  const [o, setO] = useState<ExtraordinaryOrder>({
    facilityId: '',
    checklistId: '',
    officialId: '',
    orderNumber: '',
    orderDate: '',
    basis: 'accident',
    basisDescription: '',
  });
  const set = (patch: Partial<ExtraordinaryOrder>) => setO((x) => ({ ...x, ...patch }));
  const units = facilities.data?.find((f) => f.id === o.facilityId)?.units;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const i = await extraordinary.mutateAsync({ ...o, unitId: o.unitId || undefined }).catch(() => null);
    if (i) onStarted(i.id);
  };
  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} noValidate data-testid="start-extraordinary">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('pc.start.extraordinaryTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('pc.start.extraordinaryHint')}
        </Text>
        <ErrorAlert error={extraordinary.error} />
        <TextInput
          label={t('pc.start.orderNumber')}
          value={o.orderNumber}
          onChange={(e) => set({ orderNumber: e.currentTarget.value })}
          required
          maxLength={50}
        />
        <DateField label={t('pc.start.orderDate')} value={o.orderDate || null} onChange={(v) => set({ orderDate: v ?? '' })} required />
        <Radio.Group label={t('pc.start.basis')} value={o.basis} onChange={(v) => set({ basis: v as 'accident' | 'injury' })} required>
          <Stack gap={4} mt={4}>
            <Radio value="accident" label={t('pc.start.basisAccident')} />
            <Radio value="injury" label={t('pc.start.basisInjury')} />
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('pc.start.basisDescription')}
          value={o.basisDescription}
          onChange={(e) => set({ basisDescription: e.currentTarget.value })}
          required
          autosize
          minRows={2}
        />
        <PickOrType
          label={t('pc.inspection.facility')}
          value={o.facilityId}
          onChange={(v) => set({ facilityId: v, unitId: '' })}
          options={optionsOf(facilities.data)}
          required
          testId="pick-facility"
        />
        {units && units.length > 0 && (
          <PickOrType
            label={t('pc.inspection.unit')}
            value={o.unitId ?? ''}
            onChange={(v) => set({ unitId: v })}
            options={optionsOf(units)}
            testId="pick-unit"
          />
        )}
        <PickOrType
          label={t('pc.start.checklist')}
          value={o.checklistId}
          onChange={(v) => set({ checklistId: v })}
          options={optionsOf(checklists.data)}
          required
          testId="pick-checklist"
        />
        <PickOrType
          label={t('pc.inspection.official')}
          value={o.officialId}
          onChange={(v) => set({ officialId: v })}
          options={optionsOf(officials.data)}
          required
          testId="pick-official"
        />
        <Button type="submit" loading={extraordinary.isPending}>
          {t('pc.start.order')}
        </Button>
      </Stack>
    </Paper>
  );
}
