import { Button, Checkbox, Group, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { organisationName } from '../../kernel/shell/access.ts';
import { useAddCommissionMember, useFormCommission, useMemberOrganisations } from '../competition.queries.ts';
import type { Commission, CompetitionPerson } from '../competition.types.ts';

const REPUBLICAN = 'republican';

/** Records a commission: the republican one (point 14) or a member organisation's for its stage I (point 13), by the decision forming it. */
export function FormCommissionForm({ orgId, yearId, formed }: { orgId: string; yearId: string; formed: Commission[] }) {
  const { t, i18n } = useTranslation();
  const form = useFormCommission(orgId, yearId);
  const memberOrganisations = useMemberOrganisations(orgId);
  const [whose, setWhose] = useState<string | null>(null);
  const [formedBy, setFormedBy] = useState('');
  const options = [
    ...(formed.some((c) => c.stage === 'II') ? [] : [{ value: REPUBLICAN, label: t('competition.commission.whoseRepublican') }]),
    ...(memberOrganisations.data ?? [])
      .filter((m) => !formed.some((c) => c.memberOrganisationId === m.id))
      .map((m) => ({ value: m.id, label: t('competition.commission.whoseRegional', { name: organisationName(m, i18n.language) }) })),
  ];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!whose) return;
    const input =
      whose === REPUBLICAN
        ? { level: 'republican' as const, formedBy: formedBy.trim() }
        : { level: 'regional' as const, memberOrganisationId: whose, formedBy: formedBy.trim() };
    form.mutate(input, {
      onSuccess: () => {
        setWhose(null);
        setFormedBy('');
      },
    });
  };
  return (
    <form onSubmit={submit} data-testid="form-commission">
      <Stack gap="xs">
        <ErrorAlert error={form.error} />
        <Group align="flex-end" grow wrap="wrap">
          <Select
            label={t('competition.commission.whose')}
            data={options}
            value={whose}
            onChange={setWhose}
            data-testid="commission-whose"
          />
          <TextInput
            label={t('competition.commission.formedBy')}
            data-testid="commission-formed-by"
            description={t('competition.commission.formedByHint')}
            value={formedBy}
            onChange={(e) => setFormedBy(e.currentTarget.value)}
          />
        </Group>
        <Group justify="flex-end">
          <Button type="submit" loading={form.isPending} disabled={!whose || formedBy.trim().length < 3} data-testid="commission-form">
            {t('competition.commission.form')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The secretary or the head adds a person holding the commission member role; at stage II, with the member organisation they come from (recusal). */
export function AddMemberForm({ orgId, commission, people }: { orgId: string; commission: Commission; people: CompetitionPerson[] }) {
  const { t, i18n } = useTranslation();
  const memberOrganisations = useMemberOrganisations(orgId);
  const add = useAddCommissionMember(orgId, commission.id);
  const [userId, setUserId] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [chair, setChair] = useState(false);
  const candidates = people.filter((p) => p.roles.includes('commission_member') && !commission.members.some((m) => m.userId === p.userId));
  const hasChair = commission.members.some((m) => m.chair);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (userId)
      add.mutate(
        { userId, memberOrganisationId: from ?? undefined, chair },
        {
          onSuccess: () => {
            setUserId(null);
            setFrom(null);
            setChair(false);
          },
        },
      );
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="xs" mt="sm">
        <ErrorAlert error={add.error} />
        <Group align="flex-end" grow wrap="wrap">
          <Select
            label={t('competition.commission.person')}
            data-testid="commission-person"
            data={candidates.map((p) => ({ value: p.userId, label: p.fullName }))}
            value={userId}
            onChange={setUserId}
          />
          {commission.stage === 'II' && (
            <Select
              label={t('competition.commission.fromLabel')}
              clearable
              data={(memberOrganisations.data ?? []).map((m) => ({ value: m.id, label: organisationName(m, i18n.language) }))}
              value={from}
              onChange={setFrom}
            />
          )}
        </Group>
        <Group justify="space-between">
          <Checkbox
            label={t('competition.commission.chair')}
            data-testid="commission-chair"
            checked={chair}
            disabled={hasChair}
            onChange={(e) => setChair(e.currentTarget.checked)}
          />
          <Button type="submit" variant="light" loading={add.isPending} disabled={!userId} data-testid="commission-add">
            {t('competition.commission.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
