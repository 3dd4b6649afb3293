import { Button, Group, Menu, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate } from '../../kernel/format/datetime.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { badgeUrl, journalFileUrl } from './journal.queries.ts';
import type { Journal } from './journal.types.ts';
import { useOrder444Access } from '../access.ts';

function Item({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text fw={500}>{value}</Text>
    </Stack>
  );
}

/** The cover of the book (registration, started, ended, sheets) and its downloads. */
export function JournalBook({
  journals,
  journal,
  onPick,
  onClose,
}: {
  journals: Journal[];
  journal: Journal;
  onPick: (id: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { org } = useSession();
  const order444 = useOrder444Access();
  const orgId = org!.id;
  const file = (f: 'print.pdf' | 'export.xlsx', lang: string) => journalFileUrl(orgId, journal.id, f, lang);
  return (
    <Paper withBorder radius="md" p="md" mb="md" data-testid="journal-book">
      <Group justify="space-between" align="flex-start" gap="md">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="lg" style={{ flex: '1 1 420px' }}>
          <Item
            label={t('journal.book.registration')}
            value={t('journal.book.registrationValue', {
              number: journal.registrationNumber,
              date: formatCalendarDate(journal.registrationDate),
            })}
          />
          <Item label={t('journal.book.started')} value={formatCalendarDate(journal.startedOn)} />
          <Item
            label={t('journal.book.ended')}
            value={journal.endedOn ? formatCalendarDate(journal.endedOn) : t('journal.book.notEnded')}
          />
          <Item label={t('journal.book.sheetsShort')} value={journal.sheetCount ? String(journal.sheetCount) : '—'} />
        </SimpleGrid>
        <Group gap="xs">
          {journals.length > 1 && (
            <Select
              aria-label={t('journal.book.pick')}
              w={180}
              data={journals.map((j) => ({ value: j.id, label: `№ ${j.registrationNumber}` }))}
              value={journal.id}
              onChange={(v) => v && onPick(v)}
              allowDeselect={false}
            />
          )}
          {order444.print && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button variant="default">{t('journal.download.button')}</Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item component="a" href={file('print.pdf', 'kk')} download>
                  {t('journal.download.pdfKk')}
                </Menu.Item>
                <Menu.Item component="a" href={file('print.pdf', 'ru')} download>
                  {t('journal.download.pdfRu')}
                </Menu.Item>
                <Menu.Item component="a" href={file('export.xlsx', 'kk')} download>
                  {t('journal.download.xlsxKk')}
                </Menu.Item>
                <Menu.Item component="a" href={file('export.xlsx', 'ru')} download>
                  {t('journal.download.xlsxRu')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
          <Button component="a" href={badgeUrl(orgId)} download variant="default">
            {t('journal.badge')}
          </Button>
          {order444.keeper && !journal.endedOn && (
            <Button variant="light" color="red" onClick={onClose}>
              {t('journal.book.close')}
            </Button>
          )}
        </Group>
      </Group>
    </Paper>
  );
}
