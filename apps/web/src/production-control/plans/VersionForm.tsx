import { ActionIcon, Button, FileInput, Group, Paper, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { PlanDocument } from '@baqylau/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../kernel/components/DateField.tsx';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { usePlanProposals } from '../capa/capa.api.ts';
import { useFacilities } from '../facilities/facilities.queries.ts';
import { evidenceType } from '../shared/pc.api.ts';
import { serverError } from '../shared/formErrors.ts';
import { useSubmitVersion, type MeasureDraft } from './plans.api.ts';

const blank = (): MeasureDraft => ({ measure: '', facilityId: null, responsible: '', dueOn: '' });

/**
 * R315-4: a new version — the signed document (PDF, JPEG, PNG), its summary and validity and, for a plan of
 * measures, the measures (each with its deadline within the plan's year). Starts from the latest version's measures.
 */
export function VersionForm({ orgId, plan, onDone }: { orgId: string; plan: PlanDocument; onDone: () => void }) {
  const { t } = useTranslation();
  const submitVersion = useSubmitVersion(orgId, plan.id);
  const facilities = useFacilities(orgId).data ?? [];
  const latest = plan.versions[0];
  const [file, setFile] = useState<File | null>(null);
  const [summary, setSummary] = useState('');
  const [validFrom, setValidFrom] = useState<string | null>(latest?.validFrom ?? null);
  const [validUntil, setValidUntil] = useState<string | null>(latest?.validUntil ?? null);
  const [measures, setMeasures] = useState<MeasureDraft[]>(
    latest?.measures.map((m) => ({ measure: m.measure, facilityId: m.facilityId, responsible: m.responsible, dueOn: m.dueOn })) ?? [
      blank(),
    ],
  );
  const withMeasures = plan.kind === 'safety_measures';
  // R315-21: what the first head accepted into this year's plan from corrective and preventive actions
  // (inspections go to the schedule instead), offered until each stands in the plan as a measure.
  const proposals = usePlanProposals(orgId, withMeasures).data ?? [];
  const toAdd = proposals.filter(
    (p) => p.status === 'accepted' && p.kind !== 'inspection' && p.year === plan.year && !measures.some((m) => m.measure === p.description),
  );
  const type = file ? evidenceType(file) : null;
  const err = submitVersion.error;
  const change = (i: number, patch: Partial<MeasureDraft>) => setMeasures((ms) => ms.map((m, n) => (n === i ? { ...m, ...patch } : m)));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file || !type) return;
    try {
      await submitVersion.mutateAsync({ file, type, summary, validFrom, validUntil, ...(withMeasures ? { measures } : {}) });
      onDone();
    } catch {
      // shown in the form
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('pc.plans.versionHint')}
        </Text>
        <ErrorAlert error={err} />
        <FileInput
          label={t('common:pc.field.document')}
          required
          accept="application/pdf,image/jpeg,image/png"
          value={file}
          onChange={setFile}
          error={file && !type ? t('pc.plans.fileType') : serverError(err, 'document')}
        />
        <Textarea
          label={t('common:pc.field.summary')}
          autosize
          minRows={2}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
        />
        <Group grow>
          <DateField
            label={t('common:pc.field.validFrom')}
            required={!withMeasures}
            value={validFrom}
            onChange={setValidFrom}
            error={serverError(err, 'validFrom')}
          />
          <DateField
            label={t('common:pc.field.validUntil')}
            required={!withMeasures}
            value={validUntil}
            onChange={setValidUntil}
            error={serverError(err, 'validUntil')}
          />
        </Group>
        {withMeasures && (
          <Stack gap="xs">
            <Text fw={600}>{t('common:pc.field.measures')}</Text>
            {measures.map((m, i) => (
              <Paper key={i} withBorder p="xs" radius="sm">
                <Group align="flex-end" gap="xs" wrap="nowrap">
                  <TextInput
                    style={{ flex: 1 }}
                    label={`${i + 1}. ${t('common:pc.field.measure')}`}
                    required
                    value={m.measure}
                    onChange={(e) => change(i, { measure: e.currentTarget.value })}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    mb={4}
                    aria-label={t('pc.plans.removeMeasure')}
                    onClick={() => setMeasures((ms) => ms.filter((_, n) => n !== i))}
                  >
                    ×
                  </ActionIcon>
                </Group>
                <Group grow align="flex-start" gap="xs" mt={4}>
                  <Select
                    label={t('common:pc.field.facilityId')}
                    clearable
                    data={facilities.map((f) => ({ value: f.id, label: f.name }))}
                    value={m.facilityId}
                    onChange={(id) => change(i, { facilityId: id })}
                  />
                  <TextInput
                    label={t('common:pc.field.responsible')}
                    required
                    value={m.responsible}
                    onChange={(e) => change(i, { responsible: e.currentTarget.value })}
                  />
                  <DateField
                    label={t('common:pc.field.dueOn')}
                    required
                    value={m.dueOn || null}
                    onChange={(d) => change(i, { dueOn: d ?? '' })}
                  />
                </Group>
              </Paper>
            ))}
            <Group>
              <Button size="xs" variant="default" onClick={() => setMeasures((ms) => [...ms, blank()])}>
                {t('pc.plans.addMeasure')}
              </Button>
              {toAdd.length > 0 && (
                <Button
                  size="xs"
                  variant="light"
                  title={t('pc.plans.proposalsHint', { year: plan.year })}
                  data-testid="plan-add-proposals"
                  onClick={() =>
                    setMeasures((ms) => [
                      ...ms.filter((m) => m.measure.trim()),
                      ...toAdd.map((p) => ({ ...blank(), measure: p.description, facilityId: p.facilityId })),
                    ])
                  }
                >
                  {t('pc.plans.addProposals', { count: toAdd.length })}
                </Button>
              )}
            </Group>
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('action.cancel')}
          </Button>
          <Button type="submit" disabled={!file || !type} loading={submitVersion.isPending}>
            {t('pc.plans.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
