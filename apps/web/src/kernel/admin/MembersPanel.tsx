import { Badge, CloseButton, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataState } from '../components/DataState.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useMembers, useRevokeRole } from '../members/members.queries.ts';
import { organisationName } from '../shell/access.ts';
import { useOrganisations } from './admin.queries.ts';
import { GrantRoleForm } from './GrantRoleForm.tsx';

/** Roles of people in one organisation; the responsible person's role follows from an appointment and is not revoked here. */
export function MembersPanel({ orgId, onOrgChange }: { orgId: string | null; onOrgChange: (id: string | null) => void }) {
  const { t, i18n } = useTranslation();
  const orgs = useOrganisations();
  const members = useMembers(orgId);
  const revoke = useRevokeRole(orgId ?? '');
  return (
    <Stack gap="md">
      <Select
        label={t('admin.members.organisation')}
        placeholder={t('admin.members.choose')}
        searchable
        maw={560}
        data={(orgs.data ?? []).map((o) => ({ value: o.id, label: organisationName(o, i18n.language) }))}
        value={orgId}
        onChange={onOrgChange}
      />
      {orgId && (
        <>
          <GrantRoleForm orgId={orgId} />
          <ErrorAlert error={revoke.error} />
          <Paper withBorder radius="md">
            <DataState query={members} empty={t('admin.members.empty')}>
              {(rows) => (
                <Table.ScrollContainer minWidth={600}>
                  <Table striped verticalSpacing="sm" aria-label={t('admin.tab.members')}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('admin.user.fullName')}</Table.Th>
                        <Table.Th>{t('admin.user.login')}</Table.Th>
                        <Table.Th>{t('admin.members.roles')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {rows.map((m) => (
                        <Table.Tr key={m.id}>
                          <Table.Td>
                            {m.fullName}
                            {m.disabled && (
                              <Text span c="dimmed" size="xs">
                                {' '}
                                ({t('admin.members.disabled')})
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td ff="monospace">{m.login}</Table.Td>
                          <Table.Td>
                            <Group gap={6}>
                              {m.roles.map((r) => (
                                <Badge
                                  key={r}
                                  variant="light"
                                  color={r === 'responsible' ? 'grape' : 'teal'}
                                  pr={r === 'responsible' ? undefined : 3}
                                  rightSection={
                                    r === 'responsible' ? null : (
                                      <CloseButton
                                        size="xs"
                                        aria-label={t('admin.members.revoke', { role: t(`common:role.${r}`), name: m.fullName })}
                                        disabled={revoke.isPending}
                                        onClick={() => revoke.mutate({ userId: m.id, role: r })}
                                      />
                                    )
                                  }
                                >
                                  {t(`common:role.${r}`)}
                                </Badge>
                              ))}
                            </Group>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </DataState>
          </Paper>
        </>
      )}
    </Stack>
  );
}
