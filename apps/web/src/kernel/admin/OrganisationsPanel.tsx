import { Button, Group, Modal, Paper, Table, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { DataState } from '../components/DataState.tsx';
import { organisationName } from '../shell/access.ts';
import { useOrganisations } from './admin.queries.ts';
import { CreateOrganisationForm } from './CreateOrganisationForm.tsx';

export function OrganisationsPanel({ onOpenMembers }: { onOpenMembers: (orgId: string) => void }) {
  const { t, i18n } = useTranslation();
  const orgs = useOrganisations();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Group justify="flex-end" mb="sm">
        <Button onClick={open}>{t('admin.org.create')}</Button>
      </Group>
      <Paper withBorder radius="md">
        <DataState query={orgs} empty={t('admin.org.empty')}>
          {(rows) => (
            <Table.ScrollContainer minWidth={700}>
              <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('admin.tab.organisations')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('admin.org.name')}</Table.Th>
                    <Table.Th>{t('admin.org.type')}</Table.Th>
                    <Table.Th>{t('admin.org.bin')}</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>{t('table.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((o) => (
                    <Table.Tr key={o.id}>
                      <Table.Td>{organisationName(o, i18n.language)}</Table.Td>
                      <Table.Td>{t(`common:orgType.${o.type}`)}</Table.Td>
                      <Table.Td ff="monospace">{o.bin}</Table.Td>
                      <Table.Td>
                        <Button size="compact-sm" variant="light" onClick={() => onOpenMembers(o.id)}>
                          {t('admin.org.members')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </DataState>
      </Paper>
      <Modal opened={opened} onClose={close} title={t('admin.org.create')} size="lg">
        <CreateOrganisationForm onDone={close} />
      </Modal>
    </>
  );
}
