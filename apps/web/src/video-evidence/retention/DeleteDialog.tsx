import { Alert, Button, Group, List, Modal, ScrollArea, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../kernel/api/errors.ts';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { CodeField } from '../../kernel/auth/CodeField.tsx';
import { formatSize } from '../evidence/evidenceText.ts';
import { ActResult } from './ActResult.tsx';
import { useDeleteExpired } from './retention.queries.ts';
import type { DeletionAct, RetentionRecording } from './retention.types.ts';

/**
 * R444-6/12: what is about to be deleted, said plainly (how many, how much, that it cannot be undone), then the
 * second factor again; the answer is the deletion act with its PDF in Kazakh and Russian.
 */
export function DeleteDialog({
  orgId,
  recordings,
  opened,
  onClose,
}: {
  orgId: string;
  recordings: RetentionRecording[];
  opened: boolean;
  onClose: (deleted: boolean) => void;
}) {
  const { t } = useTranslation();
  const del = useDeleteExpired(orgId);
  const [code, setCode] = useState('');
  const [tried, setTried] = useState(false);
  const [act, setAct] = useState<DeletionAct | null>(null);
  const total = recordings.reduce((s, r) => s + r.size, 0);
  const codeWrong = del.error instanceof ApiError && del.error.code === 'auth.totp_invalid' ? del.error.message : undefined;

  const close = () => {
    const deleted = act !== null;
    setCode('');
    setTried(false);
    setAct(null);
    del.reset();
    onClose(deleted);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!/^\d{6}$/.test(code)) return;
    try {
      setAct(await del.mutateAsync({ recordingIds: recordings.map((r) => r.id), totpCode: code }));
    } catch {
      // shown below: a wrong code next to the field, anything else above it
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={t(act ? 'retention.delete.doneTitle' : 'retention.delete.title')} size="lg">
      {act ? (
        <Stack gap="md">
          <ActResult orgId={orgId} act={act} />
          <Group justify="flex-end">
            <Button onClick={close}>{t('action.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate data-testid="delete-form">
          <Stack gap="md">
            <Alert color="red" variant="light" title={t('retention.delete.irreversibleTitle')}>
              <Text size="sm" data-testid="delete-summary">
                {t('retention.delete.summary', { count: recordings.length, size: formatSize(total) })}
              </Text>
              <Text size="sm" mt="xs">
                {t('retention.delete.irreversible')}
              </Text>
            </Alert>
            <ScrollArea.Autosize mah={180}>
              <List size="sm" spacing={2}>
                {recordings.map((r) => (
                  <List.Item key={r.id}>
                    {r.originalName} · {r.inventoryNumber} · {formatSize(r.size)}
                  </List.Item>
                ))}
              </List>
            </ScrollArea.Autosize>
            {!codeWrong && <ErrorAlert error={del.error} />}
            <CodeField
              value={code}
              onChange={(v) => {
                setCode(v);
                if (del.error) del.reset();
              }}
              error={codeWrong ?? (tried && !/^\d{6}$/.test(code) ? t('form.required') : undefined)}
            />
            <Text size="xs" c="dimmed">
              {t('retention.delete.codeWhy')}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('action.cancel')}
              </Button>
              <Button type="submit" color="red" loading={del.isPending}>
                {t('retention.delete.submit', { count: recordings.length })}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
