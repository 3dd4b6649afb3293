import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLogout } from './auth.queries.ts';

/** Leave a half-finished sign-in (e.g. to sign in as someone else). */
export function SignOutLink() {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <Button variant="subtle" size="compact-sm" onClick={() => logout.mutate(false)} loading={logout.isPending}>
      {t('auth.otherUser')}
    </Button>
  );
}
