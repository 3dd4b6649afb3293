import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Inspection } from '../shared/pc.types.ts';
import { takeInspection } from './field.db.ts';

/** Keeps the inspection (as the server has it now) on this device and opens its field page, which also works offline. */
export function TakeForField({ orgId, inspection }: { orgId: string; inspection: Inspection }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      color="teal"
      loading={busy}
      data-testid="take-for-field"
      onClick={async () => {
        setBusy(true);
        await takeInspection(orgId, inspection);
        navigate(`/app/public/production-control/field/${inspection.id}`);
      }}
    >
      {t('pc.field.take')}
    </Button>
  );
}
