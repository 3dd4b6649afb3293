import { Avatar, Button, Menu, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLogout } from '../auth/auth.queries.ts';
import { roleLabel } from './access.ts';
import { useSession } from './SessionContext.tsx';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .slice(0, 2)
    .map((w) => w[0] ?? '')
    .join('')
    .toUpperCase();

export function UserMenu() {
  const { t } = useTranslation();
  const { me, org } = useSession();
  const logout = useLogout();
  return (
    <Menu position="bottom-end" withinPortal width={280}>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          size="sm"
          px={6}
          aria-label={t('shell.userMenu', { name: me.fullName })}
          leftSection={
            <Avatar size={28} radius="xl" color="teal">
              {initials(me.fullName)}
            </Avatar>
          }
        >
          <Text size="sm" visibleFrom="lg" truncate="end" maw={180}>
            {me.fullName}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="dark">
            {me.fullName}
          </Text>
          <Text size="xs">{me.login}</Text>
          {me.isPlatformAdmin && <Text size="xs">{t('common:role.platformAdmin')}</Text>}
          {org?.roles.map((r) => (
            <Text size="xs" key={r}>
              {roleLabel(t, r, org?.type)}
            </Text>
          ))}
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item onClick={() => logout.mutate(false)}>{t('shell.signOut')}</Menu.Item>
        <Menu.Item color="red" onClick={() => logout.mutate(true)}>
          {t('shell.signOutEverywhere')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
