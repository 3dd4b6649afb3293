import { Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useSwitchOrganisation } from '../auth/auth.queries.ts';
import { organisationName } from './access.ts';
import { useSession } from './SessionContext.tsx';

/** Users in several organisations choose which one they work in; others just see its name. */
export function OrganisationSwitch() {
  const { t, i18n } = useTranslation();
  const { me, org } = useSession();
  const switchOrg = useSwitchOrganisation();
  if (!org) return null;
  if (me.organisations.length < 2) {
    return (
      <Text size="sm" c="dimmed" truncate="end" title={organisationName(org, i18n.language)} maw={420}>
        {organisationName(org, i18n.language)}
      </Text>
    );
  }
  return (
    <>
      <Select
        aria-label={t('shell.organisation')}
        data={me.organisations.map((o) => ({ value: o.id, label: organisationName(o, i18n.language) }))}
        value={org.id}
        onChange={(id) => id && id !== org.id && switchOrg.mutate(id)}
        allowDeselect={false}
        disabled={switchOrg.isPending}
        size="sm"
        w={{ base: 200, md: 340 }}
        comboboxProps={{ width: 420, position: 'bottom-start' }}
      />
      {switchOrg.error ? <ErrorAlert error={switchOrg.error} /> : null}
    </>
  );
}
