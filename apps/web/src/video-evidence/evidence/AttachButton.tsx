import { Button, Modal } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AttachForm } from './AttachForm.tsx';
import type { Recording } from './evidence.types.ts';

/** The responsible person's action on a recording in the unattributed queue. */
export function AttachButton({ orgId, recording }: { orgId: string; recording: Recording }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="compact-sm"
        variant="light"
        style={{ flexShrink: 0 }}
        onClick={() => setOpen(true)}
        aria-label={t('evidence.attach.for', { name: recording.originalName })}
      >
        {t('evidence.attach.button')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('evidence.attach.title')} size="lg">
        {open && <AttachForm orgId={orgId} recording={recording} onDone={() => setOpen(false)} />}
      </Modal>
    </>
  );
}
