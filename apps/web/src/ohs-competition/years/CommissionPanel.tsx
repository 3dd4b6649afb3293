import { Badge, Button, Checkbox, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { useMembers } from '../../kernel/members/members.queries.ts';
import { hasRole, organisationName } from '../../kernel/shell/access.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { useCompetitionAccess } from '../access.ts';
import { useAddCommissionMember, useCommissions, useFormCommission, useMemberOrganisations } from '../competition.queries.ts';
import type { Commission } from '../competition.types.ts';

/** RC-12: the year's commissions, their members and chair, and each member's member organisation (recusal). */
export function CommissionPanel({ orgId, yearId }: { orgId: string; yearId: string }) {
  const { t, i18n } = useTranslation();
  const access = useCompetitionAccess();
  const commissions = useCommissions(orgId, yearId);
  const members = useMemberOrganisations(orgId);
  const memberName = (id: string | null) => {
    const m = id ? members.data?.find((x) => x.id === id) : undefined;
    return m ? organisationName(m, i18n.language) : '';
  };
  const republican = commissions.data?.find((c) => c.level === 'republican');
  return (
    <>
      <Title order={2} size="h4" mb="xs">
        {t('competition.commission.title')}
      </Title>
      <Paper withBorder radius="md" p="md" data-testid="commission">
        {republican ? (
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              {republican.formedBy}
            </Text>
            {republican.members.map((m) => (
              <Group key={m.userId} gap="xs">
                <Text size="sm">{m.fullName}</Text>
                {m.chair && <Badge size="xs">{t('common:competition.pdf.chair')}</Badge>}
                {m.memberOrganisationId && (
                  <Text size="xs" c="dimmed">
                    {t('competition.commission.from', { name: memberName(m.memberOrganisationId) })}
                  </Text>
                )}
              </Group>
            ))}
            {access.organise && <AddMemberForm orgId={orgId} commission={republican} />}
          </Stack>
        ) : access.organise ? (
          <FormCommissionForm orgId={orgId} yearId={yearId} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('competition.commission.none')}
          </Text>
        )}
      </Paper>
    </>
  );
}

function FormCommissionForm({ orgId, yearId }: { orgId: string; yearId: string }) {
  const { t } = useTranslation();
  const form = useFormCommission(orgId, yearId);
  const [formedBy, setFormedBy] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.mutate({ level: 'republican', formedBy: formedBy.trim() });
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <ErrorAlert error={form.error} />
        <TextInput
          label={t('competition.commission.formedBy')}
          description={t('competition.commission.formedByHint')}
          value={formedBy}
          onChange={(e) => setFormedBy(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={form.isPending} disabled={formedBy.trim().length < 3}>
            {t('competition.commission.form')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The head picks people holding the commission member role (the members list is the head's to read). */
function AddMemberForm({ orgId, commission }: { orgId: string; commission: Commission }) {
  const { t, i18n } = useTranslation();
  const { org } = useSession();
  const people = useMembers(orgId, hasRole(org, ['head']));
  const memberOrganisations = useMemberOrganisations(orgId);
  const add = useAddCommissionMember(orgId, commission.id);
  const [userId, setUserId] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [chair, setChair] = useState(false);
  if (!hasRole(org, ['head'])) return null;
  const candidates = (people.data ?? []).filter(
    (p) => p.roles.includes('commission_member') && !commission.members.some((m) => m.userId === p.id),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (userId) add.mutate({ userId, memberOrganisationId: from ?? undefined, chair }, { onSuccess: () => setUserId(null) });
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="xs" mt="sm">
        <ErrorAlert error={add.error} />
        <Group align="flex-end" grow wrap="wrap">
          <Select
            label={t('competition.commission.person')}
            data={candidates.map((p) => ({ value: p.id, label: p.fullName }))}
            value={userId}
            onChange={setUserId}
          />
          <Select
            label={t('competition.commission.fromLabel')}
            clearable
            data={(memberOrganisations.data ?? []).map((m) => ({ value: m.id, label: organisationName(m, i18n.language) }))}
            value={from}
            onChange={setFrom}
          />
        </Group>
        <Group justify="space-between">
          <Checkbox label={t('competition.commission.chair')} checked={chair} onChange={(e) => setChair(e.currentTarget.checked)} />
          <Button type="submit" variant="light" loading={add.isPending} disabled={!userId}>
            {t('competition.commission.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
