import { Badge, Button, Group, Paper, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DataState } from '../../kernel/components/DataState.tsx';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { formatDateTime } from '../../kernel/format/datetime.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { usePcAccess } from '../access.ts';
import { PC_HOME } from '../navigation.ts';
import type { Proposal } from '../shared/pc.types.ts';
import { useProposalSteps, useProposals } from '../violations/violations.queries.ts';

/** Proposals to the first head (R315-9, R315-27, R315-4): suspend work, remove untrained staff — decided by order and tracked to closure. */
export function ProposalsPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const [state, setState] = useState<'pending' | 'open' | 'all'>('open');
  const list = useProposals(org!.id, state);
  return (
    <>
      <PageHeader title={t('pc.proposals.title')} description={t('pc.proposals.description')} />
      <SegmentedControl
        mb="md"
        value={state}
        onChange={(v) => setState(v as typeof state)}
        data={(['pending', 'open', 'all'] as const).map((s) => ({ value: s, label: t(`pc.proposals.state.${s}`) }))}
      />
      <DataState query={list} empty={t('pc.proposals.empty')}>
        {(rows) => (
          <Stack gap="sm" data-testid="proposals">
            {rows.map((p) => (
              <ProposalCard key={p.id} p={p} />
            ))}
          </Stack>
        )}
      </DataState>
    </>
  );
}

function ProposalCard({ p }: { p: Proposal }) {
  const { t } = useTranslation();
  const { org } = useSession();
  const access = usePcAccess();
  const { decide, close } = useProposalSteps(org!.id);
  const [orderNumber, setOrderNumber] = useState('');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const color = p.status === 'pending' ? 'red' : p.status === 'accepted' && !p.closedAt ? 'orange' : 'gray';
  return (
    <Paper withBorder radius="md" p="md" data-testid={`proposal-${p.kind}`}>
      <Stack gap={6}>
        <Group gap="xs">
          <Badge color={p.kind === 'suspend_work' ? 'red' : 'orange'}>{t(`common:pc.proposalKind.${p.kind}`)}</Badge>
          <Badge color={color} variant="light">
            {p.closedAt ? t('pc.proposals.closed') : t(`pc.proposals.status.${p.status}`)}
          </Badge>
          <Text size="sm" c="dimmed">
            {p.facilityName}
            {p.unitName && ` — ${p.unitName}`} · {formatDateTime(p.proposedAt)} · {p.proposedByName}
          </Text>
        </Group>
        {p.staffMember && <Text fw={600}>{p.staffMember}</Text>}
        <Text>{p.description}</Text>
        {p.violationId && (
          <Text component={Link} to={`${PC_HOME}/violations/${p.violationId}`} size="sm" c="teal.8">
            {t('pc.proposals.violation')}
          </Text>
        )}
        {p.decidedAt && (
          <Text size="sm">
            {p.status === 'accepted'
              ? t('pc.proposals.acceptedBy', { number: p.decisionOrderNumber ?? '', at: formatDateTime(p.decidedAt) })
              : t('pc.proposals.rejectedBecause', { reason: p.decisionNote ?? '', at: formatDateTime(p.decidedAt) })}
          </Text>
        )}
        {p.closedAt && <Text size="sm">{t('pc.proposals.closedWith', { note: p.closingNote ?? '', at: formatDateTime(p.closedAt) })}</Text>}
        <ErrorAlert error={decide.error ?? close.error} />
        {access.firstHead && p.status === 'pending' && (
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label={t('pc.proposals.orderNumber')}
              value={orderNumber}
              onChange={(e) => setOrderNumber(e.currentTarget.value)}
              maxLength={50}
            />
            <Button
              color="red"
              disabled={!orderNumber.trim()}
              loading={decide.isPending}
              onClick={() => decide.mutate({ id: p.id, accept: true, orderNumber: orderNumber.trim() })}
              data-testid="accept"
            >
              {t('pc.proposals.accept')}
            </Button>
            <TextInput
              label={t('pc.proposals.reason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              maxLength={4000}
            />
            <Button
              variant="default"
              disabled={reason.trim().length < 3}
              loading={decide.isPending}
              onClick={() => decide.mutate({ id: p.id, accept: false, reason: reason.trim() })}
            >
              {t('pc.proposals.reject')}
            </Button>
          </Group>
        )}
        {access.firstHead && p.status === 'accepted' && !p.closedAt && (
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label={t(`pc.proposals.closeNote.${p.kind}`)}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              maxLength={4000}
              style={{ flex: '1 1 320px' }}
            />
            <Button
              disabled={note.trim().length < 3}
              loading={close.isPending}
              onClick={() => close.mutate({ id: p.id, note: note.trim() })}
              data-testid="close"
            >
              {t('pc.proposals.close')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
