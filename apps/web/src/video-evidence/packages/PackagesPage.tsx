import { Anchor, Badge, Button, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DataState } from '../../kernel/components/DataState.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { formatDateTime } from '../../kernel/format/datetime.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { PackageState } from './PackageState.tsx';
import { usePackages } from './packages.queries.ts';
import { newPackagePath, packagePath } from './paths.ts';
import { useOrder444Access } from '../access.ts';

/** R444-14: packages for courts and authorised bodies, newest first, with their build progress. */
export function PackagesPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const order444 = useOrder444Access();
  const orgId = org!.id;
  const packages = usePackages(orgId);
  return (
    <>
      <PageHeader
        title={t('packages.title')}
        description={order444.makePackages ? t('packages.description') : t('packages.descriptionReadOnly')}
        actions={
          order444.makePackages ? (
            <Button component={Link} to={newPackagePath()}>
              {t('packages.new')}
            </Button>
          ) : undefined
        }
      />
      <Paper withBorder radius="md" p="xs">
        <DataState query={packages} empty={t('packages.empty')}>
          {(rows) => (
            <Table.ScrollContainer minWidth={760}>
              <Table verticalSpacing="xs" fz="sm" striped highlightOnHover data-testid="packages-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('packages.number')}</Table.Th>
                    <Table.Th>{t('packages.recipient')}</Table.Th>
                    <Table.Th>{t('packages.contents')}</Table.Th>
                    <Table.Th>{t('packages.created')}</Table.Th>
                    <Table.Th w={200}>{t('packages.stateLabel')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((p) => (
                    <Table.Tr key={p.id} data-package={p.number}>
                      <Table.Td>
                        <Anchor component={Link} to={packagePath(p.id)} fw={600} size="sm">
                          {p.number}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Badge size="xs" variant="outline" color="gray" tt="none" mr={6}>
                          {t(`packages.kind.${p.recipient.kind}`)}
                        </Badge>
                        {p.recipient.name}
                        <Text size="xs" c="dimmed">
                          {t('packages.caseValue', { caseNumber: p.recipient.caseNumber })}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {t('packages.counts', { count: p.counts.recordings, excerpts: p.counts.excerpts, materials: p.counts.materials })}
                      </Table.Td>
                      <Table.Td>
                        {p.createdBy.fullName}
                        <Text size="xs" c="dimmed">
                          {formatDateTime(p.createdAt)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <PackageState pkg={p} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </DataState>
      </Paper>
    </>
  );
}
