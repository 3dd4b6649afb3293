import { Badge, Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataState } from '../../kernel/components/DataState.tsx';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { usePcAccess } from '../access.ts';
import { FormAlert } from '../shared/FormAlert.tsx';
import { serverError } from '../shared/formErrors.ts';
import { causeName, useCapaAction, useCauses, type CauseCategory } from './capa.api.ts';

/** R315-21 (point 22(2)): the taxonomy of causes as data — the head and the service's head edit it; a used cause is retired. */
export function TaxonomyTab() {
  const { t } = useTranslation();
  const { org } = useSession();
  const access = usePcAccess();
  const causes = useCauses(org!.id);
  const seed = useCapaAction(org!.id);
  const all = causes.data ?? [];
  return (
    <Stack>
      {access.organise && causes.data?.length === 0 && (
        <Group>
          <Button onClick={() => seed.mutate({ path: '/capa/causes/defaults' })} loading={seed.isPending} data-testid="seed-taxonomy">
            {t('pc.capa.loadDefaults')}
          </Button>
          <ErrorAlert error={seed.error} />
        </Group>
      )}
      <DataState query={causes} empty={t('pc.capa.taxonomyEmpty')}>
        {(rows) => (
          <Stack gap="xs" data-testid="taxonomy">
            {rows
              .filter((c) => !c.parentId)
              .map((cat) => (
                <Paper key={cat.id} withBorder p="sm" radius="md">
                  <CauseRow c={cat} />
                  <Stack gap={4} pl="lg" mt={4}>
                    {all
                      .filter((s) => s.parentId === cat.id)
                      .map((s) => (
                        <CauseRow key={s.id} c={s} />
                      ))}
                  </Stack>
                </Paper>
              ))}
          </Stack>
        )}
      </DataState>
      {access.organise && all.length > 0 && <NewCauseForm categories={all.filter((c) => !c.parentId && !c.retiredAt)} />}
    </Stack>
  );
}

function CauseRow({ c }: { c: CauseCategory }) {
  const { t, i18n } = useTranslation();
  const { org } = useSession();
  const access = usePcAccess();
  const [editing, setEditing] = useState(false);
  const [names, setNames] = useState({ nameKk: c.nameKk, nameRu: c.nameRu, nameEn: c.nameEn });
  const rename = useCapaAction(org!.id, 'patch');
  const retire = useCapaAction(org!.id);
  const remove = useCapaAction(org!.id, 'delete');
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Text fw={c.parentId ? 400 : 600} td={c.retiredAt ? 'line-through' : undefined}>
          {c.code} — {causeName(c, i18n.language)}
        </Text>
        {c.retiredAt && <Badge color="gray">{t('pc.capa.retired')}</Badge>}
        {access.organise && !c.retiredAt && (
          <>
            <Button size="compact-xs" variant="subtle" onClick={() => setEditing((v) => !v)}>
              {t('pc.capa.rename')}
            </Button>
            <Button
              size="compact-xs"
              variant="subtle"
              color="orange"
              loading={retire.isPending}
              onClick={() => retire.mutate({ path: `/capa/causes/${c.id}/retire` })}
            >
              {t('pc.capa.retire')}
            </Button>
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              loading={remove.isPending}
              onClick={() => remove.mutate({ path: `/capa/causes/${c.id}` })}
            >
              {t('pc.capa.delete')}
            </Button>
          </>
        )}
      </Group>
      {editing && (
        <Group align="flex-end" gap="xs">
          {(['nameKk', 'nameRu', 'nameEn'] as const).map((k) => (
            <TextInput
              key={k}
              size="xs"
              label={t(`common:pc.capaField.${k}`)}
              value={names[k]}
              onChange={(e) => setNames({ ...names, [k]: e.currentTarget.value })}
            />
          ))}
          <Button
            size="xs"
            loading={rename.isPending}
            onClick={() => rename.mutate({ path: `/capa/causes/${c.id}`, body: names }, { onSuccess: () => setEditing(false) })}
          >
            {t('pc.capa.save')}
          </Button>
        </Group>
      )}
      <ErrorAlert error={rename.error ?? retire.error ?? remove.error} />
    </Stack>
  );
}

function NewCauseForm({ categories }: { categories: CauseCategory[] }) {
  const { t, i18n } = useTranslation();
  const { org } = useSession();
  const add = useCapaAction(org!.id);
  const empty = { code: '', nameKk: '', nameRu: '', nameEn: '' };
  const [v, setV] = useState(empty);
  const [parentId, setParentId] = useState<string | null>(null);
  const err = (f: string) => serverError(add.error, f);
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs">
        <Text fw={600}>{t('pc.capa.addCause')}</Text>
        <Group grow align="flex-start">
          <Select
            label={t('common:pc.capaField.parentId')}
            clearable
            placeholder={t('pc.capa.newCategory')}
            data={categories.map((c) => ({ value: c.id, label: `${c.code} — ${causeName(c, i18n.language)}` }))}
            value={parentId}
            onChange={setParentId}
            error={err('parentId')}
          />
          <TextInput
            label={t('common:pc.capaField.code')}
            value={v.code}
            onChange={(e) => setV({ ...v, code: e.currentTarget.value })}
            error={err('code')}
          />
        </Group>
        <Group grow align="flex-start">
          {(['nameKk', 'nameRu', 'nameEn'] as const).map((k) => (
            <TextInput
              key={k}
              label={t(`common:pc.capaField.${k}`)}
              value={v[k]}
              onChange={(e) => setV({ ...v, [k]: e.currentTarget.value })}
              error={err(k)}
            />
          ))}
        </Group>
        <FormAlert error={add.error} fields={['parentId', 'code', 'nameKk', 'nameRu', 'nameEn']} />
        <Group>
          <Button
            loading={add.isPending}
            disabled={!v.code.trim()}
            onClick={() => add.mutate({ path: '/capa/causes', body: { ...v, parentId } }, { onSuccess: () => setV(empty) })}
          >
            {t('pc.capa.add')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
