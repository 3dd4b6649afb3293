import {
  Anchor,
  Button,
  Group,
  MultiSelect,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { CAPA_SOURCES, type CapaKind, type CapaSource } from '@baqylau/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { DataState } from '../../kernel/components/DataState.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { formatDate } from '../../kernel/format/datetime.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { usePcAccess } from '../access.ts';
import { useFacilities } from '../facilities/facilities.queries.ts';
import { PC_HOME } from '../navigation.ts';
import { FormAlert } from '../shared/FormAlert.tsx';
import { serverError } from '../shared/formErrors.ts';
import { useViolations } from '../violations/violations.queries.ts';
import { CapaKindBadge, CapaStatusBadge } from './CapaBadges.tsx';
import { PlanProposalsTab } from './PlanProposalsTab.tsx';
import { TaxonomyTab } from './TaxonomyTab.tsx';
import { useCapaAction, useCapas, type CapaDetail } from './capa.api.ts';

/** R315-21 (points 21–23): corrective and preventive actions, the taxonomy of causes, proposals for next year's plan. */
export function CapaPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string | null>('capas');
  return (
    <>
      <PageHeader title={t('pc.capa.title')} description={t('pc.capa.description')} />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="capas">{t('pc.capa.tabs.capas')}</Tabs.Tab>
          <Tabs.Tab value="taxonomy">{t('pc.capa.tabs.taxonomy')}</Tabs.Tab>
          <Tabs.Tab value="plan">{t('pc.capa.tabs.plan')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="capas">
          <CapaList />
        </Tabs.Panel>
        <Tabs.Panel value="taxonomy">
          <TaxonomyTab />
        </Tabs.Panel>
        <Tabs.Panel value="plan">
          <PlanProposalsTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function CapaList() {
  const { t } = useTranslation();
  const { org } = useSession();
  const access = usePcAccess();
  const list = useCapas(org!.id);
  return (
    <Stack>
      {access.inspect && <OpenCapaForm />}
      <DataState query={list} empty={t('pc.capa.empty')}>
        {(rows) => (
          <Table striped data-testid="capa-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('pc.capa.number')}</Table.Th>
                <Table.Th>{t('pc.capa.kind')}</Table.Th>
                <Table.Th>{t('pc.capa.titleField')}</Table.Th>
                <Table.Th>{t('pc.capa.place')}</Table.Th>
                <Table.Th>{t('pc.capa.status')}</Table.Th>
                <Table.Th>{t('pc.capa.openedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`${PC_HOME}/capa/${c.id}`}>
                      {c.number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <CapaKindBadge kind={c.kind} />
                  </Table.Td>
                  <Table.Td>{c.title}</Table.Td>
                  <Table.Td>{[c.facilityName, c.unitName].filter(Boolean).join(' — ') || '—'}</Table.Td>
                  <Table.Td>
                    <CapaStatusBadge status={c.status} />
                    {c.round > 1 && (
                      <Text size="xs" c="dimmed">
                        {t('pc.capa.round', { round: c.round })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{formatDate(c.openedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </DataState>
    </Stack>
  );
}

/** Point 22: a corrective action over violations found; point 23: a preventive one from an information source. */
function OpenCapaForm() {
  const { t } = useTranslation();
  const { org } = useSession();
  const navigate = useNavigate();
  const [kind, setKind] = useState<CapaKind>('corrective');
  const [title, setTitle] = useState('');
  const [violationIds, setViolationIds] = useState<string[]>([]);
  const [source, setSource] = useState<CapaSource | null>(null);
  const [sourceDescription, setSourceDescription] = useState('');
  const [forecastDescription, setForecastDescription] = useState('');
  const [facilityId, setFacilityId] = useState<string | null>(null);
  const [unitId, setUnitId] = useState<string | null>(null);
  const violations = useViolations(org!.id, {});
  const facilities = useFacilities(org!.id);
  const open = useCapaAction<unknown, CapaDetail>(org!.id);
  const units = facilities.data?.find((f) => f.id === facilityId)?.units ?? [];
  const submit = () =>
    open.mutate(
      {
        path: '/capas',
        body:
          kind === 'corrective'
            ? { kind, title, violationIds }
            : { kind, title, source, sourceDescription, forecastDescription: forecastDescription || null, facilityId, unitId },
      },
      { onSuccess: (c) => navigate(`${PC_HOME}/capa/${c.id}`) },
    );
  const err = (f: string) => serverError(open.error, f);
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Text fw={600}>{t('pc.capa.open')}</Text>
        <SegmentedControl
          value={kind}
          onChange={(v) => setKind(v as CapaKind)}
          data={(['corrective', 'preventive'] as const).map((k) => ({ value: k, label: t(`common:pc.capaKind.${k}`) }))}
        />
        <TextInput
          label={t('common:pc.capaField.title')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={err('title')}
        />
        {kind === 'corrective' ? (
          <MultiSelect
            label={t('common:pc.capaField.violationIds')}
            description={t('pc.capa.violationsHint')}
            searchable
            data={(violations.data?.items ?? []).map((v) => ({
              value: v.id,
              label: `${v.description} (${v.facilityName}${v.unitName ? ` — ${v.unitName}` : ''})`,
            }))}
            value={violationIds}
            onChange={setViolationIds}
            error={err('violationIds')}
          />
        ) : (
          <>
            <Select
              label={t('common:pc.capaField.source')}
              data={CAPA_SOURCES.map((s) => ({ value: s, label: t(`common:pc.capaSource.${s}`) }))}
              value={source}
              onChange={(v) => setSource(v as CapaSource | null)}
              error={err('source')}
            />
            <Textarea
              label={t('common:pc.capaField.sourceDescription')}
              autosize
              minRows={2}
              value={sourceDescription}
              onChange={(e) => setSourceDescription(e.currentTarget.value)}
              error={err('sourceDescription')}
            />
            <Textarea
              label={t('common:pc.capaField.forecastDescription')}
              autosize
              minRows={2}
              value={forecastDescription}
              onChange={(e) => setForecastDescription(e.currentTarget.value)}
              error={err('forecastDescription')}
            />
            <Group grow>
              <Select
                label={t('common:pc.capaField.facilityId')}
                clearable
                data={(facilities.data ?? []).map((f) => ({ value: f.id, label: f.name }))}
                value={facilityId}
                onChange={(v) => {
                  setFacilityId(v);
                  setUnitId(null);
                }}
                error={err('facilityId')}
              />
              <Select
                label={t('common:pc.capaField.unitId')}
                clearable
                data={units.map((u) => ({ value: u.id, label: u.name }))}
                value={unitId}
                onChange={setUnitId}
                error={err('unitId')}
              />
            </Group>
          </>
        )}
        <FormAlert
          error={open.error}
          fields={['title', 'violationIds', 'source', 'sourceDescription', 'forecastDescription', 'facilityId', 'unitId']}
        />
        <Group>
          <Button onClick={submit} loading={open.isPending} disabled={!title.trim()} data-testid="open-capa">
            {t('pc.capa.openSubmit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
