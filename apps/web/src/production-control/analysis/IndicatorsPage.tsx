import { Badge, Button, Checkbox, Group, Modal, NumberInput, Paper, Select, SimpleGrid, Stack, Table, TextInput } from '@mantine/core';
import { INDICATOR_DIRECTIONS, INDICATOR_FORMULAS, type IndicatorDefinition } from '@baqylau/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { hasRole } from '../../kernel/shell/access.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { FormAlert } from '../shared/FormAlert.tsx';
import { serverError } from '../shared/formErrors.ts';
import { indicatorName, useDefineIndicator, useIndicators } from './analysis.api.ts';

type Draft = Omit<IndicatorDefinition, 'version'>;
const EMPTY: Draft = {
  code: '',
  nameKk: '',
  nameRu: '',
  nameEn: '',
  formula: 'measures_closed_on_time_share',
  target: 0,
  direction: 'at_least',
  active: true,
};
/** The editor's fields: a stored definition without its version number. */
const draftOf = ({ version: _version, ...d }: IndicatorDefinition): Draft => d;
const FIELDS = ['code', 'nameKk', 'nameRu', 'nameEn', 'target'] as const;

function Editor({ initial, isNew, onClose }: { initial: Draft; isNew: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { org } = useSession();
  const save = useDefineIndicator(org!.id);
  const [d, setD] = useState(initial);
  const err = (f: string) => serverError(save.error, f);
  const text = (f: 'code' | 'nameKk' | 'nameRu' | 'nameEn') => (
    <TextInput
      label={t(`pc.indicators.${f}`)}
      value={d[f]}
      readOnly={f === 'code' && !isNew}
      onChange={(e) => setD({ ...d, [f]: e.currentTarget.value })}
      error={err(f)}
    />
  );
  return (
    <Stack>
      <FormAlert error={save.error} fields={FIELDS} />
      {text('code')}
      {text('nameKk')}
      {text('nameRu')}
      {text('nameEn')}
      <Select
        label={t('pc.indicators.formula')}
        data={INDICATOR_FORMULAS.map((f) => ({ value: f, label: t(`pc.indicators.formulas.${f}`) }))}
        value={d.formula}
        onChange={(v) => v && setD({ ...d, formula: v as Draft['formula'] })}
        allowDeselect={false}
      />
      <SimpleGrid cols={2}>
        <Select
          label={t('pc.indicators.direction')}
          data={INDICATOR_DIRECTIONS.map((x) => ({ value: x, label: t(`common:pc.doc.analysis.direction.${x}`) }))}
          value={d.direction}
          onChange={(v) => v && setD({ ...d, direction: v as Draft['direction'] })}
          allowDeselect={false}
        />
        <NumberInput
          label={t('pc.indicators.target')}
          value={d.target}
          onChange={(v) => setD({ ...d, target: Number(v) })}
          error={err('target')}
        />
      </SimpleGrid>
      <Checkbox label={t('pc.indicators.active')} checked={d.active} onChange={(e) => setD({ ...d, active: e.currentTarget.checked })} />
      <Button loading={save.isPending} onClick={() => save.mutate(d, { onSuccess: onClose })}>
        {t('pc.indicators.save')}
      </Button>
    </Stack>
  );
}

/** R315-20: the efficiency indicators as data — the head and the service's head edit them (each edit a new version). */
export function IndicatorsPage() {
  const { t, i18n } = useTranslation();
  const { org } = useSession();
  const list = useIndicators(org!.id);
  const [editing, setEditing] = useState<{ d: Draft; isNew: boolean } | null>(null);
  const may = hasRole(org, ['head', 'pc_service_head']);
  return (
    <>
      <PageHeader
        title={t('pc.indicators.title')}
        description={t('pc.indicators.description')}
        actions={may && <Button onClick={() => setEditing({ d: EMPTY, isNew: true })}>{t('pc.indicators.add')}</Button>}
      />
      <ErrorAlert error={list.error} />
      <Paper withBorder radius="md">
        <Table verticalSpacing="xs" data-testid="indicators">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('pc.indicators.name')}</Table.Th>
              <Table.Th>{t('pc.indicators.formula')}</Table.Th>
              <Table.Th>{t('common:pc.doc.analysis.col.target')}</Table.Th>
              <Table.Th>{t('pc.indicators.version')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.items.map((d) => (
              <Table.Tr key={d.code} opacity={d.active ? 1 : 0.5}>
                <Table.Td>
                  {indicatorName(d, i18n.language)} {!d.active && <Badge color="gray">{t('pc.indicators.inactive')}</Badge>}
                </Table.Td>
                <Table.Td>{t(`pc.indicators.formulas.${d.formula}`)}</Table.Td>
                <Table.Td>
                  {t(`common:pc.doc.analysis.direction.${d.direction}`)} {d.target}
                </Table.Td>
                <Table.Td>{d.version === 0 ? t('pc.indicators.default') : d.version}</Table.Td>
                <Table.Td>
                  {may && (
                    <Group justify="flex-end">
                      <Button size="xs" variant="default" onClick={() => setEditing({ d: draftOf(d), isNew: false })}>
                        {t('pc.indicators.edit')}
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Modal opened={!!editing} onClose={() => setEditing(null)} title={t('pc.indicators.editTitle')} size="lg">
        {editing && <Editor initial={editing.d} isNew={editing.isNew} onClose={() => setEditing(null)} />}
      </Modal>
    </>
  );
}
