import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../shell/LanguageSwitch.tsx';

/** The frame of the sign-in steps: product name, language choice, one card. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0">
      <Group justify="space-between" p="md">
        <Text fw={700} size="lg" c="teal.8">
          {t('common:product')}
        </Text>
        <LanguageSwitch />
      </Group>
      <Center px="md" pb="xl" pt="xl">
        <Stack w="100%" maw={440} gap="md">
          <Text c="dimmed" size="sm" ta="center">
            {t('auth.tagline')}
          </Text>
          <Paper withBorder shadow="sm" radius="md" p="xl" component="main">
            <Title order={1} size="h3" mb="md">
              {title}
            </Title>
            {children}
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
