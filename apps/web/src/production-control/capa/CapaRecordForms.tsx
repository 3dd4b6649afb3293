import { Button, Group, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { usePcAccess } from '../access.ts';
import { usePeople } from '../facilities/facilities.queries.ts';
import { FormAlert } from '../shared/FormAlert.tsx';
import { serverError } from '../shared/formErrors.ts';
import { causeName, namesIn, useCapaAction, useCauses, type CapaDetail } from './capa.api.ts';

const OPEN_FOR_RECORDS = ['open', 'measures_in_progress', 'measures_done'];

/** Point 22(2): the cause found by the analysis, chosen from the taxonomy in use (retired causes are not offered). */
export function CauseForm({ c }: { c: CapaDetail }) {
  const { t, i18n } = useTranslation();
  const { org } = useSession();
  const access = usePcAccess();
  const causes = useCauses(org!.id);
  const record = useCapaAction(org!.id);
  const [causeCategoryId, setCause] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  if (!access.inspect || !OPEN_FOR_RECORDS.includes(c.status)) return null;
  const all = causes.data ?? [];
  const groups = all
    .filter((x) => !x.parentId && !x.retiredAt)
    .map((cat) => ({
      group: `${cat.code} ${causeName(cat, i18n.language)}`,
      items: [cat, ...all.filter((s) => s.parentId === cat.id && !s.retiredAt)].map((s) => ({
        value: s.id,
        label: `${s.code} — ${causeName(s, i18n.language)}`,
      })),
    }));
  const submit = () =>
    record.mutate(
      { path: `/capas/${c.id}/causes`, body: { causeCategoryId, description } },
      {
        onSuccess: () => {
          setCause(null);
          setDescription('');
        },
      },
    );
  return (
    <Stack gap="xs" data-testid="cause-form">
      <Select
        label={t('common:pc.capaField.causeCategoryId')}
        searchable
        data={groups}
        value={causeCategoryId}
        onChange={setCause}
        error={serverError(record.error, 'causeCategoryId')}
        nothingFoundMessage={t('pc.capa.taxonomyEmpty')}
      />
      <Textarea
        label={t('pc.capa.analysis')}
        autosize
        minRows={2}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        error={serverError(record.error, 'description')}
      />
      <FormAlert error={record.error} fields={['causeCategoryId', 'description']} />
      <Group>
        <Button onClick={submit} loading={record.isPending} disabled={!causeCategoryId || !description.trim()}>
          {t('pc.capa.recordCause')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Point 22(3): a measure against a recorded cause — who, by when, with what resources. */
export function MeasureForm({ c }: { c: CapaDetail }) {
  const { t, i18n } = useTranslation();
  const { org } = useSession();
  const access = usePcAccess();
  const people = usePeople(org!.id);
  const add = useCapaAction(org!.id);
  const [causeId, setCauseId] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [responsibleId, setResponsible] = useState<string | null>(null);
  const [dueOn, setDueOn] = useState('');
  const [resources, setResources] = useState('');
  if (!access.inspect || !OPEN_FOR_RECORDS.includes(c.status) || !c.causes.length) return null;
  const submit = () =>
    add.mutate(
      { path: `/capas/${c.id}/measures`, body: { causeId, description, responsibleId, dueOn, resources } },
      {
        onSuccess: () => {
          setDescription('');
          setResources('');
        },
      },
    );
  const err = (f: string) => serverError(add.error, f);
  return (
    <Stack gap="xs" data-testid="measure-form">
      <Select
        label={t('common:pc.capaField.causeId')}
        data={c.causes.map((x) => ({ value: x.id, label: `${x.code} — ${namesIn(x.name, i18n.language)}` }))}
        value={causeId}
        onChange={setCauseId}
        error={err('causeId')}
      />
      <Textarea
        label={t('common:pc.capaField.description')}
        autosize
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        error={err('description')}
      />
      <Group grow align="flex-start">
        <Select
          label={t('common:pc.capaField.responsibleId')}
          searchable
          data={(people.data ?? []).map((p) => ({ value: p.id, label: p.fullName }))}
          value={responsibleId}
          onChange={setResponsible}
          error={err('responsibleId')}
        />
        <TextInput
          type="date"
          label={t('common:pc.capaField.dueOn')}
          value={dueOn}
          onChange={(e) => setDueOn(e.currentTarget.value)}
          error={err('dueOn')}
        />
      </Group>
      <TextInput
        label={t('common:pc.capaField.resources')}
        value={resources}
        onChange={(e) => setResources(e.currentTarget.value)}
        error={err('resources')}
      />
      <FormAlert error={add.error} fields={['causeId', 'description', 'responsibleId', 'dueOn', 'resources']} />
      <Group>
        <Button onClick={submit} loading={add.isPending} disabled={!causeId || !responsibleId || !dueOn || !description.trim()}>
          {t('pc.capa.addMeasure')}
        </Button>
      </Group>
    </Stack>
  );
}
