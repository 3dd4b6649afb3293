import { Button, Group, Paper, Select } from '@mantine/core';
import { GRANTABLE_ROLES } from '@baqylau/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useGrantRole } from '../members/members.queries.ts';
import { useUsers } from './admin.queries.ts';

export function GrantRoleForm({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const users = useUsers();
  const grant = useGrantRole(orgId);
  const [userId, setUserId] = useState<string | null>(null);
  const [role, setRole] = useState<string | null>('inspector');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!userId || !role) return;
    try {
      await grant.mutateAsync({ userId, role });
      setUserId(null);
    } catch {
      // shown below
    }
  };

  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} noValidate aria-label={t('admin.members.grantTitle')}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t('admin.members.user')}
          searchable
          required
          style={{ flex: '2 1 260px' }}
          data={(users.data ?? []).map((u) => ({ value: u.id, label: `${u.fullName} (${u.login})` }))}
          value={userId}
          onChange={setUserId}
        />
        <Select
          label={t('admin.user.role')}
          required
          style={{ flex: '1 1 200px' }}
          data={GRANTABLE_ROLES.map((r) => ({ value: r, label: t(`common:role.${r}`) }))}
          value={role}
          onChange={setRole}
          allowDeselect={false}
        />
        <Button type="submit" loading={grant.isPending} disabled={!userId || !role}>
          {t('admin.members.grant')}
        </Button>
      </Group>
      {grant.error ? <ErrorAlert error={grant.error} /> : null}
    </Paper>
  );
}
