import { Badge, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { MANAGEMENT, visibleItems, type NavItem } from './navigation.ts';
import { useModules } from './RuleSets.tsx';
import { useSession } from './SessionContext.tsx';
import { HOME, isHome } from './paths.ts';

function Section({ title, items, onNavigate }: { title: string; items: NavItem[]; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { access, org } = useSession();
  const { pathname } = useLocation();
  if (items.length === 0) return null;
  return (
    <Stack gap={2} component="section" aria-label={title}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="md" pb={4}>
        {title}
      </Text>
      {items.map((item) => {
        const inside = pathname === item.path || pathname.startsWith(`${item.path}/`);
        const children = inside ? visibleItems(item.children ?? [], access, org) : [];
        return (
          <Fragment key={item.path}>
            <NavLink
              component={Link}
              to={item.path}
              onClick={onNavigate}
              label={t(item.label)}
              active={children.length === 0 && (item.exact ? pathname === item.path : inside)}
              aria-current={pathname === item.path && children.length === 0 ? 'page' : undefined}
              rightSection={
                item.tag ? (
                  <Badge size="xs" variant="light" color="gray">
                    {item.tag}
                  </Badge>
                ) : null
              }
              styles={{ label: { whiteSpace: 'normal' } }}
            />
            {children.length > 0 && (
              <Stack gap={2} pl="md" component="ul" aria-label={t(item.label)} style={{ listStyle: 'none', margin: 0 }}>
                {children.map((c) => {
                  const active = c.exact ? pathname === c.path : pathname === c.path || pathname.startsWith(`${c.path}/`);
                  return (
                    <li key={c.path}>
                      <NavLink
                        component={Link}
                        to={c.path}
                        onClick={onNavigate}
                        label={t(c.label)}
                        active={active}
                        aria-current={active ? 'page' : undefined}
                        styles={{ label: { whiteSpace: 'normal' } }}
                      />
                    </li>
                  );
                })}
              </Stack>
            )}
          </Fragment>
        );
      })}
    </Stack>
  );
}

export function Navigation({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { access, org } = useSession();
  const modules = useModules();
  const { pathname } = useLocation();
  return (
    <ScrollArea component="nav" aria-label={t('shell.navigation')} style={{ flex: 1 }}>
      <NavLink component={Link} to={HOME} label={t('nav.home')} active={isHome(pathname)} onClick={onNavigate} />
      <Section title={t('nav.modules')} items={visibleItems(modules, access, org)} onNavigate={onNavigate} />
      <Section title={t('nav.management')} items={visibleItems(MANAGEMENT, access, org)} onNavigate={onNavigate} />
    </ScrollArea>
  );
}
