import { Badge, Button, Group, Modal, Paper, Table } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { DataState } from '../components/DataState.tsx';
import { useUsers } from './admin.queries.ts';
import { CreateUserForm } from './CreateUserForm.tsx';

export function UsersPanel() {
  const { t } = useTranslation();
  const users = useUsers();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Group justify="flex-end" mb="sm">
        <Button onClick={open}>{t('admin.user.create')}</Button>
      </Group>
      <Paper withBorder radius="md">
        <DataState query={users} empty={t('admin.user.empty')}>
          {(rows) => (
            <Table.ScrollContainer minWidth={640}>
              <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('admin.tab.users')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('admin.user.fullName')}</Table.Th>
                    <Table.Th>{t('admin.user.login')}</Table.Th>
                    <Table.Th>{t('admin.user.secondFactor')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((u) => (
                    <Table.Tr key={u.id}>
                      <Table.Td>
                        {u.fullName}{' '}
                        {u.isPlatformAdmin && (
                          <Badge size="xs" variant="light" ml={4}>
                            {t('common:role.platformAdmin')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td ff="monospace">{u.login}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={u.totpEnabled ? 'teal' : 'gray'}>
                          {u.totpEnabled ? t('admin.user.totpOn') : t('admin.user.totpOff')}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </DataState>
      </Paper>
      <Modal opened={opened} onClose={close} title={t('admin.user.create')} size="lg">
        <CreateUserForm onDone={close} />
      </Modal>
    </>
  );
}
