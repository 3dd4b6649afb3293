import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { organisationName, roleLabel } from './access.ts';
import { MANAGEMENT, visibleItems } from './navigation.ts';
import { useModules } from './RuleSets.tsx';
import { useSession } from './SessionContext.tsx';

export function HomePage() {
  const { t, i18n } = useTranslation();
  const { me, org, access } = useSession();
  const modules = useModules();
  const items = [...visibleItems(modules, access, org), ...visibleItems(MANAGEMENT, access, org)];
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('home.welcome', { name: me.fullName })}
        </Title>
        {org && <Text c="dimmed">{organisationName(org, i18n.language)}</Text>}
        <Group gap="xs">
          {me.isPlatformAdmin && <Badge variant="light">{t('common:role.platformAdmin')}</Badge>}
          {org?.roles.map((r) => (
            <Badge key={r} variant="light" color="teal">
              {roleLabel(t, r, org?.type)}
            </Badge>
          ))}
        </Group>
      </Stack>
      {items.length === 0 ? (
        <Text>{t('home.nothing')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {items.map((item) => (
            <Card key={item.path} component={Link} to={item.path} withBorder padding="lg" radius="md">
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Text fw={600}>{t(item.label)}</Text>
                {item.tag && (
                  <Badge variant="light" color="gray">
                    {item.tag}
                  </Badge>
                )}
              </Group>
              <Text size="sm" c="dimmed" mt="xs">
                {t(`${item.label}.about`)}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
