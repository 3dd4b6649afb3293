import { Modal, Stack } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMembers } from '../../kernel/members/members.queries.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import type { Finding } from './evidence.types.ts';
import { FindingItem } from './FindingItem.tsx';
import { AnnotateForm } from './AnnotateForm.tsx';
import { useOrder444Access } from '../access.ts';

interface Props {
  orgId: string;
  findings: Finding[];
  context?: (f: Finding) => ReactNode;
}

/** Findings with the head's annotate action (R444-19); others see the annotations only. */
export function FindingList({ orgId, findings, context }: Props) {
  const { t } = useTranslation();
  const { access } = useSession();
  const order444 = useOrder444Access();
  const members = useMembers(orgId, access.members);
  const [annotating, setAnnotating] = useState<Finding | null>(null);
  const nameOf = (id: string) => members.data?.find((m) => m.id === id)?.fullName;
  return (
    <>
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {findings.map((f) => (
          <FindingItem
            key={f.id}
            finding={f}
            nameOf={nameOf}
            context={context?.(f)}
            onAnnotate={order444.annotate ? setAnnotating : undefined}
          />
        ))}
      </Stack>
      <Modal opened={annotating !== null} onClose={() => setAnnotating(null)} title={t('evidence.annotate.title')} size="lg">
        {annotating && <AnnotateForm orgId={orgId} finding={annotating} onDone={() => setAnnotating(null)} />}
      </Modal>
    </>
  );
}
