import { Badge, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { MANAGEMENT, MODULES, visibleItems, type NavItem } from './navigation.ts';
import { useSession } from './SessionContext.tsx';
import { HOME, isHome } from '../../app/paths.ts';

function Section({ title, items, onNavigate }: { title: string; items: NavItem[]; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  if (items.length === 0) return null;
  return (
    <Stack gap={2} component="section" aria-label={title}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="md" pb={4}>
        {title}
      </Text>
      {items.map((item) => (
        <NavLink
          key={item.path}
          component={Link}
          to={item.path}
          onClick={onNavigate}
          label={t(item.label)}
          active={pathname === item.path || pathname.startsWith(`${item.path}/`)}
          aria-current={pathname === item.path ? 'page' : undefined}
          rightSection={
            item.tag ? (
              <Badge size="xs" variant="light" color="gray">
                {item.tag}
              </Badge>
            ) : null
          }
          styles={{ label: { whiteSpace: 'normal' } }}
        />
      ))}
    </Stack>
  );
}

export function Navigation({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { access, org } = useSession();
  const { pathname } = useLocation();
  return (
    <ScrollArea component="nav" aria-label={t('shell.navigation')} style={{ flex: 1 }}>
      <NavLink component={Link} to={HOME} label={t('nav.home')} active={isHome(pathname)} onClick={onNavigate} />
      <Section title={t('nav.modules')} items={visibleItems(MODULES, access, org)} onNavigate={onNavigate} />
      <Section title={t('nav.management')} items={visibleItems(MANAGEMENT, access, org)} onNavigate={onNavigate} />
    </ScrollArea>
  );
}
