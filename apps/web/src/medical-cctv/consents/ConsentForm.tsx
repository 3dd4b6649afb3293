import { Button, FileInput, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { CONSENT_KINDS, type ConsentKind } from '@baqylau/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../kernel/components/DateField.tsx';
import { todayInZone } from '../../kernel/format/datetime.ts';
import { DOCUMENT_FILES, fileType } from '../shared/cctv.api.ts';
import type { Place } from '../shared/cctv.types.ts';
import { FormAlert } from '../shared/FormAlert.tsx';
import { serverError } from '../shared/formErrors.ts';
import { groupedOptions } from '../shared/placeTree.ts';
import { useRecordConsent } from './consents.queries.ts';

const FIELDS = ['kind', 'personName', 'representedName', 'employmentContract', 'scope', 'placeId', 'givenOn', 'file'];

/**
 * R335-8-1: the informed consent, in free form, of a patient (or legal representative) or of a
 * medical worker (taken with the employment contract), for a blood-draw room; written with its scan,
 * or electronic.
 */
export function ConsentForm({ orgId, places, onDone }: { orgId: string; places: Place[]; onDone: () => void }) {
  const { t } = useTranslation();
  const record = useRecordConsent(orgId);
  const rooms = places.filter((p) => !p.removedAt && p.roomType === 'blood_draw');
  const [form, setForm] = useState<'electronic' | 'written'>('electronic');
  const [kind, setKind] = useState<ConsentKind>('patient');
  const [personName, setPersonName] = useState('');
  const [representedName, setRepresentedName] = useState('');
  const [employmentContract, setEmploymentContract] = useState('');
  const [scope, setScope] = useState('');
  const [placeId, setPlaceId] = useState<string | null>(rooms.length === 1 ? rooms[0]!.id : null);
  const [givenOn, setGivenOn] = useState<string | null>(todayInZone());
  const [file, setFile] = useState<File | null>(null);
  const [tried, setTried] = useState(false);
  const err = record.error;
  const type = file ? fileType(file, DOCUMENT_FILES) : null;
  const short = (s: string) => s.trim().length < 3;
  const need = (bad: boolean) => (tried && bad ? t('form.required') : undefined);
  const fileProblem =
    form === 'written'
      ? !file
        ? t('form.required')
        : !type
          ? t('cctv.file.wrongType', { list: '.pdf, .jpg, .png' })
          : undefined
      : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (short(personName) || short(scope) || !placeId || !givenOn || fileProblem) return;
    if (kind === 'legal_representative' && !representedName.trim()) return;
    if (kind === 'medical_worker' && !employmentContract.trim()) return;
    const fields = {
      kind,
      personName: personName.trim(),
      scope: scope.trim(),
      placeId,
      givenOn,
      ...(kind === 'legal_representative' ? { representedName: representedName.trim() } : {}),
      ...(kind === 'medical_worker' ? { employmentContract: employmentContract.trim() } : {}),
    };
    try {
      await record.mutateAsync({ fields, scan: form === 'written' && file && type ? { file, type } : undefined });
      onDone();
    } catch {
      // shown under its field
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="consent-form">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('cctv.consent.formHint')}
        </Text>
        <FormAlert error={err} fields={FIELDS} />
        <SegmentedControl
          aria-label={t('cctv.consent.form')}
          value={form}
          onChange={(v) => setForm(v as 'electronic' | 'written')}
          data={[
            { value: 'electronic', label: t('cctv.consent.electronic') },
            { value: 'written', label: t('cctv.consent.written') },
          ]}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('cctv.consent.kind')}
            required
            allowDeselect={false}
            data={CONSENT_KINDS.map((k) => ({ value: k, label: t(`common:cctv.consentKind.${k}`) }))}
            value={kind}
            onChange={(v) => v && setKind(v as ConsentKind)}
          />
          <DateField
            label={t('cctv.consent.givenOn')}
            required
            value={givenOn}
            onChange={setGivenOn}
            error={need(!givenOn) ?? serverError(err, 'givenOn')}
          />
        </SimpleGrid>
        <TextInput
          label={kind === 'medical_worker' ? t('cctv.consent.workerName') : t('cctv.consent.personName')}
          required
          data-autofocus
          maxLength={300}
          value={personName}
          onChange={(e) => setPersonName(e.currentTarget.value)}
          error={(tried && short(personName) ? t('cctv.form.atLeast3') : undefined) ?? serverError(err, 'personName')}
        />
        {kind === 'legal_representative' && (
          <TextInput
            label={t('cctv.consent.representedName')}
            required
            maxLength={300}
            value={representedName}
            onChange={(e) => setRepresentedName(e.currentTarget.value)}
            error={need(!representedName.trim()) ?? serverError(err, 'representedName')}
          />
        )}
        {kind === 'medical_worker' && (
          <TextInput
            label={t('cctv.consent.contract')}
            description={t('cctv.consent.contractHint')}
            required
            maxLength={200}
            value={employmentContract}
            onChange={(e) => setEmploymentContract(e.currentTarget.value)}
            error={need(!employmentContract.trim()) ?? serverError(err, 'employmentContract')}
          />
        )}
        <Select
          label={t('cctv.consent.room')}
          required
          searchable
          data={groupedOptions(rooms, places, () => '')}
          value={placeId}
          onChange={setPlaceId}
          nothingFoundMessage={t('cctv.consent.noRooms')}
          error={need(!placeId) ?? serverError(err, 'placeId')}
        />
        <Textarea
          label={t('cctv.consent.scope')}
          description={t('cctv.consent.scopeHint')}
          required
          autosize
          minRows={2}
          maxLength={2000}
          value={scope}
          onChange={(e) => setScope(e.currentTarget.value)}
          error={(tried && short(scope) ? t('cctv.form.atLeast3') : undefined) ?? serverError(err, 'scope')}
        />
        {form === 'written' && (
          <FileInput
            label={t('cctv.consent.scan')}
            description={t('cctv.consent.scanHint')}
            placeholder={t('cctv.file.pick')}
            accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
            clearable
            required
            value={file}
            onChange={(f) => {
              setFile(f);
              record.reset();
            }}
            error={(tried ? fileProblem : undefined) ?? serverError(err, 'file')}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('action.cancel')}
          </Button>
          <Button type="submit" loading={record.isPending}>
            {t('cctv.consent.record')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
