import { Button, Group, Select, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { useAssignCoordinator } from '../competition.queries.ts';
import type { CompetitionPerson, MemberOrganisation } from '../competition.types.ts';

/** The secretary (or the head) makes a person holding the coordinator role the coordinator of a member organisation. */
export function AssignCoordinatorForm({
  orgId,
  memberOrganisation,
  people,
}: {
  orgId: string;
  memberOrganisation: MemberOrganisation;
  people: CompetitionPerson[];
}) {
  const { t } = useTranslation();
  const assign = useAssignCoordinator(orgId, memberOrganisation.id);
  const [userId, setUserId] = useState<string | null>(null);
  const candidates = people.filter(
    (p) => p.roles.includes('member_coordinator') && !memberOrganisation.coordinators.some((c) => c.userId === p.userId),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (userId) assign.mutate(userId, { onSuccess: () => setUserId(null) });
  };
  return (
    <form onSubmit={submit} data-testid={`assign-coordinator-${memberOrganisation.id}`}>
      <Stack gap={4}>
        <ErrorAlert error={assign.error} />
        <Group align="flex-end" gap="xs">
          <Select
            size="xs"
            aria-label={t('competition.members.coordinator')}
            placeholder={t('competition.members.coordinator')}
            data={candidates.map((p) => ({ value: p.userId, label: p.fullName }))}
            value={userId}
            onChange={setUserId}
            w={260}
            data-testid="coordinator-select"
          />
          <Button type="submit" size="xs" variant="light" loading={assign.isPending} disabled={!userId}>
            {t('competition.members.assign')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
