import { Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/PageHeader.tsx';
import { MembersPanel } from './MembersPanel.tsx';
import { OrganisationsPanel } from './OrganisationsPanel.tsx';
import { UsersPanel } from './UsersPanel.tsx';

/** Platform administration: tenants, accounts, and roles in each organisation. No evidence here. */
export function AdminPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string | null>('organisations');
  const [membersOf, setMembersOf] = useState<string | null>(null);
  const openMembers = (orgId: string) => {
    setMembersOf(orgId);
    setTab('members');
  };
  return (
    <>
      <PageHeader title={t('admin.title')} description={t('admin.description')} />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="organisations">{t('admin.tab.organisations')}</Tabs.Tab>
          <Tabs.Tab value="users">{t('admin.tab.users')}</Tabs.Tab>
          <Tabs.Tab value="members">{t('admin.tab.members')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="organisations">
          <OrganisationsPanel onOpenMembers={openMembers} />
        </Tabs.Panel>
        <Tabs.Panel value="users">
          <UsersPanel />
        </Tabs.Panel>
        <Tabs.Panel value="members">
          <MembersPanel orgId={membersOf} onOrgChange={setMembersOf} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
