import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../kernel/api/errors.ts';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { useRemovePartialUpload, type PartialUpload } from './uploads.queries.ts';

/** R444-6: only the responsible person removes a partial upload, saying why; the ledger keeps the reason. */
export function RemoveUploadButton({ orgId, upload }: { orgId: string; upload: PartialUpload }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const remove = useRemovePartialUpload(orgId);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (reason.trim().length < 3) return;
    try {
      await remove.mutateAsync({ uploadId: upload.uploadId, reason: reason.trim() });
      setOpen(false);
    } catch {
      // shown below
    }
  };
  return (
    <>
      <Button
        size="compact-sm"
        variant="light"
        color="red"
        style={{ flexShrink: 0 }}
        onClick={() => setOpen(true)}
        aria-label={t('dashboard.uploads.removeFor', { name: upload.fileName })}
      >
        {t('dashboard.uploads.remove')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('dashboard.uploads.removeTitle')}>
        <form onSubmit={submit} noValidate data-testid="remove-upload-form">
          <Stack gap="md">
            <Text size="sm">{t('dashboard.uploads.removeWhat', { name: upload.fileName, recorder: upload.inventoryNumber })}</Text>
            <ErrorAlert error={remove.error} shownFields={['reason']} />
            <Textarea
              data-autofocus
              label={t('dashboard.uploads.reason')}
              required
              autosize
              minRows={2}
              maxLength={1000}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={
                (tried && reason.trim().length < 3 ? t('evidence.annotate.noteShort') : undefined) ?? fieldError(remove.error, 'reason')
              }
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                {t('action.cancel')}
              </Button>
              <Button type="submit" color="red" loading={remove.isPending}>
                {t('dashboard.uploads.remove')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
