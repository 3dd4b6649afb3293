import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { EXAMINATION_KIND_CODES, EXAMINATION_RESULT_CODES, type TechnicalObject } from '@baqylau/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../kernel/components/DateField.tsx';
import { FormAlert } from '../shared/FormAlert.tsx';
import { serverError } from '../shared/formErrors.ts';
import { useRecordExamination } from './technical-devices.api.ts';

const FIELDS = ['examinationKind', 'performedOn', 'nextDueOn', 'result', 'performedBy', 'documentNumber'];

/** R315-6: an examination or certification is recorded once, with the date the next one falls due. */
export function ExaminationForm({ orgId, object, onDone }: { orgId: string; object: TechnicalObject; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useRecordExamination(orgId);
  const [v, setV] = useState({
    kind: object.kind === 'device' ? 'certification' : 'technical_examination',
    performedOn: null as string | null,
    nextDueOn: null as string | null,
    result: 'fit',
    performedBy: '',
    documentNumber: '',
  });
  const set = (patch: Partial<typeof v>) => setV((old) => ({ ...old, ...patch }));
  const err = save.error;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!v.performedOn || !v.nextDueOn) return;
    try {
      await save.mutateAsync({ ...v, objectId: object.id, performedOn: v.performedOn, nextDueOn: v.nextDueOn });
      onDone();
    } catch {
      // shown in the form
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('pc.technical.writeOnce')}
        </Text>
        <FormAlert error={err} fields={FIELDS} />
        <Select
          label={t('common:pc.field.examinationKind')}
          required
          data={EXAMINATION_KIND_CODES.map((k) => ({ value: k, label: t(`common:pc.examKind.${k}`) }))}
          value={v.kind}
          onChange={(k) => set({ kind: k ?? v.kind })}
          error={serverError(err, 'examinationKind')}
        />
        <Group grow>
          <DateField
            label={t('common:pc.field.performedOn')}
            required
            value={v.performedOn}
            onChange={(d) => set({ performedOn: d })}
            error={serverError(err, 'performedOn')}
          />
          <DateField
            label={t('common:pc.field.nextDueOn')}
            required
            value={v.nextDueOn}
            onChange={(d) => set({ nextDueOn: d })}
            error={serverError(err, 'nextDueOn')}
          />
        </Group>
        <Select
          label={t('common:pc.field.result')}
          required
          data={EXAMINATION_RESULT_CODES.map((r) => ({ value: r, label: t(`pc.technical.result.${r}`) }))}
          value={v.result}
          onChange={(r) => set({ result: r ?? v.result })}
          error={serverError(err, 'result')}
        />
        <TextInput
          label={t('common:pc.field.performedBy')}
          required
          value={v.performedBy}
          onChange={(e) => set({ performedBy: e.currentTarget.value })}
          error={serverError(err, 'performedBy')}
        />
        <TextInput
          label={t('common:pc.field.documentNumber')}
          required
          value={v.documentNumber}
          onChange={(e) => set({ documentNumber: e.currentTarget.value })}
          error={serverError(err, 'documentNumber')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('action.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} disabled={!v.performedOn || !v.nextDueOn}>
            {t('pc.technical.record')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
