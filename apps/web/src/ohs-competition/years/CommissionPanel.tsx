import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { organisationName } from '../../kernel/shell/access.ts';
import { useCompetitionAccess } from '../access.ts';
import { useCommissions, useMemberOrganisations, usePeople } from '../competition.queries.ts';
import type { Commission } from '../competition.types.ts';
import { AddMemberForm, FormCommissionForm } from './CommissionForms.tsx';

/**
 * RC-12: the year's commissions — the republican one (stage II, point 14) and each member
 * organisation's (stage I, point 13) — with their members and chair and each member's member
 * organisation (recusal). The secretary and the head form them and add their members.
 */
export function CommissionPanel({ orgId, yearId }: { orgId: string; yearId: string }) {
  const { t, i18n } = useTranslation();
  const access = useCompetitionAccess();
  const commissions = useCommissions(orgId, yearId);
  const members = useMemberOrganisations(orgId);
  const people = usePeople(orgId, access.organise);
  const memberName = (id: string | null) => {
    const m = id ? members.data?.find((x) => x.id === id) : undefined;
    return m ? organisationName(m, i18n.language) : '';
  };
  // The republican commission first, then the member organisations' in the order they were formed.
  const list = [...(commissions.data ?? [])].sort((a, b) => Number(a.stage === 'I') - Number(b.stage === 'I'));
  const title = (c: Commission) =>
    c.stage === 'II'
      ? t('competition.commission.republican')
      : t('competition.commission.regional', { name: memberName(c.memberOrganisationId) });
  return (
    <>
      <Title order={2} size="h4" mb="xs">
        {t('competition.commission.title')}
      </Title>
      <Stack gap="sm" data-testid="commission">
        {list.map((c) => (
          <Paper key={c.id} withBorder radius="md" p="md" data-testid={`commission-${c.memberOrganisationId ?? 'republican'}`}>
            <Stack gap={4}>
              <Group gap="xs">
                <Text fw={600} size="sm">
                  {title(c)}
                </Text>
                <Badge size="xs" variant="light">
                  {t('competition.commission.stage', { stage: c.stage })}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {c.formedBy}
              </Text>
              {c.members.map((m) => (
                <Group key={m.userId} gap="xs">
                  <Text size="sm">{m.fullName}</Text>
                  {m.chair && <Badge size="xs">{t('common:competition.pdf.chair')}</Badge>}
                  {c.stage === 'II' && m.memberOrganisationId && (
                    <Text size="xs" c="dimmed">
                      {t('competition.commission.from', { name: memberName(m.memberOrganisationId) })}
                    </Text>
                  )}
                </Group>
              ))}
              {access.organise && <AddMemberForm orgId={orgId} commission={c} people={people.data ?? []} />}
            </Stack>
          </Paper>
        ))}
        {list.length === 0 && !access.organise && (
          <Text size="sm" c="dimmed">
            {t('competition.commission.none')}
          </Text>
        )}
        {access.organise && (
          <Paper withBorder radius="md" p="md">
            <FormCommissionForm orgId={orgId} yearId={yearId} formed={list} />
          </Paper>
        )}
      </Stack>
    </>
  );
}
