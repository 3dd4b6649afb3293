import { Stack } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/PageHeader.tsx';
import { CatalogParts } from '../i18n/CatalogParts.tsx';
import { useRuleSets } from '../shell/RuleSets.tsx';
import { useSession } from '../shell/SessionContext.tsx';
import type { LedgerFilter } from './audit.queries.ts';
import { IntegrityPanel } from './IntegrityPanel.tsx';
import { LedgerFilters } from './LedgerFilters.tsx';
import { LedgerList } from './LedgerList.tsx';
import { RefusalsPanel } from './RefusalsPanel.tsx';

const NO_FILTER: LedgerFilter = { actorId: null, action: null, from: null, to: null };

/** The organisation's hash-chained ledger: who did what and when, and proof that nothing was changed. */
export function AuditPage() {
  // Entries name the actions, subjects and fields of every rule set: all their words are needed here.
  const ruleSets = useRuleSets();
  const parts = useMemo(() => ruleSets.map((r) => r.catalog), [ruleSets]);
  return (
    <CatalogParts parts={parts}>
      <AuditLedger />
    </CatalogParts>
  );
}

function AuditLedger() {
  const { t } = useTranslation();
  const { org, access } = useSession();
  const orgId = org!.id;
  const [filter, setFilter] = useState<LedgerFilter>(NO_FILTER);
  return (
    <Stack gap="lg">
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <IntegrityPanel orgId={orgId} canSign={access.signCheckpoint} />
      <RefusalsPanel orgId={orgId} />
      <LedgerFilters orgId={orgId} value={filter} onChange={setFilter} onReset={() => setFilter(NO_FILTER)} />
      <LedgerList orgId={orgId} filter={filter} />
    </Stack>
  );
}
