import { AppShell, Burger, Group, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router-dom';
import { PageLoader } from '../components/PageLoader.tsx';
import { CatalogParts } from '../i18n/CatalogParts.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { Navigation } from './Navigation.tsx';
import { OrganisationSwitch } from './OrganisationSwitch.tsx';
import { useRuleSets } from './RuleSets.tsx';
import { useSession } from './SessionContext.tsx';
import { UserMenu } from './UserMenu.tsx';
import { HOME } from './paths.ts';

/** The signed-in frame, once the words of the rule sets this organisation uses are loaded (their entries are in it). */
export function ShellLayout() {
  const { org } = useSession();
  const ruleSets = useRuleSets();
  const parts = useMemo(() => ruleSets.filter((r) => r.serves(org)).map((r) => r.catalog), [ruleSets, org]);
  return (
    <CatalogParts parts={parts}>
      <Shell />
    </CatalogParts>
  );
}

function Shell() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  // Below the breakpoint a folded menu is moved off-screen; hide it so keyboard focus cannot land there.
  const wide = useMediaQuery('(min-width: 62em)', true);
  const folded = !wide && !opened;
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 280, breakpoint: 'md', collapsed: { mobile: !opened } }} padding="lg">
      <a className="skip-link" href="#main-content">
        {t('shell.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="md"
              size="sm"
              aria-label={t('shell.toggleNavigation')}
              aria-controls="main-navigation"
              aria-expanded={opened}
            />
            <Text component={Link} to={HOME} fw={800} size="lg" c="teal.8" style={{ textDecoration: 'none', flexShrink: 0 }}>
              {t('common:product')}
            </Text>
            <OrganisationSwitch />
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" id="main-navigation" style={folded ? { visibility: 'hidden' } : undefined}>
        <Navigation onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0" id="main-content" tabIndex={-1}>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
