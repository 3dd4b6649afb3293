import { Alert, Button, Center, Group, Loader, Modal, Paper, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataState } from '../../kernel/components/DataState.tsx';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { CloseJournalForm, OpenJournalForm } from './BookForms.tsx';
import { IssueForm } from './IssueForm.tsx';
import { JournalBook } from './JournalBook.tsx';
import { JournalTable } from './JournalTable.tsx';
import { useEntries, useJournals } from './journal.queries.ts';
import type { JournalEntry } from './journal.types.ts';
import { ReturnForm } from './ReturnForm.tsx';
import { StrikeForm } from './StrikeForm.tsx';
import { useOrder444Access } from '../access.ts';

type Dialog = 'issue' | 'return' | 'open' | 'close' | null;

/** The issue and return journal (Appendix 1) with the counter's actions for the responsible person. */
export function JournalPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const order444 = useOrder444Access();
  const orgId = org!.id;
  const keeper = order444.keeper;
  const journals = useJournals(orgId);
  const [picked, setPicked] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [striking, setStriking] = useState<JournalEntry | null>(null);
  const books = journals.data ?? [];
  const openBook = books.find((j) => !j.endedOn) ?? null;
  const journal = books.find((j) => j.id === picked) ?? openBook ?? books[0] ?? null;
  const entries = useEntries(orgId, journal?.id);
  const writable = keeper && journal !== null && journal.id === openBook?.id;

  const actions = (
    <>
      {writable && (
        <>
          <Button onClick={() => setDialog('issue')}>{t('journal.issue.button')}</Button>
          <Button variant="light" onClick={() => setDialog('return')}>
            {t('journal.return.button')}
          </Button>
        </>
      )}
      {keeper && !openBook && journals.data && <Button onClick={() => setDialog('open')}>{t('journal.book.open')}</Button>}
    </>
  );

  return (
    <>
      <PageHeader
        title={t('journal.title')}
        description={order444.print ? t('journal.description') : t('journal.descriptionOwn')}
        actions={actions}
      />
      {journals.error && <ErrorAlert error={journals.error} />}
      {journals.isPending && (
        <Center p="lg">
          <Loader size="sm" aria-label={t('loading')} />
        </Center>
      )}
      {journals.data && !journal && (
        <Alert color="blue" variant="light" title={t('journal.none.title')}>
          {keeper ? t('journal.none.keeper') : t('journal.none.other')}
        </Alert>
      )}
      {journal && (
        <>
          <JournalBook journals={books} journal={journal} onPick={setPicked} onClose={() => setDialog('close')} />
          <Paper withBorder radius="md">
            <DataState query={entries} empty={t('journal.empty')}>
              {(rows) => <JournalTable entries={rows} canStrike={writable} linkRecorders={order444.fleet} onStrike={setStriking} />}
            </DataState>
          </Paper>
          {writable && (
            <Group mt="xs">
              <Text size="xs" c="dimmed">
                {t('journal.strike.rule')}
              </Text>
            </Group>
          )}
        </>
      )}
      <Modal opened={dialog === 'issue'} onClose={() => setDialog(null)} title={t('journal.issue.title')} size="xl">
        <IssueForm orgId={orgId} onClose={() => setDialog(null)} />
      </Modal>
      <Modal opened={dialog === 'return'} onClose={() => setDialog(null)} title={t('journal.return.title')} size="lg">
        <ReturnForm orgId={orgId} entries={entries.data ?? []} onClose={() => setDialog(null)} />
      </Modal>
      <Modal opened={dialog === 'open'} onClose={() => setDialog(null)} title={t('journal.book.openTitle')} size="md">
        <OpenJournalForm orgId={orgId} onDone={() => setDialog(null)} />
      </Modal>
      <Modal opened={dialog === 'close' && !!journal} onClose={() => setDialog(null)} title={t('journal.book.closeTitle')} size="md">
        {journal && <CloseJournalForm orgId={orgId} journal={journal} onDone={() => setDialog(null)} />}
      </Modal>
      <Modal
        opened={striking !== null}
        onClose={() => setStriking(null)}
        title={striking ? t('journal.strike.title', { number: striking.number }) : ''}
        size="lg"
      >
        {striking && <StrikeForm orgId={orgId} entry={striking} onDone={() => setStriking(null)} />}
      </Modal>
    </>
  );
}
