import { Button, Group, Paper, Select } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../components/DateField.tsx';
import { useMembers } from '../members/members.queries.ts';
import type { LedgerFilter } from './audit.queries.ts';

/** Every action the catalog names (the ledger records nothing else); AuditPage has every rule set's words loaded. */
const actionsIn = (common: Record<string, string> | undefined) =>
  Object.keys(common ?? {})
    .filter((k) => k.startsWith('action.'))
    .map((k) => k.slice('action.'.length));

interface Props {
  orgId: string;
  value: LedgerFilter;
  onChange: (f: LedgerFilter) => void;
  onReset: () => void;
}

export function LedgerFilters({ orgId, value, onChange, onReset }: Props) {
  const { t, i18n } = useTranslation();
  const actions = useMemo(() => actionsIn(i18n.getResourceBundle(i18n.language, 'common')), [i18n, i18n.language]);
  const members = useMembers(orgId);
  const set = (patch: Partial<LedgerFilter>) => onChange({ ...value, ...patch });
  const active = Object.values(value).some((v) => v !== null);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={t('audit.filters')}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t('audit.actor')}
          placeholder={t('audit.anyone')}
          clearable
          searchable
          style={{ flex: '2 1 220px' }}
          data={(members.data ?? []).map((m) => ({ value: m.id, label: m.fullName }))}
          value={value.actorId}
          onChange={(v) => set({ actorId: v })}
        />
        <Select
          label={t('audit.action')}
          placeholder={t('audit.anyAction')}
          clearable
          searchable
          style={{ flex: '2 1 220px' }}
          data={actions.map((a) => ({ value: a, label: t(`common:action.${a}`) }))}
          value={value.action}
          onChange={(v) => set({ action: v })}
        />
        <DateField label={t('audit.from')} clearable style={{ flex: '1 1 150px' }} value={value.from} onChange={(v) => set({ from: v })} />
        <DateField label={t('audit.to')} clearable style={{ flex: '1 1 150px' }} value={value.to} onChange={(v) => set({ to: v })} />
        <Button variant="default" onClick={onReset} disabled={!active}>
          {t('audit.resetFilters')}
        </Button>
      </Group>
    </Paper>
  );
}
